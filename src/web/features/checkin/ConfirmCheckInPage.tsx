import { Button, Card, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useParams } from "react-router";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { checkInApi } from "./api.js";

/**
 * The link in a picked name's e-mail. Opening it changes nothing (mail scanners open links on
 * their own); the member confirms with the button.
 */
export default function ConfirmCheckInPage() {
  usePageTitle("Confirm your check-in");
  const { token = "" } = useParams();
  const confirm = useMutation({ mutationFn: () => checkInApi.confirm(token) });
  const r = confirm.data;
  return (
    <Card maw={480} mx="auto" p={{ base: "md", sm: "xl" }}>
      <Stack gap="lg">
        {r ? (
          <div role="status">
            <Title order={1} fz={28} mb="sm">
              You're checked in, {r.name}
            </Title>
            <Text size="lg">
              {r.status === "already_checked_in"
                ? `You were already counted at ${r.meetingTitle}.`
                : `You are counted as present at ${r.meetingTitle}.`}
            </Text>
          </div>
        ) : (
          <>
            <Title order={1} fz={28}>
              Are you at the meeting?
            </Title>
            <Text size="lg">
              Someone picked your name on the meeting's check-in. Confirm only if that was you.
            </Text>
            {confirm.error && (
              <Text role="alert" c="red.9">
                {errorMessage(confirm.error)}
              </Text>
            )}
            <Button size="xl" fullWidth onClick={() => confirm.mutate()} loading={confirm.isPending}>
              Yes, I'm here
            </Button>
          </>
        )}
      </Stack>
    </Card>
  );
}
