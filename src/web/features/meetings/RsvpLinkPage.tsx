import { Alert, Anchor, Button, Card, Radio, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
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

const thanks = defineMessages({
  yes: {
    id: "meetings.rsvpLink.thanks.yes",
    defaultMessage: "Thank you: the partnership knows you are coming.",
  },
  maybe: {
    id: "meetings.rsvpLink.thanks.maybe",
    defaultMessage: "Thank you: you are down as a maybe. Answer again when you know.",
  },
  no: {
    id: "meetings.rsvpLink.thanks.no",
    defaultMessage: "Thank you for letting the partnership know you can't come.",
  },
});

const words = defineMessages({
  question: { id: "meetings.rsvpLink.question", defaultMessage: "Will you come?" },
});

const strong = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

/**
 * Where an answer link from a meeting invitation lands, with no sign-in. Opening the page changes
 * nothing (mail scanners open links); the one button records the answer. Built for a phone: the
 * meeting, the three answers with the link's own preselected, one large button.
 */
export default function RsvpLinkPage() {
  const intl = useIntl();
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
  usePageTitle(
    info
      ? intl.formatMessage(
          { id: "meetings.rsvpLink.pageTitle", defaultMessage: "Will you come? {title}" },
          { title: info.meeting.title },
        )
      : intl.formatMessage(words.question),
  );
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
        <FormattedMessage {...words.question} />
      </Title>
      {link.isPending && <Skeleton height={160} />}
      {link.isError && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={intl.formatMessage({
            id: "meetings.rsvpLink.brokenTitle",
            defaultMessage: "This link no longer works",
          })}
        >
          <Stack gap="xs">
            <Text size="sm">{errorMessage(link.error)}</Text>
            <Anchor component={Link} to="/me">
              <FormattedMessage id="meetings.rsvpLink.myPartnerships" defaultMessage="Open my partnerships" />
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
                <FormattedMessage
                  id="meetings.rsvpLink.meetingOf"
                  defaultMessage="A meeting of {name}"
                  values={{ name: current.meeting.partnershipName }}
                />
              </Text>
            </Stack>
          </Card>
          {save.isSuccess && save.data.answer ? (
            <Alert
              color="table"
              variant="light"
              role="status"
              title={intl.formatMessage(
                { id: "meetings.rsvpLink.savedTitle", defaultMessage: "Your answer: {answer}" },
                { answer: rsvpAnswerWords[save.data.answer] },
              )}
            >
              <Stack gap="xs">
                <Text size="sm">{intl.formatMessage(thanks[save.data.answer])}</Text>
                <Anchor
                  component={Link}
                  to={`/p/${current.meeting.partnershipSlug}/meetings/${current.meeting.id}`}
                >
                  <FormattedMessage
                    id="meetings.rsvpLink.seeAgenda"
                    defaultMessage="See the meeting's agenda (sign in)"
                  />
                </Anchor>
                <Anchor component="button" type="button" size="sm" ta="left" onClick={() => save.reset()}>
                  <FormattedMessage id="meetings.rsvpLink.changeAnswer" defaultMessage="Change my answer" />
                </Anchor>
              </Stack>
            </Alert>
          ) : (
            <>
              {current.answer && (
                <Text size="sm">
                  <FormattedMessage
                    id="meetings.rsvpLink.answeredBefore"
                    defaultMessage="You answered <b>{answer}</b> before; a new answer replaces it."
                    values={{ answer: rsvpAnswerWords[current.answer], b: strong }}
                  />
                </Text>
              )}
              <Radio.Group
                label={intl.formatMessage({
                  id: "meetings.rsvpLink.answerLabel",
                  defaultMessage: "Your answer",
                })}
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
                <FormattedMessage
                  id="meetings.rsvpLink.forPerson"
                  defaultMessage="For {name}. No sign-in needed: this link answers for you only, and you can change your answer until the meeting."
                  values={{ name: current.personName }}
                />
              </Text>
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
              <Button size="lg" fullWidth onClick={() => save.mutate()} loading={save.isPending}>
                <FormattedMessage
                  id="meetings.rsvpLink.sendButton"
                  defaultMessage="Send my answer: {answer}"
                  values={{ answer: rsvpAnswerWords[chosen] }}
                />
              </Button>
            </>
          )}
        </>
      )}
    </Stack>
  );
}
