import { lazy, memo, Suspense, useState } from "react";
import { Link } from "react-router";
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
import {
  formatCount,
  formatCountOf,
  formatNumber,
  formatRelativeChange,
  NO_VALUE,
} from "../../../core/format.js";
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

const BubbleChart = lazy(() => import("./BubbleChart.js"));

/**
 * Rows shown before "Show all": the head of the ranking is what a region weighs first, and two
 * hundred rows read as an endless column of cards on a phone.
 */
export const RANKING_TOP = 25;

const short: Record<Criterion, string> = {
  concentration: "Concentration (LQ)",
  size: "Size (jobs)",
  growth: "Growth",
  pay: "Pay vs region",
};

function figureText(c: Criterion, f: CriterionFigure): string {
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
  return f.complete ? text : c === "size" || c === "concentration" ? `at least ${text}` : `${text}*`;
}

function CriterionCell({ c, f }: { c: Criterion; f: CriterionFigure }) {
  return (
    <Table.Td data-label={short[c]}>
      {figureText(c, f)}
      <Text size="xs" c="dimmed">
        {f.score === null ? `missing: ${f.missing ?? "no figure"}` : `score ${formatNumber(f.score, 0)}`}
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
  const on = actions.shortlisted.has(row.code);
  return (
    <Table.Tr data-testid={`rank-${row.code}`}>
      <Table.Td data-label="Rank">{row.rank}</Table.Td>
      <Table.Th scope="row" data-label="Industry">
        <Text size="sm" fw={600} span>
          {row.title}
        </Text>{" "}
        <Text size="xs" c="dimmed" span>
          {row.code}
        </Text>
        {!row.complete && (
          <Badge ml={6} size="sm" color="harvest.9" variant="outline">
            incomplete
          </Badge>
        )}
      </Table.Th>
      <Table.Td data-label="Score">
        <Text fw={700} span>
          {row.score === null ? NO_VALUE : formatNumber(row.score, 1)}
        </Text>
        {row.criteriaUsed < row.criteriaWeighted && (
          <Text size="xs" c="dimmed">
            on {row.criteriaUsed} of {row.criteriaWeighted} criteria
          </Text>
        )}
      </Table.Td>
      {CRITERIA.map((c) => (
        <CriterionCell key={c} c={c} f={row.criteria[c]} />
      ))}
      <Table.Td data-label="Next step">
        <Group gap={6} wrap="wrap">
          {actions.signedIn && (
            <Button
              size="compact-sm"
              variant={on ? "light" : "default"}
              disabled={on}
              loading={actions.shortlisting === row.code}
              onClick={() => actions.onShortlist({ code: row.code, title: row.title })}
              aria-label={on ? `${row.title} is on the shortlist` : `Shortlist ${row.title}`}
            >
              {on ? "Shortlisted" : "Shortlist"}
            </Button>
          )}
          {row.partnership && (
            <Button
              size="compact-sm"
              variant="subtle"
              component={Link}
              to={startPartnershipHref({
                regionName: actions.regionName,
                industry: row,
                partnership: row.partnership,
                counties,
              })}
              aria-label={`Start a partnership in ${row.title}`}
            >
              Start a partnership
            </Button>
          )}
        </Group>
        {row.partnership?.widened && (
          <Text size="xs" c="dimmed">
            A partnership is registered under {row.partnership.code}, the nearest NAICS code it accepts.
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
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {CRITERIA.map((c) => (
        <NumberInput
          key={c}
          label={`${short[c]} weight`}
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

function summary(r: IndustryRanking): string {
  const parts = [
    `${formatCountOf(r.candidates, "candidate industry", "candidate industries")}${
      r.minJobs !== null
        ? ` with at least ${formatCount(r.minJobs)} jobs (of ${formatCount(r.industries)})`
        : ""
    }`,
    r.incomplete > 0
      ? `${formatCount(r.incomplete)} incomplete: a county did not disclose one of their figures, so they are ranked on what was disclosed`
      : "every figure complete",
  ];
  const missing = CRITERIA.filter((c) => r.missing[c] > 0).map(
    (c) => `${short[c].toLowerCase()} missing for ${formatCount(r.missing[c])}`,
  );
  return `${parts.join("; ")}${missing.length ? `; ${missing.join(", ")}` : ""}.`;
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
          label="Minimum jobs"
          description="Leave empty to rank every industry"
          min={0}
          step={100}
          allowDecimal={false}
          value={minJobs ?? ""}
          onChange={(v) => setMinJobs(typeof v === "number" ? v : null)}
          w={200}
        />
        <Button variant="default" onClick={() => setWeights(DEFAULT_WEIGHTS)}>
          Default weights
        </Button>
        <SegmentedControl
          aria-label="Show the ranking or the bubble chart"
          value={view}
          onChange={(v) => setView(v)}
          data={[
            { value: "ranking", label: "Ranking" },
            { value: "chart", label: "Bubble chart" },
          ]}
        />
      </Group>
      {allZero && (
        <Alert color="yellow" variant="light" role="status">
          Give at least one criterion a weight above 0.
        </Alert>
      )}
      {ranking.error && !allZero && (
        <ErrorAlert error={ranking.error} onRetry={() => void ranking.refetch()} />
      )}
      {ranking.isPending && !allZero && <Skeleton height={200} />}
      {r && !allZero && (
        <Stack gap="sm" aria-busy={ranking.isFetching}>
          <Text size="sm" data-testid="ranking-summary" aria-live="polite">
            {summary(r)}
          </Text>
          <Text size="sm" c="dimmed">
            {r.normalization} Growth is the {r.growthBasis === "five-year" ? "five-year" : "one-year"} change
            in jobs since {r.growthFromYear}; pay is the industry's average annual pay over the region's. *
            from the counties that disclosed it.
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
                    <Table.Th scope="col">Rank</Table.Th>
                    <Table.Th scope="col">Industry</Table.Th>
                    <Table.Th scope="col">Score (0-100)</Table.Th>
                    {CRITERIA.map((c) => (
                      <Table.Th scope="col" key={c}>
                        {short[c]} ×{r.weights[c]}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">Next step</Table.Th>
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
                  ? `All ${formatCount(r.rows.length)} industries.`
                  : `The top ${RANKING_TOP} of ${formatCount(r.rows.length)} industries.`}
              </Text>
              <Button variant="default" size="compact-sm" onClick={() => setShowAll(!showAll)}>
                {showAll ? `Show the top ${RANKING_TOP}` : `Show all ${formatCount(r.rows.length)}`}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
});
