import { useState } from "react";
import { Button, List, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { formatMeetingSpan } from "../../../core/meeting-time.js";
import type { Meeting } from "../../../core/meetings.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { meetingKey, meetingsApi, meetingsKey } from "./api.js";

const words = defineMessages({
  cancel: { id: "meetings.cancel.button", defaultMessage: "Cancel the meeting" },
});

/**
 * Cancels a meeting after saying, in the app's own dialog, what that does; restores it in one
 * click (nothing is lost either way). What it says is what the server does: a cancelled meeting
 * keeps its attendance but is left out of the health panel and the self-assessment's evidence,
 * leaves the home page's coming-up list, and its calendar entry reads cancelled; nobody is e-mailed.
 */
export function CancelMeeting({ meeting }: { meeting: Meeting }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const present = meeting.attendees.length + meeting.guests.length;
  const change = useMutation({
    mutationFn: (cancelled: boolean) =>
      meetingsApi.patch(meeting.id, { cancelled, version: meeting.version }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(meetingKey(meeting.id), saved);
      setAsking(false);
      await queryClient.invalidateQueries({ queryKey: meetingsKey(meeting.partnershipId) });
      notifications.show({
        color: "table",
        message: saved.cancelled
          ? intl.formatMessage(
              { id: "meetings.cancel.cancelledToast", defaultMessage: "{title} is cancelled." },
              { title: saved.title },
            )
          : intl.formatMessage(
              { id: "meetings.cancel.restoredToast", defaultMessage: "{title} is restored." },
              { title: saved.title },
            ),
      });
    },
    onError: async (error) => {
      if (error instanceof ApiError && error.status === 409) {
        await queryClient.invalidateQueries({ queryKey: meetingKey(meeting.id) });
      }
    },
  });

  if (meeting.cancelled) {
    return (
      <Button variant="subtle" onClick={() => change.mutate(false)} loading={change.isPending}>
        <FormattedMessage id="meetings.cancel.restoreButton" defaultMessage="Restore the meeting" />
      </Button>
    );
  }
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        // Red 9 on white: the subtle variant's own red is below 4.5:1.
        c="red.9"
        onClick={() => {
          change.reset();
          setAsking(true);
        }}
      >
        <FormattedMessage {...words.cancel} />
      </Button>
      <ConfirmDialog
        opened={asking}
        title={intl.formatMessage({
          id: "meetings.cancel.confirmTitle",
          defaultMessage: "Cancel this meeting?",
        })}
        confirmLabel={intl.formatMessage(words.cancel)}
        closeLabel={intl.formatMessage({
          id: "meetings.cancel.keepButton",
          defaultMessage: "Keep the meeting",
        })}
        danger
        pending={change.isPending}
        problem={change.isError ? errorMessage(change.error) : null}
        onConfirm={() => change.mutate(true)}
        onClose={() => setAsking(false)}
      >
        <Text size="sm">
          <FormattedMessage
            id="meetings.cancel.intro"
            defaultMessage="{title} ({when}) will be marked cancelled:"
            values={{
              title: meeting.title,
              when: formatMeetingSpan(meeting.startsAt, meeting.endsAt, meeting.timeZone),
            }}
          />
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>
            <FormattedMessage
              id="meetings.cancel.effectCalendars"
              defaultMessage="members see it as cancelled here, and calendars that subscribe to this partnership show it as cancelled;"
            />
          </List.Item>
          <List.Item>
            <FormattedMessage
              id="meetings.cancel.effectHome"
              defaultMessage="it no longer shows on members’ home pages as coming up;"
            />
          </List.Item>
          <List.Item>
            <FormattedMessage
              id="meetings.cancel.effectNoEmail"
              defaultMessage="nobody is e-mailed: tell the people who planned to come."
            />
          </List.Item>
        </List>
        {present > 0 && (
          <Text size="sm">
            <FormattedMessage
              id="meetings.cancel.attendance"
              defaultMessage="<b>{count, plural, one {# person is} other {# people are}} recorded as attending; cancelling keeps their attendance out of the partnership’s counts</b> (meetings held, the business share of attendance and the public partners engaged on the health panel, and the self-assessment’s evidence). Their attendance stays recorded here."
              values={{
                count: present,
                b: (chunks) => (
                  <Text span fw={700} inherit>
                    {chunks}
                  </Text>
                ),
              }}
            />
          </Text>
        )}
        <Text size="sm">
          <FormattedMessage
            id="meetings.cancel.restoreNote"
            defaultMessage="You can restore the meeting later; everything recorded comes back with it."
          />
        </Text>
      </ConfirmDialog>
    </>
  );
}
