import { useState } from "react";
import { Link, useParams } from "react-router";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { formatNumber, formatScore } from "../../../core/format.js";
import {
  valueCheckQuestions,
  worthBandLabels,
  worthBands,
  type ValueCheck,
} from "../../../core/value-check.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { usePartnership } from "../partnerships/api.js";
import { impactKey, useValueChecks, valueCheckApi } from "./api.js";

/**
 * The employer value check: the convener opens the year's check and closes it, business members
 * answer three questions (on a phone, in a minute), and every member sees the aggregate once the
 * check is closed with enough answers. Nobody sees anyone's own answer.
 */
export default function ValueCheckPage() {
  const { slug } = useParams();
  const partnership = usePartnership(slug);
  const p = partnership.data;
  const checks = useValueChecks(p?.id);
  usePageTitle(p ? `Employer value check of ${p.name}` : "Employer value check");

  if (partnership.isPending) return <PageSkeleton label="Loading the value check" />;
  if (partnership.error instanceof ApiError && partnership.error.status === 404) return <NotFoundPage />;
  if (!p) return <ErrorAlert error={partnership.error} onRetry={() => void partnership.refetch()} />;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Employer value check"
        description="Once a year, business members tell whether the partnership is worth their time. Answers stay anonymous: the partnership sees the average once the check closes with at least 3 answers."
        actions={
          <Button component={Link} to={`/p/${p.slug}/impact`} variant="subtle">
            Impact
          </Button>
        }
      />
      {checks.isPending ? (
        <PageSkeleton label="Loading the checks" />
      ) : checks.error || !checks.data ? (
        <ErrorAlert error={checks.error} onRetry={() => void checks.refetch()} />
      ) : (
        <>
          {checks.data.canManage && <OpenCheck partnershipId={p.id} checks={checks.data.items} />}
          {checks.data.items.length === 0 && <Text c="dimmed">No value check has been opened yet.</Text>}
          {checks.data.items.map((check) => (
            <CheckCard
              key={check.id}
              partnershipId={p.id}
              check={check}
              canManage={checks.data.canManage}
              canAnswer={checks.data.canAnswer}
            />
          ))}
        </>
      )}
    </Stack>
  );
}

function OpenCheck({ partnershipId, checks }: { partnershipId: string; checks: ValueCheck[] }) {
  const year = new Date().getUTCFullYear();
  const client = useQueryClient();
  const open = useMutation({
    mutationFn: () => valueCheckApi.open(partnershipId, year),
    onSuccess: () => client.invalidateQueries({ queryKey: impactKey(partnershipId) }),
  });
  if (checks.some((c) => c.year === year)) return null;
  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="sm">
        <Text>
          Open the {year} check: the business members and champions get an e-mail with a link to three
          questions.
        </Text>
        {open.isError && <Alert color="red">{errorMessage(open.error)}</Alert>}
        <Group>
          <Button onClick={() => open.mutate()} loading={open.isPending}>
            Open the {year} value check
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function CheckCard(props: {
  partnershipId: string;
  check: ValueCheck;
  canManage: boolean;
  canAnswer: boolean;
}) {
  const { partnershipId, check, canManage, canAnswer } = props;
  const client = useQueryClient();
  const close = useMutation({
    mutationFn: () => valueCheckApi.close(partnershipId, check.year),
    onSuccess: () => client.invalidateQueries({ queryKey: impactKey(partnershipId) }),
  });
  const headingId = `value-check-${check.year}`;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="lg" id={headingId}>
            Value check {check.year}
          </Title>
          <Badge variant="light" color="gray" c="gray.9" tt="none">
            {check.status === "open" ? "Open" : "Closed"}
          </Badge>
        </Group>
        <Text data-testid={`answers-${check.year}`}>
          {check.answers === 1 ? "1 answer" : `${formatNumber(check.answers)} answers`}
          {check.answered ? " (yours included)" : ""}.
        </Text>
        {check.results ? (
          <Results check={check} />
        ) : check.status === "closed" ? (
          <Text c="dimmed">
            Fewer than {check.minimum} business members answered: only the count is shown, so that no
            one&apos;s answer can be told.
          </Text>
        ) : (
          <Text c="dimmed" size="sm">
            The average shows when the convener closes the check, if at least {check.minimum} business members
            answered.
          </Text>
        )}
        {check.status === "open" && canAnswer && <AnswerForm partnershipId={partnershipId} check={check} />}
        {check.status === "open" && canManage && (
          <Stack gap="xs">
            {close.isError && <Alert color="red">{errorMessage(close.error)}</Alert>}
            <Group>
              <Button variant="default" onClick={() => close.mutate()} loading={close.isPending}>
                Close the {check.year} check
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function Results({ check }: { check: ValueCheck }) {
  const r = check.results!;
  return (
    <Stack gap="xs" aria-label="Results">
      <Text fz="xl" fw={700}>
        Worth their time: {formatScore(r.average)} out of 10
      </Text>
      <Text size="sm">
        {worthBands.map((band) => `${worthBandLabels[band]}: ${formatNumber(r.bands[band])}`).join(" · ")}
      </Text>
      <Text size="sm" c="dimmed">
        Net score (share of 9 or 10 minus share of 0 to 6): {formatNumber(r.netScore, 0)}
      </Text>
    </Stack>
  );
}

function AnswerForm({ partnershipId, check }: { partnershipId: string; check: ValueCheck }) {
  const client = useQueryClient();
  const [worth, setWorth] = useState(7);
  const [changed, setChanged] = useState("");
  const [toChange, setToChange] = useState("");
  const [done, setDone] = useState(false);
  const answer = useMutation({
    mutationFn: () => valueCheckApi.answer(partnershipId, check.year, { worth, changed, toChange }),
    onSuccess: () => {
      setDone(true);
      void client.invalidateQueries({ queryKey: impactKey(partnershipId) });
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        answer.mutate();
      }}
    >
      <Stack gap="md">
        <Title order={3} fz="md">
          {check.answered ? "Change your answer" : "Your answer"}
        </Title>
        <NativeSelect
          label={valueCheckQuestions.worth}
          description="0: not at all, 10: absolutely"
          value={String(worth)}
          data={Array.from({ length: 11 }, (_, i) => String(10 - i))}
          onChange={(e) => setWorth(Number(e.currentTarget.value))}
        />
        <Textarea
          label={valueCheckQuestions.changed}
          value={changed}
          maxLength={2000}
          autosize
          minRows={2}
          onChange={(e) => setChanged(e.currentTarget.value)}
        />
        <Textarea
          label={valueCheckQuestions.toChange}
          value={toChange}
          maxLength={2000}
          autosize
          minRows={2}
          onChange={(e) => setToChange(e.currentTarget.value)}
        />
        {answer.isError && <Alert color="red">{errorMessage(answer.error)}</Alert>}
        {done && !answer.isPending && (
          <Alert color="green" role="status">
            Thank you: your answer is saved. You can change it until the check closes.
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={answer.isPending}>
            {check.answered ? "Replace my answer" : "Send my answer"}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Nobody sees your own answer, not even the convener. Your written answers are kept for the record and
          not shown to anyone.
        </Text>
        <Anchor component={Link} to="/me/settings" size="xs">
          Choose which e-mail you get
        </Anchor>
      </Stack>
    </form>
  );
}
