import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import type { ResultsResponse, Rubric, SignalsResponse } from "../../../core/assessment.js";
import { levelText } from "../../../core/assessment-scoring.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { formatDate } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { useSignals } from "./api.js";
import { EvidenceNote } from "./Evidence.js";
import { Resources } from "./Resources.js";
import { HiddenGroups, hiddenGroups, isShown } from "./HiddenResults.js";
import { OverallScore, ScoreChartAndTable } from "./ScoreVisuals.js";
import { groupSeries, useRoundResults } from "./useRoundResults.js";
import { formatCountOf, formatNumber, formatScore } from "../../../core/format.js";

function Respondents({ r }: { r: ResultsResponse["respondents"] }) {
  return (
    <Text size="sm">
      {formatCountOf(r.all, "respondent")}: {r.business} business, {formatCountOf(r.public, "public partner")}
    </Text>
  );
}

/** Why business and public answers are not compared, or null when they are. */
export function noComparison(results: ResultsResponse): string | null {
  const { business, public: pub } = results.respondents;
  if (business === 0 || pub === 0) {
    return `No ${business === 0 ? "business" : "public"} respondents in this round, so business and public answers cannot be compared.`;
  }
  if (!isShown(results, "business") || !isShown(results, "public")) {
    return `Business and public answers are not compared in this round: fewer than ${results.minimum} answered on one side, and a comparison would reveal their answers.`;
  }
  return null;
}

/** A mean level, or "hidden" for a group whose results stay hidden. */
function levelCell(value: number | null | undefined, hidden: boolean) {
  return hidden ? "hidden" : levelText(value ?? null);
}

function Gaps({ results }: { results: ResultsResponse }) {
  const unavailable = noComparison(results);
  return (
    <Card component="section" aria-labelledby="gaps-heading" p="lg">
      <Title order={2} fz="lg" id="gaps-heading">
        Where to talk
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Statements where business and public answers differ by one level or more (levels: 0 not yet, 1
        emerging, 2 established, 3 exemplary).
      </Text>
      {unavailable ? (
        <Text>{unavailable}</Text>
      ) : results.gaps.length === 0 ? (
        <Text>
          Business and public partners see the partnership the same way: no statement differs by a level.
        </Text>
      ) : (
        <Table verticalSpacing="sm" className="gaps-table stack-on-phone">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Statement</Table.Th>
              <Table.Th scope="col" ta="right">
                Business
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Public
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Difference
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.gaps.map((g) => (
              <Table.Tr key={g.statement}>
                <Table.Th scope="row" fw={500}>
                  {g.text}
                </Table.Th>
                <Table.Td ta="right" data-label="Business">
                  <Text span size="sm">
                    {levelText(g.business)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" data-label="Public">
                  <Text span size="sm">
                    {levelText(g.public)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" data-label="Difference">
                  <Text span size="sm" fw={700} c="red.8">
                    {g.difference > 0 ? "+" : "−"}
                    {formatNumber(Math.abs(g.difference), 2)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function Statements({
  results,
  rubric,
  signals,
}: {
  results: ResultsResponse;
  rubric: Rubric;
  signals: SignalsResponse | undefined;
}) {
  const byKey = new Map(results.statements.map((s) => [s.key, s]));
  const hidden = new Set(hiddenGroups(results));
  const gapKeys = new Set(results.gaps.map((g) => g.statement));
  return (
    <Card component="section" aria-labelledby="statements-heading" p="lg">
      <Title order={2} fz="lg" id="statements-heading" mb="xs">
        Statement by statement
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Mean level of each group, 0 to 3, with the evidence the software holds and where to get help.
      </Text>
      <Stack gap="xl">
        {rubric.characteristics.map((c) => (
          <div key={c.key}>
            <Title order={3} fz="md" mb="xs">
              {c.name}
            </Title>
            <Table.ScrollContainer minWidth={0}>
              <Table verticalSpacing="sm" className="stack-on-phone">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Statement</Table.Th>
                    <Table.Th scope="col" ta="right" w={120}>
                      All
                    </Table.Th>
                    <Table.Th scope="col" ta="right" w={120}>
                      Business
                    </Table.Th>
                    <Table.Th scope="col" ta="right" w={120}>
                      Public
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.statements.map((s) => {
                    const row = byKey.get(s.key);
                    return (
                      <Table.Tr key={s.key}>
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap" align="flex-start">
                            <Text size="sm" fw={500}>
                              {s.text}
                            </Text>
                            {gapKeys.has(s.key) && (
                              <Badge color="red.8" size="sm" tt="none" style={{ flexShrink: 0 }}>
                                Gap
                              </Badge>
                            )}
                          </Group>
                          {s.signal && signals && <EvidenceNote signal={s.signal} signals={signals} />}
                          <Resources resources={s.resources} slug={results.partnershipSlug} />
                        </Table.Td>
                        <Table.Td ta="right" data-label="All">
                          <Text span size="sm">
                            {levelCell(row?.all, hidden.has("all"))}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" data-label="Business">
                          <Text span size="sm">
                            {levelCell(row?.business, hidden.has("business"))}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" data-label="Public">
                          <Text span size="sm">
                            {levelCell(row?.public, hidden.has("public"))}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </div>
        ))}
      </Stack>
    </Card>
  );
}

export function ChangeLine({ results }: { results: ResultsResponse }) {
  if (!results.previous) {
    return (
      <Text size="sm" c="dimmed">
        First closed round: the next one will show what changed.
      </Text>
    );
  }
  if (results.change.overall === null) {
    return (
      <Text size="sm" c="dimmed">
        No change to show since {results.previous.title}:{" "}
        {results.overall === null ? "this round" : "that round"} had too few respondents to show a score.
      </Text>
    );
  }
  const c = results.change.overall;
  return (
    <div>
      <Text size="sm">
        {c > 0 ? "Up" : c < 0 ? "Down" : "No change"} {c !== 0 && formatScore(Math.abs(c))} since{" "}
        {results.previous.title} (
        {results.previous.overall == null ? "–" : formatScore(results.previous.overall)})
      </Text>
      <MappedNote results={results} />
    </div>
  );
}

/** Across rubric versions: what was compared, and what could not be. */
export function MappedNote({ results }: { results: ResultsResponse }) {
  const { change, previous } = results;
  if (change.comparison !== "mapped" || !previous) return null;
  const compared = change.characteristics.filter((c) => !change.notCompared.some((n) => n.key === c.key));
  const fresh = change.notCompared.filter((n) => n.reason === "new").map((n) => n.name);
  const dropped = change.notCompared.filter((n) => n.reason === "dropped").map((n) => n.name);
  return (
    <Text size="sm" c="dimmed" className="mapped-note">
      {previous.title} used rubric version {previous.version}, this round version {results.version}: the
      change compares the {formatCountOf(compared.length, "characteristic")} both hold.
      {fresh.length > 0 && ` New in version ${results.version}, with no earlier score: ${fresh.join(", ")}.`}
      {dropped.length > 0 && ` Not in version ${results.version}: ${dropped.join(", ")}.`}
    </Text>
  );
}

export default function ResultsPage() {
  const { id } = useParams();
  const { me, results, rubric, notFound, notClosed } = useRoundResults(id);
  const signals = useSignals(results.data?.partnershipId);
  usePageTitle(results.data ? `Results: ${results.data.title}` : "Results");

  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return <SignInPrompt title="Results" reason="Results are for the partnership's members. Sign in." />;
  if (notFound) return <NotFoundPage />;
  if (notClosed) {
    return (
      <Alert color="harvest" title="Not closed yet" maw={620} mx="auto">
        Results appear when the convener closes the round.{" "}
        <Anchor component={Link} to={`/assessments/${id ?? ""}`}>
          Back to the round
        </Anchor>
      </Alert>
    );
  }
  if (results.isError) return <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
  if (results.isPending || rubric.isPending) return <PageSkeleton label="Loading the results" />;
  if (rubric.isError) return <ErrorAlert error={rubric.error} onRetry={() => void rubric.refetch()} />;
  const r = results.data;
  const names = new Map(r.characteristics.map((c) => [c.key, c.name]));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/p/${r.partnershipSlug}/assessment`} size="sm">
        ← Self-assessment of {r.partnershipName}
      </Anchor>
      <PageHeader
        title={`Results: ${r.title}`}
        description={`${r.partnershipName} · closed ${formatDate(r.closedAt)} · rubric version ${r.version}`}
        actions={
          <Button component={Link} to={`/assessments/${r.roundId}/report`} variant="default">
            Printable report
          </Button>
        }
      />
      <HiddenGroups results={r} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card p="lg" h="100%">
            <Stack gap="md">
              <OverallScore overall={r.overall} band={r.band} hidden={r.visibility.all === "too_few"} />
              <Respondents r={r.respondents} />
              <ChangeLine results={r} />
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card component="section" aria-labelledby="chars-heading" p="lg">
            <Title order={2} fz="lg" id="chars-heading" mb="sm">
              Each characteristic, business and public side by side
            </Title>
            <ScoreChartAndTable
              caption="Score of each characteristic, 0 to 100, for all, business and public respondents; none where a group has no respondents, hidden where too few answered"
              series={groupSeries}
              hidden={hiddenGroups(r)}
              rows={r.characteristics.map((c) => ({
                key: c.key,
                name: names.get(c.key) ?? c.key,
                values: { all: c.all, business: c.business, public: c.public },
              }))}
            />
          </Card>
        </Grid.Col>
      </Grid>
      <Gaps results={r} />
      <Statements results={r} rubric={rubric.data} signals={signals.data} />
    </Stack>
  );
}
