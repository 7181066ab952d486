import { Button, Card, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import { useParams } from "react-router";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { checkInApi } from "./api.js";

/**
 * The link in a picked name's e-mail. Opening it changes nothing (mail scanners open links on
 * their own); the member confirms with the button.
 */
export default function ConfirmCheckInPage() {
  const intl = useIntl();
  usePageTitle(
    intl.formatMessage({ id: "checkin.confirm.pageTitle", defaultMessage: "Confirm your check-in" }),
  );
  const { token = "" } = useParams();
  const confirm = useMutation({ mutationFn: () => checkInApi.confirm(token) });
  const r = confirm.data;
  return (
    <Card maw={480} mx="auto" p={{ base: "md", sm: "xl" }}>
      <Stack gap="lg">
        {r ? (
          <div role="status">
            <Title order={1} fz={28} mb="sm">
              <FormattedMessage
                id="checkin.confirm.done"
                defaultMessage="You're checked in, {name}"
                values={{ name: r.name }}
              />
            </Title>
            <Text size="lg">
              {r.status === "already_checked_in" ? (
                <FormattedMessage
                  id="checkin.confirm.alreadyCounted"
                  defaultMessage="You were already counted at {meeting}."
                  values={{ meeting: r.meetingTitle }}
                />
              ) : (
                <FormattedMessage
                  id="checkin.confirm.counted"
                  defaultMessage="You are counted as present at {meeting}."
                  values={{ meeting: r.meetingTitle }}
                />
              )}
            </Text>
          </div>
        ) : (
          <>
            <Title order={1} fz={28}>
              <FormattedMessage id="checkin.confirm.question" defaultMessage="Are you at the meeting?" />
            </Title>
            <Text size="lg">
              <FormattedMessage
                id="checkin.confirm.explanation"
                defaultMessage="Someone picked your name on the meeting's check-in. Confirm only if that was you."
              />
            </Text>
            {confirm.error && (
              <Text role="alert" c="red.9">
                {errorMessage(confirm.error)}
              </Text>
            )}
            <Button size="xl" fullWidth onClick={() => confirm.mutate()} loading={confirm.isPending}>
              <FormattedMessage id="checkin.confirm.yesButton" defaultMessage="Yes, I'm here" />
            </Button>
          </>
        )}
      </Stack>
    </Card>
  );
}
