import { Table, Text, Title } from "@mantine/core";
import type { AnnualReport } from "../../../core/annual-report.js";
import {
  formatCount,
  formatCountOf,
  formatDollars,
  formatNumber,
  formatShare,
  NO_VALUE,
} from "../../../core/format.js";
import { fundingSourceLabels } from "../../../core/impact.js";
import { stageLabels } from "../../../core/vocabulary.js";

/** The cover summary: figures of the whole scope for the year. */
export function ReportSummary({ report }: { report: AnnualReport }) {
  const s = report.summary;
  const check = s.valueCheck;
  return (
    <section className="report-section" aria-labelledby="report-summary">
      <Title order={2} fz="xl" id="report-summary" mb="sm">
        Summary
      </Title>
      <dl className="report-figures">
        <div>
          <dt>Partnerships</dt>
          <dd>{formatCount(s.partnerships)}</dd>
        </div>
        <div>
          <dt>Businesses engaged</dt>
          <dd>{formatCount(s.businessesEngaged)}</dd>
        </div>
        <div>
          <dt>Reported at least one indicator</dt>
          <dd>{formatCount(s.partnershipsReporting)}</dd>
        </div>
        <div>
          <dt>Employer value (0-10)</dt>
          <dd>{check.mean === null ? NO_VALUE : formatNumber(check.mean, 1)}</dd>
        </div>
      </dl>
      <Text size="sm" c="dimmed" mt="xs">
        {check.mean === null
          ? `No employer value check of ${report.year} closed with at least ${check.minimum} answers.`
          : `Mean of ${formatCountOf(check.answers, "answer")} in ${formatCountOf(check.checks, "closed check")} with at least ${check.minimum} answers each.`}
      </Text>

      <Title order={3} fz="md" mt="lg" mb={4} id="report-stages">
        Partnerships by stage
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
        Yes/no outcomes
      </Title>
      <Table aria-labelledby="report-outcomes" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col" ta="right">
              Achieved
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Share
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {s.outcomes.map((o) => (
            <Table.Tr key={o.indicator}>
              <Table.Th scope="row" fw={500}>
                {o.name}
              </Table.Th>
              <Table.Td ta="right">{`${formatCount(o.achieved)} of ${formatCount(o.reporting)}`}</Table.Td>
              <Table.Td ta="right">{formatShare(o.share)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={3} fz="md" mt="lg" mb={4} id="report-funding">
        Leveraged funding
      </Title>
      {s.funding.length === 0 ? (
        <Text size="sm" c="dimmed">
          No partnership reported leveraged funding for {report.year}.
        </Text>
      ) : (
        <Table aria-labelledby="report-funding" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Source</Table.Th>
              <Table.Th scope="col" ta="right">
                Dollars
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Partnerships
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
