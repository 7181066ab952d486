import { useState } from "react";
import { Alert, Anchor, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { PartnershipDetail } from "../../../core/partnerships.js";
import { CopyField } from "../../components/CopyField.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { errorMessage } from "../../lib/api.js";
import { calendarFeedUrl, meetingFeedApi, meetingFeedKey, useMyMeetingFeed } from "./api.js";

type Confirming = "regenerate" | "revoke" | null;

const confirmText = {
  regenerate: {
    title: "Get a new calendar address?",
    body: "Calendars subscribed to your current address stop updating at once. Subscribe again with the new address.",
    action: "Get a new address",
  },
  revoke: {
    title: "Turn your calendar address off?",
    body: "Calendars subscribed to it stop updating, and the address stops working. You can get a new one later.",
    action: "Turn it off",
  },
} as const;

/**
 * "Subscribe in your calendar": the member's private feed (every partnership they belong to, in
 * full), with copy, regenerate and turn off, and the partnership's public feed.
 */
export function CalendarSubscribe({ p }: { p: PartnershipDetail }) {
  const queryClient = useQueryClient();
  const feed = useMyMeetingFeed(true);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (what: "regenerate" | "revoke") =>
      what === "regenerate" ? meetingFeedApi.regenerate() : meetingFeedApi.revoke(),
    onSuccess: (data, what) => {
      queryClient.setQueryData(meetingFeedKey, data ?? { url: null, createdAt: null });
      setConfirming(null);
      setProblem(null);
      notifications.show({
        color: "table",
        message: what === "revoke" ? "Your calendar address is off." : "Your new calendar address is ready.",
      });
    },
    onError: (error) => setProblem(errorMessage(error)),
  });
  const publicFeed = calendarFeedUrl(p.slug);
  const url = feed.data?.url ?? null;

  return (
    <Card component="section" aria-labelledby="subscribe-heading" withBorder>
      <Title order={2} fz="lg" id="subscribe-heading" mb="xs">
        Subscribe in your calendar
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          Your private address brings the meetings of every partnership you belong to into Google Calendar,
          Outlook or Apple Calendar, with place, link, agenda, notes and attendance. Keep it to yourself:
          anyone with the address can read them.
        </Text>
        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        {feed.isPending ? (
          <Text size="sm" c="dimmed">
            Loading your calendar address…
          </Text>
        ) : feed.isError ? (
          <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />
        ) : url ? (
          <>
            <CopyField label="Your private calendar address" value={url} />
            <Group gap="xs">
              <Button variant="light" size="xs" onClick={() => setConfirming("regenerate")}>
                Get a new address
              </Button>
              <Button variant="subtle" color="red" size="xs" onClick={() => setConfirming("revoke")}>
                Turn it off
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button variant="default" onClick={() => change.mutate("regenerate")} loading={change.isPending}>
              Make my private calendar address
            </Button>
          </Group>
        )}
        <Text size="sm">
          The public calendar of {p.name} shows only the meetings marked public, with their title, kind and
          time, as the public profile does:{" "}
          <Anchor href={publicFeed} size="sm" style={{ wordBreak: "break-all" }}>
            {publicFeed}
          </Anchor>
        </Text>
      </Stack>
      <Modal
        closeButtonProps={{ "aria-label": "Close" }}
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? confirmText[confirming].title : ""}
      >
        {confirming && (
          <Stack gap="md">
            <Text size="sm">{confirmText[confirming].body}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                Cancel
              </Button>
              <Button
                color={confirming === "revoke" ? "red" : undefined}
                loading={change.isPending}
                onClick={() => change.mutate(confirming)}
              >
                {confirmText[confirming].action}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
