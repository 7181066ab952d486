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
import { FormattedMessage, useIntl } from "react-intl";
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
  const intl = useIntl();
  const { slug } = useParams();
  const partnership = usePartnership(slug);
  const p = partnership.data;
  const checks = useValueChecks(p?.id);
  const title = intl.formatMessage({ id: "impact.valueCheck.title", defaultMessage: "Employer value check" });
  usePageTitle(
    p
      ? intl.formatMessage(
          { id: "impact.valueCheck.pageTitle", defaultMessage: "Employer value check of {name}" },
          { name: p.name },
        )
      : title,
  );

  if (partnership.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({
          id: "impact.valueCheck.loading",
          defaultMessage: "Loading the value check",
        })}
      />
    );
  if (partnership.error instanceof ApiError && partnership.error.status === 404) return <NotFoundPage />;
  if (!p) return <ErrorAlert error={partnership.error} onRetry={() => void partnership.refetch()} />;

  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        description={intl.formatMessage({
          id: "impact.valueCheck.description",
          defaultMessage:
            "Once a year, business members tell whether the partnership is worth their time. Answers stay anonymous: the partnership sees the average once the check closes with at least 3 answers.",
        })}
        actions={
          <Button component={Link} to={`/p/${p.slug}/impact`} variant="subtle">
            <FormattedMessage id="impact.valueCheck.impactLink" defaultMessage="Impact" />
          </Button>
        }
      />
      {checks.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({
            id: "impact.valueCheck.loadingChecks",
            defaultMessage: "Loading the checks",
          })}
        />
      ) : checks.error || !checks.data ? (
        <ErrorAlert error={checks.error} onRetry={() => void checks.refetch()} />
      ) : (
        <>
          {checks.data.canManage && <OpenCheck partnershipId={p.id} checks={checks.data.items} />}
          {checks.data.items.length === 0 && (
            <Text c="dimmed">
              <FormattedMessage
                id="impact.valueCheck.none"
                defaultMessage="No value check has been opened yet."
              />
            </Text>
          )}
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
          <FormattedMessage
            id="impact.valueCheck.openText"
            defaultMessage="Open the {year} check: the business members and champions get an e-mail with a link to three questions."
            values={{ year: String(year) }}
          />
        </Text>
        {open.isError && <Alert color="red">{errorMessage(open.error)}</Alert>}
        <Group>
          <Button onClick={() => open.mutate()} loading={open.isPending}>
            <FormattedMessage
              id="impact.valueCheck.openButton"
              defaultMessage="Open the {year} value check"
              values={{ year: String(year) }}
            />
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
            <FormattedMessage
              id="impact.valueCheck.cardTitle"
              defaultMessage="Value check {year}"
              values={{ year: String(check.year) }}
            />
          </Title>
          <Badge variant="light" color="gray" c="gray.9" tt="none">
            {check.status === "open" ? (
              <FormattedMessage id="impact.valueCheck.statusOpen" defaultMessage="Open" />
            ) : (
              <FormattedMessage id="impact.valueCheck.statusClosed" defaultMessage="Closed" />
            )}
          </Badge>
        </Group>
        <Text data-testid={`answers-${check.year}`}>
          {check.answered ? (
            <FormattedMessage
              id="impact.valueCheck.answersYours"
              defaultMessage="{count, plural, one {# answer} other {# answers}} (yours included)."
              values={{ count: check.answers }}
            />
          ) : (
            <FormattedMessage
              id="impact.valueCheck.answers"
              defaultMessage="{count, plural, one {# answer} other {# answers}}."
              values={{ count: check.answers }}
            />
          )}
        </Text>
        {check.results ? (
          <Results check={check} />
        ) : check.status === "closed" ? (
          <Text c="dimmed">
            <FormattedMessage
              id="impact.valueCheck.tooFew"
              defaultMessage="Fewer than {minimum} business members answered: only the count is shown, so that no one's answer can be told."
              values={{ minimum: check.minimum }}
            />
          </Text>
        ) : (
          <Text c="dimmed" size="sm">
            <FormattedMessage
              id="impact.valueCheck.averageLater"
              defaultMessage="The average shows when the convener closes the check, if at least {minimum} business members answered."
              values={{ minimum: check.minimum }}
            />
          </Text>
        )}
        {check.status === "open" && canAnswer && <AnswerForm partnershipId={partnershipId} check={check} />}
        {check.status === "open" && canManage && (
          <Stack gap="xs">
            {close.isError && <Alert color="red">{errorMessage(close.error)}</Alert>}
            <Group>
              <Button variant="default" onClick={() => close.mutate()} loading={close.isPending}>
                <FormattedMessage
                  id="impact.valueCheck.closeButton"
                  defaultMessage="Close the {year} check"
                  values={{ year: String(check.year) }}
                />
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function Results({ check }: { check: ValueCheck }) {
  const intl = useIntl();
  const r = check.results!;
  return (
    <Stack
      gap="xs"
      aria-label={intl.formatMessage({ id: "impact.valueCheck.results", defaultMessage: "Results" })}
    >
      <Text fz="xl" fw={700}>
        <FormattedMessage
          id="impact.valueCheck.worth"
          defaultMessage="Worth their time: {score} out of 10"
          values={{ score: formatScore(r.average) }}
        />
      </Text>
      <Text size="sm">
        {worthBands.map((band) => `${worthBandLabels[band]}: ${formatNumber(r.bands[band])}`).join(" · ")}
      </Text>
      <Text size="sm" c="dimmed">
        <FormattedMessage
          id="impact.valueCheck.netScore"
          defaultMessage="Net score (share of 9 or 10 minus share of 0 to 6): {score}"
          values={{ score: formatNumber(r.netScore, 0) }}
        />
      </Text>
    </Stack>
  );
}

function AnswerForm({ partnershipId, check }: { partnershipId: string; check: ValueCheck }) {
  const intl = useIntl();
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
          {check.answered ? (
            <FormattedMessage id="impact.valueCheck.changeAnswer" defaultMessage="Change your answer" />
          ) : (
            <FormattedMessage id="impact.valueCheck.yourAnswer" defaultMessage="Your answer" />
          )}
        </Title>
        <NativeSelect
          label={valueCheckQuestions.worth}
          description={intl.formatMessage({
            id: "impact.valueCheck.worthScale",
            defaultMessage: "0: not at all, 10: absolutely",
          })}
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
            <FormattedMessage
              id="impact.valueCheck.thanks"
              defaultMessage="Thank you: your answer is saved. You can change it until the check closes."
            />
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={answer.isPending}>
            {check.answered ? (
              <FormattedMessage id="impact.valueCheck.replaceAnswer" defaultMessage="Replace my answer" />
            ) : (
              <FormattedMessage id="impact.valueCheck.sendAnswer" defaultMessage="Send my answer" />
            )}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          <FormattedMessage
            id="impact.valueCheck.privacy"
            defaultMessage="Nobody sees your own answer, not even the convener. Your written answers are kept for the record and not shown to anyone."
          />
        </Text>
        <Anchor component={Link} to="/me/settings" size="xs">
          <FormattedMessage
            id="impact.valueCheck.mailSettings"
            defaultMessage="Choose which e-mail you get"
          />
        </Anchor>
      </Stack>
    </form>
  );
}
