import { Alert, Anchor, Button, Card, Radio, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import {
  rsvpAnswerLabels,
  rsvpAnswers,
  rsvpAnswerWords,
  type RsvpAnswer,
  type RsvpLinkInfo,
} from "../../../core/meeting-rsvps.js";
import { formatMeetingSpan } from "../../../core/meeting-time.js";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { rsvpLinkApi } from "./api.js";

const isAnswer = (value: string | null): value is RsvpAnswer =>
  value !== null && (rsvpAnswers as readonly string[]).includes(value);

const thanks: Record<RsvpAnswer, string> = {
  yes: "Thank you: the partnership knows you are coming.",
  maybe: "Thank you: you are down as a maybe. Answer again when you know.",
  no: "Thank you for letting the partnership know you can't come.",
};

/**
 * Where an answer link from a meeting invitation lands, with no sign-in. Opening the page changes
 * nothing (mail scanners open links); the one button records the answer. Built for a phone: the
 * meeting, the three answers with the link's own preselected, one large button.
 */
export default function RsvpLinkPage() {
  const { meetingId = "" } = useParams();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const linked = params.get("answer");
  const link = useQuery({
    queryKey: ["rsvp-link", meetingId, token],
    queryFn: ({ signal }) => rsvpLinkApi.describe(meetingId, token, signal),
    retry: false,
    staleTime: Infinity,
  });
  const info = link.data;
  usePageTitle(info ? `Will you come? ${info.meeting.title}` : "Will you come?");
  const [choice, setChoice] = useState<RsvpAnswer | null>(null);
  // The answer as last recorded here, so "Change my answer" starts from it.
  const [recorded, setRecorded] = useState<RsvpLinkInfo | null>(null);
  const chosen: RsvpAnswer =
    choice ?? recorded?.answer ?? (isAnswer(linked) ? linked : (info?.answer ?? "yes"));
  const save = useMutation({
    mutationFn: () => rsvpLinkApi.answer(meetingId, token, chosen),
    onSuccess: (data) => {
      setRecorded(data);
      setChoice(null);
    },
  });
  const current = recorded ?? info;
  return (
    <Stack maw={480} mx="auto" gap="md">
      <Title order={1} fz={26}>
        Will you come?
      </Title>
      {link.isPending && <Skeleton height={160} />}
      {link.isError && (
        <Alert color="red" variant="light" role="alert" title="This link no longer works">
          <Stack gap="xs">
            <Text size="sm">{errorMessage(link.error)}</Text>
            <Anchor component={Link} to="/me">
              Open my partnerships
            </Anchor>
          </Stack>
        </Alert>
      )}
      {current && (
        <>
          <Card withBorder p="lg">
            <Stack gap={6}>
              <Text fw={700} fz="lg">
                {current.meeting.title}
              </Text>
              <Text>
                {formatMeetingSpan(
                  current.meeting.startsAt,
                  current.meeting.endsAt,
                  current.meeting.timeZone,
                )}
              </Text>
              {current.meeting.place && <Text size="sm">{current.meeting.place}</Text>}
              <Text size="sm" c="dimmed">
                A meeting of {current.meeting.partnershipName}
              </Text>
            </Stack>
          </Card>
          {save.isSuccess && save.data.answer ? (
            <Alert
              color="table"
              variant="light"
              role="status"
              title={`Your answer: ${rsvpAnswerWords[save.data.answer]}`}
            >
              <Stack gap="xs">
                <Text size="sm">{thanks[save.data.answer]}</Text>
                <Anchor
                  component={Link}
                  to={`/p/${current.meeting.partnershipSlug}/meetings/${current.meeting.id}`}
                >
                  See the meeting's agenda (sign in)
                </Anchor>
                <Anchor component="button" type="button" size="sm" ta="left" onClick={() => save.reset()}>
                  Change my answer
                </Anchor>
              </Stack>
            </Alert>
          ) : (
            <>
              {current.answer && (
                <Text size="sm">
                  You answered <strong>{rsvpAnswerWords[current.answer]}</strong> before; a new answer
                  replaces it.
                </Text>
              )}
              <Radio.Group
                label="Your answer"
                value={chosen}
                onChange={(value) => setChoice(isAnswer(value) ? value : null)}
              >
                <Stack gap="sm" mt="xs">
                  {rsvpAnswers.map((a) => (
                    <Radio key={a} value={a} label={rsvpAnswerLabels[a]} size="md" />
                  ))}
                </Stack>
              </Radio.Group>
              <Text size="sm" c="dimmed">
                For {current.personName}. No sign-in needed: this link answers for you only, and you can
                change your answer until the meeting.
              </Text>
              {save.isError && (
                <Alert color="red" variant="light" role="alert" title="Your answer was not saved">
                  {errorMessage(save.error)}
                </Alert>
              )}
              <Button size="lg" fullWidth onClick={() => save.mutate()} loading={save.isPending}>
                Send my answer: {rsvpAnswerWords[chosen]}
              </Button>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
