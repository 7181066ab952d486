import { Alert, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { rsvpAnswers, rsvpAnswerWords, type RsvpAnswer } from "../../../core/meeting-rsvps.js";
import type { Meeting } from "../../../core/meetings.js";
import { errorMessage } from "../../lib/api.js";
import { meetingKey, meetingsApi } from "./api.js";

const groups: { answer: RsvpAnswer | null; label: string }[] = [
  { answer: "yes", label: "Yes" },
  { answer: "maybe", label: "Maybe" },
  { answer: "no", label: "No" },
  { answer: null, label: "No answer yet" },
];

/**
 * Who is coming: the answers to the invitation (by its e-mail links or here), counted, with the
 * names to members, and the caller's own answer as three large buttons (a phone is where most
 * answer). A later answer replaces the earlier one.
 */
export function MeetingRsvp({ meeting }: { meeting: Meeting }) {
  const r = meeting.rsvp;
  const people = r.people ?? [];
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (answer: RsvpAnswer) => meetingsApi.answer(meeting.id, answer),
    onSuccess: (saved) => queryClient.setQueryData(meetingKey(meeting.id), saved),
  });
  const counts = [
    { key: "yes", n: r.yes, label: "yes" },
    { key: "maybe", n: r.maybe, label: "maybe" },
    { key: "no", n: r.no, label: "no" },
    { key: "none", n: r.noAnswer, label: "no answer" },
  ];
  return (
    <Card component="section" aria-labelledby="rsvp-heading">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="rsvp-heading">
          Who's coming
        </Title>
        <Group gap="md" wrap="wrap" data-testid="rsvp-counts">
          {counts.map((c) => (
            <Text key={c.key} size="md">
              <Text span fw={700}>
                {c.n}
              </Text>{" "}
              {c.label}
            </Text>
          ))}
        </Group>
        {r.canAnswer ? (
          <Stack gap={6}>
            <Text size="sm" fw={600} id="my-rsvp-label">
              Will you come?
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
              <Alert color="red" variant="light" role="alert" title="Your answer was not saved">
                {errorMessage(save.error)}
              </Alert>
            )}
          </Stack>
        ) : (
          r.mine && (
            <Text size="sm">
              You answered <strong>{rsvpAnswerWords[r.mine]}</strong>.
            </Text>
          )
        )}
        {people.length > 0 && (
          <Stack gap={4}>
            {groups.map((g) => {
              const names = people.filter((p) => p.answer === g.answer).map((p) => p.name);
              if (!names.length) return null;
              return (
                <Text key={g.label} size="sm">
                  <Text span fw={600}>
                    {g.label}:
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
