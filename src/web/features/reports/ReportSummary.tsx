import { Table, Text, Title } from "@mantine/core";
import type { AnnualReport } from "../../../core/annual-report.js";
import { FormattedMessage, useIntl } from "react-intl";
import { formatCount, formatDollars, formatNumber, formatShare, NO_VALUE } from "../../../core/format.js";
import { fundingSourceLabels } from "../../../core/impact.js";
import { stageLabels } from "../../../core/vocabulary.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

/** The cover summary: figures of the whole scope for the year. */
export function ReportSummary({ report }: { report: AnnualReport }) {
  const intl = useIntl();
  const s = report.summary;
  const check = s.valueCheck;
  return (
    <section className="report-section" aria-labelledby="report-summary">
      <Title order={2} fz="xl" id="report-summary" mb="sm">
        <FormattedMessage id="reports.summary.title" defaultMessage="Summary" />
      </Title>
      <dl className="report-figures">
        <div>
          <dt>
            <FormattedMessage id="reports.summary.partnerships" defaultMessage="Partnerships" />
          </dt>
          <dd>{formatCount(s.partnerships)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="reports.summary.businessesEngaged" defaultMessage="Businesses engaged" />
          </dt>
          <dd>{formatCount(s.businessesEngaged)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage
              id="reports.summary.reporting"
              defaultMessage="Reported at least one indicator"
            />
          </dt>
          <dd>{formatCount(s.partnershipsReporting)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="reports.summary.employerValue" defaultMessage="Employer value (0-10)" />
          </dt>
          <dd>{check.mean === null ? NO_VALUE : formatNumber(check.mean, 1)}</dd>
        </div>
      </dl>
      <Text size="sm" c="dimmed" mt="xs">
        {check.mean === null
          ? intl.formatMessage(
              {
                id: "reports.summary.noValueCheck",
                defaultMessage: "No employer value check of {year} closed with at least {minimum} answers.",
              },
              { year: String(report.year), minimum: check.minimum },
            )
          : intl.formatMessage(
              {
                id: "reports.summary.valueCheckMean",
                defaultMessage:
                  "Mean of {answers, plural, one {# answer} other {# answers}} in {checks, plural, one {# closed check} other {# closed checks}} with at least {minimum} answers each.",
              },
              { answers: check.answers, checks: check.checks, minimum: check.minimum },
            )}
      </Text>

      <Title order={3} fz="md" mt="lg" mb={4} id="report-stages">
        <FormattedMessage id="reports.summary.byStage" defaultMessage="Partnerships by stage" />
      </Title>
      <Table aria-labelledby="report-stages" withTableBorder>
        <Table.Tbody>
          {s.byStage.map((b) => (
            <Table.Tr key={b.stage}>
              <Table.Th scope="row" fw={500}>
                {stageLabels[b.stage]}
              </Table.Th>
              <Table.Td ta="right">{formatCount(b.count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={3} fz="md" mt="lg" mb={4} id="report-outcomes">
        <FormattedMessage id="reports.summary.outcomesTitle" defaultMessage="Yes/no outcomes" />
      </Title>
      <Table aria-labelledby="report-outcomes" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              <FormattedMessage id="reports.summary.colOutcome" defaultMessage="Outcome" />
            </Table.Th>
            <Table.Th scope="col" ta="right">
              <FormattedMessage id="reports.summary.colAchieved" defaultMessage="Achieved" />
            </Table.Th>
            <Table.Th scope="col" ta="right">
              <FormattedMessage id="reports.summary.colShare" defaultMessage="Share" />
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.outcomes.map((o) => (
            <Table.Tr key={o.indicator}>
              <Table.Th scope="row" fw={500}>
                {indicatorName({ key: o.indicator, name: o.name })}
              </Table.Th>
              <Table.Td ta="right">
                {intl.formatMessage(
                  { id: "reports.summary.achievedOf", defaultMessage: "{achieved} of {reporting}" },
                  { achieved: formatCount(o.achieved), reporting: formatCount(o.reporting) },
                )}
              </Table.Td>
              <Table.Td ta="right">{formatShare(o.share)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={3} fz="md" mt="lg" mb={4} id="report-funding">
        <FormattedMessage id="reports.summary.fundingTitle" defaultMessage="Leveraged funding" />
      </Title>
      {s.funding.length === 0 ? (
        <Text size="sm" c="dimmed">
          <FormattedMessage
            id="reports.summary.noFunding"
            defaultMessage="No partnership reported leveraged funding for {year}."
            values={{ year: String(report.year) }}
          />
        </Text>
      ) : (
        <Table aria-labelledby="report-funding" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                <FormattedMessage id="reports.summary.colSource" defaultMessage="Source" />
              </Table.Th>
              <Table.Th scope="col" ta="right">
                <FormattedMessage id="reports.summary.colDollars" defaultMessage="Dollars" />
              </Table.Th>
              <Table.Th scope="col" ta="right">
                <FormattedMessage id="reports.summary.partnerships" defaultMessage="Partnerships" />
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.funding.map((f) => (
              <Table.Tr key={f.source}>
                <Table.Th scope="row" fw={500}>
                  {fundingSourceLabels[f.source]}
                </Table.Th>
                <Table.Td ta="right">{formatDollars(f.total)}</Table.Td>
                <Table.Td ta="right">{formatCount(f.reporting)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
