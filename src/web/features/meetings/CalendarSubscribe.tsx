import { useState } from "react";
import { Alert, Anchor, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import type { PartnershipDetail } from "../../../core/partnerships.js";
import { CopyField } from "../../components/CopyField.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { errorMessage } from "../../lib/api.js";
import { calendarFeedUrl, meetingFeedApi, meetingFeedKey, useMyMeetingFeed } from "./api.js";
import { recordWords } from "./messages.js";

type Confirming = "regenerate" | "revoke" | null;

const words = defineMessages({
  regenerateTitle: { id: "meetings.calendar.regenerateTitle", defaultMessage: "Get a new calendar address?" },
  regenerateBody: {
    id: "meetings.calendar.regenerateBody",
    defaultMessage:
      "Calendars subscribed to your current address stop updating at once. Subscribe again with the new address.",
  },
  regenerateAction: { id: "meetings.calendar.regenerateAction", defaultMessage: "Get a new address" },
  revokeTitle: { id: "meetings.calendar.revokeTitle", defaultMessage: "Turn your calendar address off?" },
  revokeBody: {
    id: "meetings.calendar.revokeBody",
    defaultMessage:
      "Calendars subscribed to it stop updating, and the address stops working. You can get a new one later.",
  },
  revokeAction: { id: "meetings.calendar.revokeAction", defaultMessage: "Turn it off" },
});

const confirmText = {
  regenerate: { title: words.regenerateTitle, body: words.regenerateBody, action: words.regenerateAction },
  revoke: { title: words.revokeTitle, body: words.revokeBody, action: words.revokeAction },
} as const;

/**
 * "Subscribe in your calendar": the member's private feed (every partnership they belong to, in
 * full), with copy, regenerate and turn off, and the partnership's public feed.
 */
export function CalendarSubscribe({ p }: { p: PartnershipDetail }) {
  const intl = useIntl();
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
        message:
          what === "revoke"
            ? intl.formatMessage({
                id: "meetings.calendar.revokedToast",
                defaultMessage: "Your calendar address is off.",
              })
            : intl.formatMessage({
                id: "meetings.calendar.regeneratedToast",
                defaultMessage: "Your new calendar address is ready.",
              }),
      });
    },
    onError: (error) => setProblem(errorMessage(error)),
  });
  const publicFeed = calendarFeedUrl(p.slug);
  const url = feed.data?.url ?? null;

  return (
    <Card component="section" aria-labelledby="subscribe-heading" withBorder>
      <Title order={2} fz="lg" id="subscribe-heading" mb="xs">
        <FormattedMessage id="meetings.calendar.title" defaultMessage="Subscribe in your calendar" />
      </Title>
      <Stack gap="sm">
        <Text size="sm">
          <FormattedMessage
            id="meetings.calendar.privateHelp"
            defaultMessage="Your private address brings the meetings of every partnership you belong to into Google Calendar, Outlook or Apple Calendar, with place, link, agenda, notes and attendance. Keep it to yourself: anyone with the address can read them."
          />
        </Text>
        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        {feed.isPending ? (
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="meetings.calendar.loading"
              defaultMessage="Loading your calendar address…"
            />
          </Text>
        ) : feed.isError ? (
          <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />
        ) : url ? (
          <>
            <CopyField
              label={intl.formatMessage({
                id: "meetings.calendar.privateLabel",
                defaultMessage: "Your private calendar address",
              })}
              value={url}
            />
            <Group gap="xs">
              <Button variant="light" size="xs" onClick={() => setConfirming("regenerate")}>
                <FormattedMessage {...words.regenerateAction} />
              </Button>
              <Button variant="subtle" color="red" size="xs" onClick={() => setConfirming("revoke")}>
                <FormattedMessage {...words.revokeAction} />
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button variant="default" onClick={() => change.mutate("regenerate")} loading={change.isPending}>
              <FormattedMessage
                id="meetings.calendar.makeButton"
                defaultMessage="Make my private calendar address"
              />
            </Button>
          </Group>
        )}
        <Text size="sm">
          <FormattedMessage
            id="meetings.calendar.publicHelp"
            defaultMessage="The public calendar of {name} shows only the meetings marked public, with their title, kind and time, as the public profile does: {link}"
            values={{
              name: p.name,
              link: (
                <Anchor href={publicFeed} size="sm" style={{ wordBreak: "break-all" }}>
                  {publicFeed}
                </Anchor>
              ),
            }}
          />
        </Text>
      </Stack>
      <Modal
        closeButtonProps={{ "aria-label": intl.formatMessage(recordWords.close) }}
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? intl.formatMessage(confirmText[confirming].title) : ""}
      >
        {confirming && (
          <Stack gap="md">
            <Text size="sm">{intl.formatMessage(confirmText[confirming].body)}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                <FormattedMessage {...recordWords.cancel} />
              </Button>
              <Button
                color={confirming === "revoke" ? "red" : undefined}
                loading={change.isPending}
                onClick={() => change.mutate(confirming)}
              >
                {intl.formatMessage(confirmText[confirming].action)}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
