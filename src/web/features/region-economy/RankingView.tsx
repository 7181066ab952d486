import { lazy, memo, Suspense, useState } from "react";
import { Link } from "react-router";
import { defineMessages, FormattedMessage, useIntl, type IntlShape } from "react-intl";
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { formatCount, formatNumber, formatRelativeChange, NO_VALUE } from "../../../core/format.js";
import {
  CRITERIA,
  CRITERION_LABELS,
  DEFAULT_WEIGHTS,
  type Criterion,
  type CriterionFigure,
  type IndustryRanking,
  type RankedIndustry,
  type RankingWeights,
} from "../../../core/qcew/ranking.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import type { EconomyChoice } from "./api.js";
import { useIndustryRanking } from "./choice-api.js";
import { startPartnershipHref } from "./partnership-link.js";
import { NaicsTitle } from "../reference/NaicsTitle.js";

const BubbleChart = lazy(() => import("./BubbleChart.js"));

/**
 * Rows shown before "Show all": the head of the ranking is what a region weighs first, and two
 * hundred rows read as an endless column of cards on a phone.
 */
export const RANKING_TOP = 25;

const short = defineMessages({
  concentration: {
    id: "regionEconomy.ranking.criterion.concentration",
    defaultMessage: "Concentration (LQ)",
  },
  size: { id: "regionEconomy.ranking.criterion.size", defaultMessage: "Size (jobs)" },
  growth: { id: "regionEconomy.ranking.criterion.growth", defaultMessage: "Growth" },
  pay: { id: "regionEconomy.ranking.criterion.pay", defaultMessage: "Pay vs region" },
}) satisfies Record<Criterion, unknown>;

const headers = defineMessages({
  rank: { id: "regionEconomy.ranking.rankHeader", defaultMessage: "Rank" },
  industry: { id: "regionEconomy.ranking.industryHeader", defaultMessage: "Industry" },
  nextStep: { id: "regionEconomy.ranking.nextStepHeader", defaultMessage: "Next step" },
});

function figureText(intl: IntlShape, c: Criterion, f: CriterionFigure): string {
  if (f.value === null) return NO_VALUE;
  const text =
    c === "concentration"
      ? formatNumber(f.value, 2)
      : c === "size"
        ? formatCount(f.value)
        : c === "growth"
          ? formatRelativeChange(f.value)
          : `${formatNumber(f.value, 2)}×`;
  // A lower bound (jobs, LQ) or a figure from the disclosing counties only (growth, pay).
  return f.complete
    ? text
    : c === "size" || c === "concentration"
      ? intl.formatMessage(
          { id: "regionEconomy.atLeast", defaultMessage: "at least {value}" },
          { value: text },
        )
      : `${text}*`;
}

function CriterionCell({ c, f }: { c: Criterion; f: CriterionFigure }) {
  const intl = useIntl();
  return (
    <Table.Td data-label={intl.formatMessage(short[c])}>
      {figureText(intl, c, f)}
      <Text size="xs" c="dimmed">
        {f.score === null
          ? intl.formatMessage(
              { id: "regionEconomy.ranking.missing", defaultMessage: "missing: {reason}" },
              {
                reason:
                  f.missing ??
                  intl.formatMessage({ id: "regionEconomy.ranking.noFigure", defaultMessage: "no figure" }),
              },
            )
          : intl.formatMessage(
              { id: "regionEconomy.ranking.score", defaultMessage: "score {score}" },
              { score: formatNumber(f.score, 0) },
            )}
      </Text>
    </Table.Td>
  );
}

export interface RowActions {
  signedIn: boolean;
  shortlisted: ReadonlySet<string>;
  onShortlist: (row: { code: string; title: string }) => void;
  shortlisting: string | null;
  regionName: string;
}

function RankingRow({
  row,
  counties,
  actions,
}: {
  row: RankedIndustry;
  counties: string[];
  actions: RowActions;
}) {
  const intl = useIntl();
  const on = actions.shortlisted.has(row.code);
  return (
    <Table.Tr data-testid={`rank-${row.code}`}>
      <Table.Td data-label={intl.formatMessage(headers.rank)}>{row.rank}</Table.Td>
      <Table.Th scope="row" data-label={intl.formatMessage(headers.industry)}>
        <Text size="sm" fw={600} span>
          <NaicsTitle>{row.title}</NaicsTitle>
        </Text>{" "}
        <Text size="xs" c="dimmed" span>
          {row.code}
        </Text>
        {!row.complete && (
          <Badge ml={6} size="sm" color="harvest.9" variant="outline">
            <FormattedMessage id="regionEconomy.ranking.incompleteBadge" defaultMessage="incomplete" />
          </Badge>
        )}
      </Table.Th>
      <Table.Td
        data-label={intl.formatMessage({ id: "regionEconomy.ranking.scoreLabel", defaultMessage: "Score" })}
      >
        <Text fw={700} span>
          {row.score === null ? NO_VALUE : formatNumber(row.score, 1)}
        </Text>
        {row.criteriaUsed < row.criteriaWeighted && (
          <Text size="xs" c="dimmed">
            <FormattedMessage
              id="regionEconomy.ranking.criteriaUsed"
              defaultMessage="on {used} of {weighted} criteria"
              values={{ used: row.criteriaUsed, weighted: row.criteriaWeighted }}
            />
          </Text>
        )}
      </Table.Td>
      {CRITERIA.map((c) => (
        <CriterionCell key={c} c={c} f={row.criteria[c]} />
      ))}
      <Table.Td data-label={intl.formatMessage(headers.nextStep)}>
        <Group gap={6} wrap="wrap">
          {actions.signedIn && (
            <Button
              size="compact-sm"
              variant={on ? "light" : "default"}
              disabled={on}
              loading={actions.shortlisting === row.code}
              onClick={() => actions.onShortlist({ code: row.code, title: row.title })}
              aria-label={
                on
                  ? intl.formatMessage(
                      {
                        id: "regionEconomy.ranking.onShortlistLabel",
                        defaultMessage: "{title} is on the shortlist",
                      },
                      { title: row.title },
                    )
                  : intl.formatMessage(
                      { id: "regionEconomy.ranking.shortlistLabel", defaultMessage: "Shortlist {title}" },
                      { title: row.title },
                    )
              }
            >
              {on ? (
                <FormattedMessage id="regionEconomy.ranking.shortlisted" defaultMessage="Shortlisted" />
              ) : (
                <FormattedMessage id="regionEconomy.ranking.shortlistButton" defaultMessage="Shortlist" />
              )}
            </Button>
          )}
          {row.partnership && (
            <Button
              size="compact-sm"
              variant="subtle"
              component={Link}
              to={startPartnershipHref(intl, {
                regionName: actions.regionName,
                industry: row,
                partnership: row.partnership,
                counties,
              })}
              aria-label={intl.formatMessage(
                {
                  id: "regionEconomy.startPartnershipLabel",
                  defaultMessage: "Start a partnership in {title}",
                },
                { title: row.title },
              )}
            >
              <FormattedMessage id="regionEconomy.startPartnership" defaultMessage="Start a partnership" />
            </Button>
          )}
        </Group>
        {row.partnership?.widened && (
          <Text size="xs" c="dimmed">
            <FormattedMessage
              id="regionEconomy.widenedNote"
              defaultMessage="A partnership is registered under {code}, the nearest NAICS code it accepts."
              values={{ code: row.partnership.code }}
            />
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function WeightControls({
  weights,
  onChange,
}: {
  weights: RankingWeights;
  onChange: (w: RankingWeights) => void;
}) {
  const intl = useIntl();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {CRITERIA.map((c) => (
        <NumberInput
          key={c}
          label={intl.formatMessage(
            {
              id: "regionEconomy.ranking.weightLabel",
              defaultMessage:
                "{criterion, select, concentration {Concentration (LQ) weight} size {Size (jobs) weight} growth {Growth weight} other {Pay vs region weight}}",
            },
            { criterion: c },
          )}
          description={CRITERION_LABELS[c]}
          min={0}
          max={5}
          step={1}
          clampBehavior="strict"
          allowDecimal={false}
          value={weights[c]}
          onChange={(v) => onChange({ ...weights, [c]: typeof v === "number" ? v : 0 })}
        />
      ))}
    </SimpleGrid>
  );
}

function summary(intl: IntlShape, r: IndustryRanking): string {
  const missing = CRITERIA.filter((c) => r.missing[c] > 0).map((c) =>
    intl.formatMessage(
      {
        id: "regionEconomy.ranking.summaryMissing",
        defaultMessage:
          "{criterion, select, concentration {concentration (lq)} size {size (jobs)} growth {growth} other {pay vs region}} missing for {count}",
      },
      { criterion: c, count: formatCount(r.missing[c]) },
    ),
  );
  return intl.formatMessage(
    {
      id: "regionEconomy.ranking.summary",
      defaultMessage:
        "{candidates, plural, one {# candidate industry} other {# candidate industries}}{hasMin, select, yes { with at least {minJobs} jobs (of {industries})} other {}}; {incomplete, select, none {every figure complete} other {{incomplete} incomplete: a county did not disclose one of their figures, so they are ranked on what was disclosed}}{hasMissing, select, yes {; {missing}} other {}}.",
    },
    {
      candidates: r.candidates,
      hasMin: r.minJobs !== null ? "yes" : "no",
      minJobs: r.minJobs !== null ? formatCount(r.minJobs) : "",
      industries: formatCount(r.industries),
      incomplete: r.incomplete > 0 ? formatCount(r.incomplete) : "none",
      hasMissing: missing.length ? "yes" : "no",
      missing: missing.join(", "),
    },
  );
}

/** The ranking with its weights, and the bubble chart with its table; both on one tab. */
export const RankingView = memo(function RankingView({
  choice,
  counties,
  actions,
}: {
  choice: EconomyChoice;
  counties: string[];
  actions: RowActions;
}) {
  const intl = useIntl();
  const [weights, setWeights] = useState<RankingWeights>(DEFAULT_WEIGHTS);
  const [minJobs, setMinJobs] = useState<number | null>(null);
  const [view, setView] = useState<"ranking" | "chart">("ranking");
  const [showAll, setShowAll] = useState(false);
  const ranking = useIndustryRanking(choice, weights, minJobs);
  const r = ranking.data;
  const allZero = CRITERIA.every((c) => weights[c] === 0);
  return (
    <Stack gap="md">
      <WeightControls weights={weights} onChange={setWeights} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NumberInput
          label={intl.formatMessage({
            id: "regionEconomy.ranking.minJobsLabel",
            defaultMessage: "Minimum jobs",
          })}
          description={intl.formatMessage({
            id: "regionEconomy.ranking.minJobsDescription",
            defaultMessage: "Leave empty to rank every industry",
          })}
          min={0}
          step={100}
          allowDecimal={false}
          value={minJobs ?? ""}
          onChange={(v) => setMinJobs(typeof v === "number" ? v : null)}
          w={200}
        />
        <Button variant="default" onClick={() => setWeights(DEFAULT_WEIGHTS)}>
          <FormattedMessage id="regionEconomy.ranking.defaultWeights" defaultMessage="Default weights" />
        </Button>
        <SegmentedControl
          aria-label={intl.formatMessage({
            id: "regionEconomy.ranking.viewLabel",
            defaultMessage: "Show the ranking or the bubble chart",
          })}
          value={view}
          onChange={(v) => setView(v)}
          data={[
            {
              value: "ranking",
              label: intl.formatMessage({
                id: "regionEconomy.ranking.rankingOption",
                defaultMessage: "Ranking",
              }),
            },
            {
              value: "chart",
              label: intl.formatMessage({
                id: "regionEconomy.ranking.chartOption",
                defaultMessage: "Bubble chart",
              }),
            },
          ]}
        />
      </Group>
      {allZero && (
        <Alert color="yellow" variant="light" role="status">
          <FormattedMessage
            id="regionEconomy.ranking.allZero"
            defaultMessage="Give at least one criterion a weight above 0."
          />
        </Alert>
      )}
      {ranking.error && !allZero && (
        <ErrorAlert error={ranking.error} onRetry={() => void ranking.refetch()} />
      )}
      {ranking.isPending && !allZero && <Skeleton height={200} />}
      {r && !allZero && (
        <Stack gap="sm" aria-busy={ranking.isFetching}>
          <Text size="sm" data-testid="ranking-summary" aria-live="polite">
            {summary(intl, r)}
          </Text>
          <Text size="sm" c="dimmed">
            {r.normalization}{" "}
            <FormattedMessage
              id="regionEconomy.ranking.explain"
              defaultMessage="Growth is the {basis, select, fiveYear {five-year} other {one-year}} change in jobs since {fromYear}; pay is the industry's average annual pay over the region's. * from the counties that disclosed it."
              values={{
                basis: r.growthBasis === "five-year" ? "fiveYear" : "oneYear",
                fromYear: String(r.growthFromYear),
              }}
            />
          </Text>
          {r.notes.map((n) => (
            <Text size="sm" key={n}>
              {n}
            </Text>
          ))}
          {view === "chart" ? (
            <Suspense fallback={<Skeleton height={360} />}>
              <BubbleChart ranking={r} />
            </Suspense>
          ) : (
            <Table.ScrollContainer minWidth={0}>
              <Table verticalSpacing="sm" className="stack-on-phone" data-testid="ranking">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{intl.formatMessage(headers.rank)}</Table.Th>
                    <Table.Th scope="col">{intl.formatMessage(headers.industry)}</Table.Th>
                    <Table.Th scope="col">
                      <FormattedMessage
                        id="regionEconomy.ranking.scoreHeader"
                        defaultMessage="Score (0-100)"
                      />
                    </Table.Th>
                    {CRITERIA.map((c) => (
                      <Table.Th scope="col" key={c}>
                        {intl.formatMessage(short[c])} ×{r.weights[c]}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">{intl.formatMessage(headers.nextStep)}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(showAll ? r.rows : r.rows.slice(0, RANKING_TOP)).map((row) => (
                    <RankingRow key={row.code} row={row} counties={counties} actions={actions} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {view === "ranking" && r.rows.length > RANKING_TOP && (
            <Group gap="sm">
              <Text size="sm" c="dimmed">
                {showAll
                  ? intl.formatMessage(
                      { id: "regionEconomy.ranking.allShown", defaultMessage: "All {count} industries." },
                      { count: formatCount(r.rows.length) },
                    )
                  : intl.formatMessage(
                      {
                        id: "regionEconomy.ranking.topShown",
                        defaultMessage: "The top {top} of {count} industries.",
                      },
                      { top: RANKING_TOP, count: formatCount(r.rows.length) },
                    )}
              </Text>
              <Button variant="default" size="compact-sm" onClick={() => setShowAll(!showAll)}>
                {showAll
                  ? intl.formatMessage(
                      { id: "regionEconomy.ranking.showTop", defaultMessage: "Show the top {top}" },
                      { top: RANKING_TOP },
                    )
                  : intl.formatMessage(
                      { id: "regionEconomy.ranking.showAll", defaultMessage: "Show all {count}" },
                      { count: formatCount(r.rows.length) },
                    )}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
});
