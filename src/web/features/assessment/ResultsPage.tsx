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
import { formatNumber, formatScore } from "../../../core/format.js";
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
import { assessmentWords } from "./messages.js";

function Respondents({ r }: { r: ResultsResponse["respondents"] }) {
  return (
    <Text size="sm">
      <FormattedMessage
        id="assessment.results.respondents"
        defaultMessage="{all, plural, one {# respondent} other {# respondents}}: {business, number} business, {public, plural, one {# public partner} other {# public partners}}"
        values={{ all: r.all, business: r.business, public: r.public }}
      />
    </Text>
  );
}

/** Why business and public answers are not compared, or null when they are. */
export function noComparison(intl: IntlShape, results: ResultsResponse): string | null {
  const { business, public: pub } = results.respondents;
  if (business === 0) {
    return intl.formatMessage({
      id: "assessment.results.noBusinessRespondents",
      defaultMessage:
        "No business respondents in this round, so business and public answers cannot be compared.",
    });
  }
  if (pub === 0) {
    return intl.formatMessage({
      id: "assessment.results.noPublicRespondents",
      defaultMessage:
        "No public respondents in this round, so business and public answers cannot be compared.",
    });
  }
  if (!isShown(results, "business") || !isShown(results, "public")) {
    return intl.formatMessage(
      {
        id: "assessment.results.notCompared",
        defaultMessage:
          "Business and public answers are not compared in this round: fewer than {minimum} answered on one side, and a comparison would reveal their answers.",
      },
      { minimum: results.minimum },
    );
  }
  return null;
}

/** A mean level, or "hidden" for a group whose results stay hidden. */
function levelCell(intl: IntlShape, value: number | null | undefined, hidden: boolean) {
  return hidden ? intl.formatMessage(assessmentWords.hiddenValue) : levelText(value ?? null);
}

function Gaps({ results }: { results: ResultsResponse }) {
  const intl = useIntl();
  const unavailable = noComparison(intl, results);
  const businessLabel = intl.formatMessage(assessmentWords.colBusiness);
  const publicLabel = intl.formatMessage(assessmentWords.colPublic);
  const differenceLabel = intl.formatMessage({
    id: "assessment.results.gaps.colDifference",
    defaultMessage: "Difference",
  });
  return (
    <Card component="section" aria-labelledby="gaps-heading" p="lg">
      <Title order={2} fz="lg" id="gaps-heading">
        <FormattedMessage id="assessment.results.gaps.title" defaultMessage="Where to talk" />
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        <FormattedMessage
          id="assessment.results.gaps.help"
          defaultMessage="Statements where business and public answers differ by one level or more (levels: 0 not yet, 1 emerging, 2 established, 3 exemplary)."
        />
      </Text>
      {unavailable ? (
        <Text>{unavailable}</Text>
      ) : results.gaps.length === 0 ? (
        <Text>
          <FormattedMessage
            id="assessment.results.gaps.none"
            defaultMessage="Business and public partners see the partnership the same way: no statement differs by a level."
          />
        </Text>
      ) : (
        <Table verticalSpacing="sm" className="gaps-table stack-on-phone">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                <FormattedMessage {...assessmentWords.colStatement} />
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {businessLabel}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {publicLabel}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {differenceLabel}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.gaps.map((g) => (
              <Table.Tr key={g.statement}>
                <Table.Th scope="row" fw={500}>
                  {g.text}
                </Table.Th>
                <Table.Td ta="right" data-label={businessLabel}>
                  <Text span size="sm">
                    {levelText(g.business)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" data-label={publicLabel}>
                  <Text span size="sm">
                    {levelText(g.public)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" data-label={differenceLabel}>
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
  const intl = useIntl();
  const allLabel = intl.formatMessage(assessmentWords.colAll);
  const businessLabel = intl.formatMessage(assessmentWords.colBusiness);
  const publicLabel = intl.formatMessage(assessmentWords.colPublic);
  const byKey = new Map(results.statements.map((s) => [s.key, s]));
  const hidden = new Set(hiddenGroups(results));
  const gapKeys = new Set(results.gaps.map((g) => g.statement));
  return (
    <Card component="section" aria-labelledby="statements-heading" p="lg">
      <Title order={2} fz="lg" id="statements-heading" mb="xs">
        <FormattedMessage id="assessment.results.statements.title" defaultMessage="Statement by statement" />
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        <FormattedMessage
          id="assessment.results.statements.help"
          defaultMessage="Mean level of each group, 0 to 3, with the evidence the software holds and where to get help."
        />
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
                    <Table.Th scope="col">
                      <FormattedMessage {...assessmentWords.colStatement} />
                    </Table.Th>
                    <Table.Th scope="col" ta="right" w={120}>
                      {allLabel}
                    </Table.Th>
                    <Table.Th scope="col" ta="right" w={120}>
                      {businessLabel}
                    </Table.Th>
                    <Table.Th scope="col" ta="right" w={120}>
                      {publicLabel}
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
                                <FormattedMessage
                                  id="assessment.results.statements.gapBadge"
                                  defaultMessage="Gap"
                                />
                              </Badge>
                            )}
                          </Group>
                          {s.signal && signals && <EvidenceNote signal={s.signal} signals={signals} />}
                          <Resources resources={s.resources} slug={results.partnershipSlug} />
                        </Table.Td>
                        <Table.Td ta="right" data-label={allLabel}>
                          <Text span size="sm">
                            {levelCell(intl, row?.all, hidden.has("all"))}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" data-label={businessLabel}>
                          <Text span size="sm">
                            {levelCell(intl, row?.business, hidden.has("business"))}
                          </Text>
                        </Table.Td>
                        <Table.Td ta="right" data-label={publicLabel}>
                          <Text span size="sm">
                            {levelCell(intl, row?.public, hidden.has("public"))}
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
        <FormattedMessage
          id="assessment.results.change.first"
          defaultMessage="First closed round: the next one will show what changed."
        />
      </Text>
    );
  }
  const title = results.previous.title;
  if (results.change.overall === null) {
    return (
      <Text size="sm" c="dimmed">
        {results.overall === null ? (
          <FormattedMessage
            id="assessment.results.change.thisTooFew"
            defaultMessage="No change to show since {title}: this round had too few respondents to show a score."
            values={{ title }}
          />
        ) : (
          <FormattedMessage
            id="assessment.results.change.thatTooFew"
            defaultMessage="No change to show since {title}: that round had too few respondents to show a score."
            values={{ title }}
          />
        )}
      </Text>
    );
  }
  const c = results.change.overall;
  const values = {
    change: formatScore(Math.abs(c)),
    title,
    previous: results.previous.overall == null ? "–" : formatScore(results.previous.overall),
  };
  return (
    <div>
      <Text size="sm">
        {c > 0 ? (
          <FormattedMessage
            id="assessment.results.change.up"
            defaultMessage="Up {change} since {title} ({previous})"
            values={values}
          />
        ) : c < 0 ? (
          <FormattedMessage
            id="assessment.results.change.down"
            defaultMessage="Down {change} since {title} ({previous})"
            values={values}
          />
        ) : (
          <FormattedMessage
            id="assessment.results.change.none"
            defaultMessage="No change since {title} ({previous})"
            values={values}
          />
        )}
      </Text>
      <MappedNote results={results} />
    </div>
  );
}

/** Across rubric versions: what was compared, and what could not be. */
export function MappedNote({ results }: { results: ResultsResponse }) {
  const intl = useIntl();
  const { change, previous } = results;
  if (change.comparison !== "mapped" || !previous) return null;
  const compared = change.characteristics.filter((c) => !change.notCompared.some((n) => n.key === c.key));
  const fresh = change.notCompared.filter((n) => n.reason === "new").map((n) => n.name);
  const dropped = change.notCompared.filter((n) => n.reason === "dropped").map((n) => n.name);
  return (
    <Text size="sm" c="dimmed" className="mapped-note">
      <FormattedMessage
        id="assessment.results.mapped.text"
        defaultMessage="{previous} used rubric version {previousVersion}, this round version {version}: the change compares the {count, plural, one {# characteristic} other {# characteristics}} both hold."
        values={{
          previous: previous.title,
          previousVersion: previous.version,
          version: results.version,
          count: compared.length,
        }}
      />
      {fresh.length > 0 &&
        ` ${intl.formatMessage(
          {
            id: "assessment.results.mapped.fresh",
            defaultMessage: "New in version {version}, with no earlier score: {names}.",
          },
          { version: results.version, names: fresh.join(", ") },
        )}`}
      {dropped.length > 0 &&
        ` ${intl.formatMessage(
          { id: "assessment.common.notInVersion", defaultMessage: "Not in version {version}: {names}." },
          { version: results.version, names: dropped.join(", ") },
        )}`}
    </Text>
  );
}

export default function ResultsPage() {
  const { id } = useParams();
  const { me, results, rubric, notFound, notClosed } = useRoundResults(id);
  const signals = useSignals(results.data?.partnershipId);
  const intl = useIntl();
  const resultsTitle = intl.formatMessage({ id: "assessment.results.pageTitle", defaultMessage: "Results" });
  const titleOf = (title: string) =>
    intl.formatMessage({ id: "assessment.results.titleOf", defaultMessage: "Results: {title}" }, { title });
  usePageTitle(results.data ? titleOf(results.data.title) : resultsTitle);

  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return (
      <SignInPrompt
        title={resultsTitle}
        reason={intl.formatMessage({
          id: "assessment.results.signInReason",
          defaultMessage: "Results are for the partnership's members. Sign in.",
        })}
      />
    );
  if (notFound) return <NotFoundPage />;
  if (notClosed) {
    return (
      <Alert
        color="harvest"
        title={intl.formatMessage({
          id: "assessment.results.notClosedTitle",
          defaultMessage: "Not closed yet",
        })}
        maw={620}
        mx="auto"
      >
        <FormattedMessage {...assessmentWords.resultsWhenClosed} />{" "}
        <Anchor component={Link} to={`/assessments/${id ?? ""}`}>
          <FormattedMessage id="assessment.results.backToRound" defaultMessage="Back to the round" />
        </Anchor>
      </Alert>
    );
  }
  if (results.isError) return <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
  if (results.isPending || rubric.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({
          id: "assessment.results.loading",
          defaultMessage: "Loading the results",
        })}
      />
    );
  if (rubric.isError) return <ErrorAlert error={rubric.error} onRetry={() => void rubric.refetch()} />;
  const r = results.data;
  const names = new Map(r.characteristics.map((c) => [c.key, c.name]));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/p/${r.partnershipSlug}/assessment`} size="sm">
        <FormattedMessage
          id="assessment.common.backToSection"
          defaultMessage="← Self-assessment of {name}"
          values={{ name: r.partnershipName }}
        />
      </Anchor>
      <PageHeader
        title={titleOf(r.title)}
        description={intl.formatMessage(
          {
            id: "assessment.results.description",
            defaultMessage: "{partnership} · closed {date} · rubric version {version}",
          },
          { partnership: r.partnershipName, date: formatDate(r.closedAt), version: r.version },
        )}
        actions={
          <Button component={Link} to={`/assessments/${r.roundId}/report`} variant="default">
            <FormattedMessage id="assessment.results.printableReport" defaultMessage="Printable report" />
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
              <FormattedMessage
                id="assessment.results.chars.title"
                defaultMessage="Each characteristic, business and public side by side"
              />
            </Title>
            <ScoreChartAndTable
              caption={intl.formatMessage({
                id: "assessment.results.chars.caption",
                defaultMessage:
                  "Score of each characteristic, 0 to 100, for all, business and public respondents; none where a group has no respondents, hidden where too few answered",
              })}
              series={groupSeries(intl)}
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
