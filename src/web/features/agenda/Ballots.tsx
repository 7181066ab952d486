import { useState } from "react";
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { DEFAULT_DOTS, dotsLeft, type BallotBody, type VoteRoundDetail } from "../../../core/agenda.js";
import { agendaApi } from "./api.js";
import { agendaWords } from "./messages.js";
import { useAgendaMutation } from "./useAgendaMutation.js";

interface Props {
  partnershipId: string;
  round: Pick<VoteRoundDetail, "id" | "dotsPerVoter" | "items" | "myBallot">;
  /** Sends the ballot another way (a guest's, with their token); the member's own by default. */
  send?: (body: BallotBody) => Promise<unknown>;
  onVoted?: () => void;
  /** Bigger targets for a phone held in one hand (the live vote). */
  large?: boolean;
}

/** A dot ballot: spread the dots, several on one item if you like, with a counter of what is left. */
export function DotBallot({ partnershipId, round, send, onVoted, large }: Props) {
  const intl = useIntl();
  const total = round.dotsPerVoter ?? DEFAULT_DOTS;
  const [dots, setDots] = useState<Record<string, number>>(() =>
    Object.fromEntries((round.myBallot?.allocations ?? []).map((a) => [a.opportunityId, a.dots])),
  );
  const allocations = round.items.map((i) => ({
    opportunityId: i.opportunityId,
    dots: dots[i.opportunityId] ?? 0,
  }));
  const left = dotsLeft(allocations, total);
  const { mutation, problem } = useAgendaMutation({
    partnershipId,
    mutationFn: () => {
      const body = { allocations: allocations.filter((a) => a.dots > 0) };
      return send ? send(body) : agendaApi.vote(round.id, body);
    },
    success: () =>
      intl.formatMessage({
        id: "agenda.dotBallot.votedToast",
        defaultMessage: "Your vote is in. You can change it until the round closes.",
      }),
    onSuccess: onVoted,
  });
  const change = (id: string, delta: number) =>
    setDots((d) => ({ ...d, [id]: Math.max(0, (d[id] ?? 0) + delta) }));
  return (
    <Card component="section" aria-labelledby="ballot-heading">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="lg" id="ballot-heading">
          <FormattedMessage id="agenda.dotBallot.title" defaultMessage="Your ballot" />
        </Title>
        <Text fw={700} aria-live="polite" data-testid="dots-left" c={left < 0 ? "red.8" : undefined}>
          <FormattedMessage
            id="agenda.dotBallot.dotsLeft"
            defaultMessage="Dots left: {left} of {total}"
            values={{ left, total }}
          />
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        <FormattedMessage
          id="agenda.dotBallot.intro"
          defaultMessage="Spread your {count, plural, one {# dot} other {# dots}} over what matters most to your business. You may put several on one item."
          values={{ count: total }}
        />
      </Text>
      <Stack gap="xs">
        {round.items.map((item) => {
          const n = dots[item.opportunityId] ?? 0;
          return (
            <Group key={item.opportunityId} justify="space-between" wrap="nowrap" className="ballot-row">
              <div>
                <Text fw={600}>{item.title}</Text>
                {item.description && (
                  <Text size="sm" c="dimmed">
                    {item.description}
                  </Text>
                )}
              </div>
              <Group gap="xs" wrap="nowrap">
                <ActionIcon
                  variant="default"
                  size={large ? 48 : "lg"}
                  aria-label={intl.formatMessage(
                    { id: "agenda.dotBallot.removeDot", defaultMessage: "Remove a dot from {title}" },
                    { title: item.title },
                  )}
                  disabled={n === 0}
                  onClick={() => change(item.opportunityId, -1)}
                >
                  −
                </ActionIcon>
                <Text fw={700} miw={28} ta="center">
                  {n}
                  <VisuallyHidden>
                    {" "}
                    <FormattedMessage
                      id="agenda.dotBallot.dotsOnItem"
                      defaultMessage="{count, plural, one {dot} other {dots}} on {title}"
                      values={{ count: n, title: item.title }}
                    />
                  </VisuallyHidden>
                </Text>
                <ActionIcon
                  variant="filled"
                  size={large ? 48 : "lg"}
                  aria-label={intl.formatMessage(
                    { id: "agenda.dotBallot.addDot", defaultMessage: "Add a dot to {title}" },
                    { title: item.title },
                  )}
                  disabled={left <= 0}
                  onClick={() => change(item.opportunityId, 1)}
                >
                  +
                </ActionIcon>
              </Group>
            </Group>
          );
        })}
      </Stack>
      {problem && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={intl.formatMessage(agendaWords.notCounted)}
          mt="md"
        >
          {problem}
        </Alert>
      )}
      <Group mt="md">
        <Button
          onClick={() => mutation.mutate(undefined)}
          loading={mutation.isPending}
          disabled={left === total || left < 0}
          fullWidth={large}
          size={large ? "lg" : undefined}
        >
          {round.myBallot ? (
            <FormattedMessage id="agenda.dotBallot.changeButton" defaultMessage="Change my vote" />
          ) : (
            <FormattedMessage id="agenda.dotBallot.castButton" defaultMessage="Cast my vote" />
          )}
        </Button>
        {round.myBallot && (
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="agenda.dotBallot.counted"
              defaultMessage="Your vote is counted. You can change it until the round closes."
            />
          </Text>
        )}
      </Group>
    </Card>
  );
}

const points = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }));
const scaleWords = defineMessages({
  notRated: { id: "agenda.ratingBallot.notRated", defaultMessage: "Not rated" },
  /** Two large selects side by side on a 390 px phone leave room for a short word only. */
  skip: { id: "agenda.ratingBallot.skip", defaultMessage: "Skip" },
});

/** A rating ballot: importance and feasibility of each item, 1 (low) to 5 (high). */
export function RatingBallot({ partnershipId, round, send, onVoted, large }: Props) {
  const intl = useIntl();
  const scale = [{ value: "", label: intl.formatMessage(scaleWords.notRated) }, ...points];
  const phoneScale = [{ value: "", label: intl.formatMessage(scaleWords.skip) }, ...points];
  const [ratings, setRatings] = useState<Record<string, { importance: string; feasibility: string }>>(() =>
    Object.fromEntries(
      (round.myBallot?.ratings ?? []).map((r) => [
        r.opportunityId,
        { importance: String(r.importance), feasibility: String(r.feasibility) },
      ]),
    ),
  );
  const complete = round.items.flatMap((i) => {
    const r = ratings[i.opportunityId];
    return r?.importance && r.feasibility
      ? [
          {
            opportunityId: i.opportunityId,
            importance: Number(r.importance),
            feasibility: Number(r.feasibility),
          },
        ]
      : [];
  });
  const half = round.items.some((i) => {
    const r = ratings[i.opportunityId];
    return r && !!r.importance !== !!r.feasibility;
  });
  const { mutation, problem } = useAgendaMutation({
    partnershipId,
    mutationFn: () => (send ? send({ ratings: complete }) : agendaApi.vote(round.id, { ratings: complete })),
    success: () =>
      intl.formatMessage({
        id: "agenda.ratingBallot.votedToast",
        defaultMessage: "Your ratings are in. You can change them until the round closes.",
      }),
    onSuccess: onVoted,
  });
  const set = (id: string, key: "importance" | "feasibility", value: string) =>
    setRatings((r) => ({ ...r, [id]: { ...(r[id] ?? { importance: "", feasibility: "" }), [key]: value } }));
  return (
    <Card component="section" aria-labelledby="ballot-heading">
      <Title order={2} fz="lg" id="ballot-heading" mb="xs">
        <FormattedMessage id="agenda.ratingBallot.title" defaultMessage="Your ratings" />
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        <FormattedMessage
          id="agenda.ratingBallot.intro"
          defaultMessage="Rate each opportunity for importance to your business and for how feasible it is, from 1 (low) to 5 (high). Skip any you cannot judge."
        />
      </Text>
      <Stack gap="sm">
        {round.items.map((item) => (
          <Fieldset key={item.opportunityId} legend={item.title} variant="filled">
            <SimpleGrid cols={2}>
              <NativeSelect
                label={intl.formatMessage(agendaWords.importance)}
                size={large ? "lg" : undefined}
                data={large ? phoneScale : scale}
                value={ratings[item.opportunityId]?.importance ?? ""}
                onChange={(e) => set(item.opportunityId, "importance", e.currentTarget.value)}
              />
              <NativeSelect
                label={intl.formatMessage(agendaWords.feasibility)}
                size={large ? "lg" : undefined}
                data={large ? phoneScale : scale}
                value={ratings[item.opportunityId]?.feasibility ?? ""}
                onChange={(e) => set(item.opportunityId, "feasibility", e.currentTarget.value)}
              />
            </SimpleGrid>
          </Fieldset>
        ))}
      </Stack>
      {half && (
        <Text size="sm" c="red.8" mt="sm">
          <FormattedMessage
            id="agenda.ratingBallot.halfRated"
            defaultMessage="Give both importance and feasibility for an item, or neither."
          />
        </Text>
      )}
      {problem && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={intl.formatMessage(agendaWords.notCounted)}
          mt="md"
        >
          {problem}
        </Alert>
      )}
      <Group mt="md">
        <Button
          onClick={() => mutation.mutate(undefined)}
          loading={mutation.isPending}
          disabled={complete.length === 0 || half}
          fullWidth={large}
          size={large ? "lg" : undefined}
        >
          {round.myBallot ? (
            <FormattedMessage id="agenda.ratingBallot.changeButton" defaultMessage="Change my ratings" />
          ) : (
            <FormattedMessage id="agenda.ratingBallot.castButton" defaultMessage="Cast my ratings" />
          )}
        </Button>
      </Group>
    </Card>
  );
}
