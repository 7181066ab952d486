import type { ReactNode } from "react";
import { Alert, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from "react-intl";
import { rsvpAnswers, rsvpAnswerWords, type RsvpAnswer } from "../../../core/meeting-rsvps.js";
import type { Meeting } from "../../../core/meetings.js";
import { errorMessage } from "../../lib/api.js";
import { meetingKey, meetingsApi } from "./api.js";

const groupWords = defineMessages({
  yes: { id: "meetings.rsvp.group.yes", defaultMessage: "Yes" },
  maybe: { id: "meetings.rsvp.group.maybe", defaultMessage: "Maybe" },
  no: { id: "meetings.rsvp.group.no", defaultMessage: "No" },
  none: { id: "meetings.rsvp.group.none", defaultMessage: "No answer yet" },
});

const groups: { key: string; answer: RsvpAnswer | null; label: MessageDescriptor }[] = [
  { key: "yes", answer: "yes", label: groupWords.yes },
  { key: "maybe", answer: "maybe", label: groupWords.maybe },
  { key: "no", answer: "no", label: groupWords.no },
  { key: "none", answer: null, label: groupWords.none },
];

/**
 * Who is coming: the answers to the invitation (by its e-mail links or here), counted, with the
 * names to members, and the caller's own answer as three large buttons (a phone is where most
 * answer). A later answer replaces the earlier one.
 */
export function MeetingRsvp({ meeting }: { meeting: Meeting }) {
  const intl = useIntl();
  const r = meeting.rsvp;
  const people = r.people ?? [];
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (answer: RsvpAnswer) => meetingsApi.answer(meeting.id, answer),
    onSuccess: (saved) => queryClient.setQueryData(meetingKey(meeting.id), saved),
  });
  const bold = (chunks: ReactNode[]) => (
    <Text span fw={700}>
      {chunks}
    </Text>
  );
  const counts = [
    {
      key: "yes",
      text: intl.formatMessage(
        { id: "meetings.rsvp.count.yes", defaultMessage: "<b>{count}</b> yes" },
        { count: r.yes, b: bold },
      ),
    },
    {
      key: "maybe",
      text: intl.formatMessage(
        { id: "meetings.rsvp.count.maybe", defaultMessage: "<b>{count}</b> maybe" },
        { count: r.maybe, b: bold },
      ),
    },
    {
      key: "no",
      text: intl.formatMessage(
        { id: "meetings.rsvp.count.no", defaultMessage: "<b>{count}</b> no" },
        { count: r.no, b: bold },
      ),
    },
    {
      key: "none",
      text: intl.formatMessage(
        { id: "meetings.rsvp.count.none", defaultMessage: "<b>{count}</b> no answer" },
        { count: r.noAnswer, b: bold },
      ),
    },
  ];
  return (
    <Card component="section" aria-labelledby="rsvp-heading">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="rsvp-heading">
          <FormattedMessage id="meetings.rsvp.title" defaultMessage="Who's coming" />
        </Title>
        <Group gap="md" wrap="wrap" data-testid="rsvp-counts">
          {counts.map((c) => (
            <Text key={c.key} size="md">
              {c.text}
            </Text>
          ))}
        </Group>
        {r.canAnswer ? (
          <Stack gap={6}>
            <Text size="sm" fw={600} id="my-rsvp-label">
              <FormattedMessage id="meetings.rsvp.question" defaultMessage="Will you come?" />
            </Text>
            <Group gap="xs" grow role="group" aria-labelledby="my-rsvp-label">
              {rsvpAnswers.map((a) => (
                <Button
                  key={a}
                  size="md"
                  // Three to a 390 px row: the label needs the room more than the padding.
                  px="xs"
                  variant={r.mine === a ? "filled" : "default"}
                  aria-pressed={r.mine === a}
                  loading={save.isPending && save.variables === a}
                  disabled={save.isPending && save.variables !== a}
                  onClick={() => save.mutate(a)}
                >
                  {rsvpAnswerWords[a]}
                </Button>
              ))}
            </Group>
            {save.isError && (
              <Alert
                color="red"
                variant="light"
                role="alert"
                title={intl.formatMessage({
                  id: "meetings.rsvp.notSaved",
                  defaultMessage: "Your answer was not saved",
                })}
              >
                {errorMessage(save.error)}
              </Alert>
            )}
          </Stack>
        ) : (
          r.mine && (
            <Text size="sm">
              <FormattedMessage
                id="meetings.rsvp.youAnswered"
                defaultMessage="You answered <b>{answer}</b>."
                values={{ answer: rsvpAnswerWords[r.mine], b: (chunks) => <strong>{chunks}</strong> }}
              />
            </Text>
          )
        )}
        {people.length > 0 && (
          <Stack gap={4}>
            {groups.map((g) => {
              const names = people.filter((p) => p.answer === g.answer).map((p) => p.name);
              if (!names.length) return null;
              return (
                <Text key={g.key} size="sm">
                  <Text span fw={600}>
                    {intl.formatMessage(g.label)}:
                  </Text>{" "}
                  {names.join(", ")}
                </Text>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
