import { Alert, Anchor, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { bandLabels, levelText } from "../../../core/assessment-scoring.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { formatDate } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { HiddenGroups, hiddenGroups } from "./HiddenResults.js";
import { formatShown } from "./ScoreVisuals.js";
import { ChangeLine, noComparison } from "./ResultsPage.js";
import { useRoundResults } from "./useRoundResults.js";
import "./report.css";
import { formatScore } from "../../../core/format.js";
import { FormattedMessage, useIntl } from "react-intl";
import { assessmentWords } from "./messages.js";

/** One page to bring to a partnership meeting: good on screen, and on paper (report.css). */
export default function ReportPage() {
  const { id } = useParams();
  const { me, results, rubric, notFound, notClosed } = useRoundResults(id);
  const intl = useIntl();
  const reportTitle = intl.formatMessage({ id: "assessment.report.pageTitle", defaultMessage: "Report" });
  usePageTitle(
    results.data
      ? intl.formatMessage(
          { id: "assessment.report.titleOf", defaultMessage: "Report: {title}" },
          { title: results.data.title },
        )
      : reportTitle,
  );

  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return (
      <SignInPrompt
        title={reportTitle}
        reason={intl.formatMessage({
          id: "assessment.report.signInReason",
          defaultMessage: "Reports are for the partnership's members. Sign in.",
        })}
      />
    );
  if (notFound) return <NotFoundPage />;
  if (notClosed)
    return (
      <Alert color="harvest">
        <FormattedMessage {...assessmentWords.resultsWhenClosed} />
      </Alert>
    );
  if (results.isError) return <ErrorAlert error={results.error} />;
  if (results.isPending || rubric.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "assessment.report.loading", defaultMessage: "Loading the report" })}
      />
    );
  const r = results.data;
  const change = new Map(r.change.characteristics.map((c) => [c.key, c.change]));
  const isNew = new Set(r.change.notCompared.filter((n) => n.reason === "new").map((n) => n.key));
  const statements = new Map(
    (rubric.data?.characteristics ?? []).flatMap((c) => c.statements.map((s) => [s.key, s.text])),
  );
  const hidden = new Set(hiddenGroups(r));
  const unavailable = noComparison(intl, r);
  const weakest = [...r.statements]
    .filter((s) => s.all !== null)
    .sort((a, b) => (a.all ?? 0) - (b.all ?? 0))
    .slice(0, 3);

  return (
    <article className="assessment-report" aria-labelledby="report-title">
      <Group justify="space-between" className="no-print" mb="md">
        <Anchor component={Link} to={`/assessments/${r.roundId}/results`} size="sm">
          <FormattedMessage id="assessment.report.backToResults" defaultMessage="← Full results" />
        </Anchor>
        <Button onClick={() => window.print()}>
          <FormattedMessage id="assessment.report.print" defaultMessage="Print this report" />
        </Button>
      </Group>
      <header className="report-header">
        <Text size="sm" fw={700} c="table.8" tt="uppercase" lts={0.5}>
          <FormattedMessage id="assessment.report.kicker" defaultMessage="Is our partnership Next Gen?" />
        </Text>
        <Title order={1} id="report-title" fz={28}>
          {r.partnershipName}
        </Title>
        <Text c="dimmed">
          <FormattedMessage
            id="assessment.report.subtitle"
            defaultMessage="{title} · closed {date} · {all, plural, one {# respondent} other {# respondents}} ({business, number} business, {public, number} public) · rubric version {version}"
            values={{
              title: r.title,
              date: formatDate(r.closedAt),
              all: r.respondents.all,
              business: r.respondents.business,
              public: r.respondents.public,
              version: r.version,
            }}
          />
        </Text>
      </header>
      <HiddenGroups results={r} print />

      <section
        className="report-overall"
        aria-label={intl.formatMessage({ id: "assessment.report.overallLabel", defaultMessage: "Overall" })}
      >
        <div>
          <Text fz={44} fw={800} lh={1} c="table.9">
            {formatShown(intl, r.overall, hidden.has("all"))}
          </Text>
          <Text size="sm" c="dimmed">
            <FormattedMessage id="assessment.report.overallOf100" defaultMessage="overall, of 100" />
          </Text>
        </div>
        <div>
          <Text fw={800} fz="xl">
            {r.band
              ? bandLabels[r.band]
              : intl.formatMessage(
                  hidden.has("all") ? assessmentWords.hiddenTooFew : assessmentWords.noAnswers,
                )}
          </Text>
          <ChangeLine results={r} />
        </div>
      </section>

      <section aria-labelledby="report-chars">
        <Title order={2} fz="md" id="report-chars" mb={4}>
          <FormattedMessage
            id="assessment.report.charsTitle"
            defaultMessage="The {count, plural, one {# characteristic} other {# characteristics}} (0-100)"
            values={{ count: r.characteristics.length }}
          />
        </Title>
        <Table withTableBorder className="report-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                <FormattedMessage {...assessmentWords.colCharacteristic} />
              </Table.Th>
              <Table.Th scope="col" ta="right">
                <FormattedMessage {...assessmentWords.colAll} />
              </Table.Th>
              <Table.Th scope="col" ta="right">
                <FormattedMessage {...assessmentWords.colBusiness} />
              </Table.Th>
              <Table.Th scope="col" ta="right">
                <FormattedMessage {...assessmentWords.colPublic} />
              </Table.Th>
              <Table.Th scope="col" ta="right">
                <FormattedMessage {...assessmentWords.colChange} />
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.characteristics.map((c) => {
              const d = change.get(c.key);
              return (
                <Table.Tr key={c.key}>
                  <Table.Th scope="row" fw={500}>
                    {c.name}
                  </Table.Th>
                  <Table.Td ta="right" fw={700}>
                    {formatShown(intl, c.all, hidden.has("all"))}
                  </Table.Td>
                  <Table.Td ta="right">{formatShown(intl, c.business, hidden.has("business"))}</Table.Td>
                  <Table.Td ta="right">{formatShown(intl, c.public, hidden.has("public"))}</Table.Td>
                  <Table.Td ta="right">
                    {isNew.has(c.key)
                      ? intl.formatMessage({ id: "assessment.report.changeNew", defaultMessage: "new" })
                      : d == null
                        ? "–"
                        : `${d > 0 ? "+" : ""}${formatScore(d)}`}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </section>

      <Stack gap={4} component="section" aria-labelledby="report-gaps">
        <Title order={2} fz="md" id="report-gaps">
          <FormattedMessage
            id="assessment.report.gapsTitle"
            defaultMessage="Where to talk: business and public answers differ by a level or more"
          />
        </Title>
        {unavailable ? (
          <Text size="sm">{unavailable}</Text>
        ) : r.gaps.length === 0 ? (
          <Text size="sm">
            <FormattedMessage
              id="assessment.report.noGaps"
              defaultMessage="No statement differs by one level or more."
            />
          </Text>
        ) : (
          <ul className="report-list">
            {r.gaps.slice(0, 6).map((g) => (
              <li key={g.statement}>
                {g.text}{" "}
                <Text span c="dimmed" size="sm">
                  <FormattedMessage
                    id="assessment.report.gapLevels"
                    defaultMessage="(business {business}, public {public})"
                    values={{ business: levelText(g.business), public: levelText(g.public) }}
                  />
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Stack>

      <Stack gap={4} component="section" aria-labelledby="report-weakest">
        <Title order={2} fz="md" id="report-weakest">
          <FormattedMessage
            id="assessment.report.weakestTitle"
            defaultMessage="Lowest statements: where to start"
          />
        </Title>
        {weakest.length === 0 && (
          <Text size="sm">
            <FormattedMessage
              id="assessment.report.noWeakest"
              defaultMessage="No statement can be shown for this round."
            />
          </Text>
        )}
        <ol className="report-list">
          {weakest.map((s) => (
            <li key={s.key}>
              {statements.get(s.key) ?? s.key}{" "}
              <Text span c="dimmed" size="sm">
                <FormattedMessage
                  id="assessment.report.meanLevel"
                  defaultMessage="(mean level {level}, on a scale of 0 to 3)"
                  values={{ level: levelText(s.all) }}
                />
              </Text>
            </li>
          ))}
        </ol>
      </Stack>
      <Text size="xs" c="dimmed" mt="sm">
        <FormattedMessage
          id="assessment.report.footer"
          defaultMessage="Levels: 0 not yet, 1 emerging, 2 established, 3 exemplary. Bands: under 40 not yet Next Gen, 40 to 69.9 emerging, 70 and over Next Gen. Individual answers are never shown. Made with Shared Table."
        />
      </Text>
    </article>
  );
}
