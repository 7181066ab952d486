import { Anchor, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { priorityStatusLabels } from "../../../core/agenda.js";
import type { ReportPartnership } from "../../../core/annual-report.js";
import { formatCount, formatDollars, formatNumber, formatValue, NO_VALUE } from "../../../core/format.js";
import { FormattedMessage, useIntl } from "react-intl";
import { fundingSourceLabels, impactAreaLabels } from "../../../core/impact.js";
import { organizationKindLabels, stageLabels } from "../../../core/vocabulary.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

/** One partnership's year: its table, priorities and actions, indicators, outcomes and stories. */
export function ReportPartnershipSection({ p, year }: { p: ReportPartnership; year: number }) {
  const intl = useIntl();
  const id = (part: string) => `report-${p.id}-${part}`;
  return (
    <section className="report-section report-partnership" aria-labelledby={id("name")}>
      <Title order={2} fz="xl" id={id("name")}>
        <Anchor component={Link} to={`/p/${p.slug}`} inherit>
          {p.name}
        </Anchor>
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        {stageLabels[p.stage]} · {p.states.join(", ") || NO_VALUE}
      </Text>

      <Title order={3} fz="md" mb={4} id={id("table")}>
        <FormattedMessage id="reports.partnership.tableTitle" defaultMessage="The table" />
      </Title>
      <Table aria-labelledby={id("table")} withTableBorder>
        <Table.Tbody>
          <Row
            label={intl.formatMessage({
              id: "reports.partnership.businessPeople",
              defaultMessage: "Business people seated",
            })}
            value={formatCount(p.table.businessPeople)}
          />
          <Row
            label={intl.formatMessage({
              id: "reports.partnership.publicPeople",
              defaultMessage: "Public partners seated",
            })}
            value={formatCount(p.table.publicPeople)}
          />
          <Row
            label={intl.formatMessage({
              id: "reports.partnership.businessesEngaged",
              defaultMessage: "Businesses engaged",
            })}
            value={formatCount(p.table.businessesEngaged)}
          />
          {p.table.organizations.map((o) => (
            <Row
              key={o.kind}
              label={intl.formatMessage(
                { id: "reports.partnership.organizations", defaultMessage: "Organizations: {kind}" },
                { kind: organizationKindLabels[o.kind] },
              )}
              value={formatCount(o.count)}
            />
          ))}
        </Table.Tbody>
      </Table>

      <Title order={3} fz="md" mt="md" mb={4}>
        <FormattedMessage
          id="reports.partnership.prioritiesTitle"
          defaultMessage="Priorities and what was achieved"
        />
      </Title>
      {p.priorities.length === 0 ? (
        <Text size="sm" c="dimmed">
          <FormattedMessage
            id="reports.partnership.noPriorities"
            defaultMessage="No priorities chosen yet."
          />
        </Text>
      ) : (
        <ul className="report-list">
          {p.priorities.map((pr) => (
            <li key={pr.id}>
              <Text span fw={600} size="sm">
                {pr.title}
              </Text>{" "}
              <Text span size="sm" c="dimmed">
                <FormattedMessage
                  id="reports.partnership.priorityLine"
                  defaultMessage="({status}; {done} of {actions} actions done in {year})"
                  values={{
                    status: priorityStatusLabels[pr.status],
                    done: formatCount(pr.actionsDone),
                    actions: formatCount(pr.actions),
                    year: String(year),
                  }}
                />
              </Text>
              {pr.done.length > 0 && (
                <ul className="report-list">
                  {pr.done.map((a) => (
                    <li key={`${a.title}-${a.completedAt}`}>
                      {a.title} ({a.completedAt}){a.result ? `: ${a.result}` : ""}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}

      <Title order={3} fz="md" mt="md" mb={4} id={id("indicators")}>
        <FormattedMessage id="reports.partnership.indicatorsTitle" defaultMessage="Indicators" />
      </Title>
      {p.indicators.length === 0 ? (
        <Text size="sm" c="dimmed">
          <FormattedMessage id="reports.partnership.noIndicators" defaultMessage="No indicators chosen." />
        </Text>
      ) : (
        <Table aria-labelledby={id("indicators")} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                <FormattedMessage id="reports.partnership.colIndicator" defaultMessage="Indicator" />
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {year}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {year - 1}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.indicators.map((i) => (
              <Table.Tr key={i.key}>
                <Table.Th scope="row" fw={500}>
                  {indicatorName(i)}
                </Table.Th>
                <Table.Td ta="right">{formatValue(i.value, i.unit)}</Table.Td>
                <Table.Td ta="right">{formatValue(i.previous, i.unit)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {(p.outcomes.length > 0 || p.funding.length > 0 || p.valueCheck) && (
        <>
          <Title order={3} fz="md" mt="md" mb={4} id={id("outcomes")}>
            <FormattedMessage id="reports.partnership.outcomesTitle" defaultMessage="Outcomes" />
          </Title>
          <Table aria-labelledby={id("outcomes")} withTableBorder>
            <Table.Tbody>
              {p.outcomes.map((o) => (
                <Row
                  key={o.key}
                  label={indicatorName(o)}
                  value={
                    o.achieved
                      ? intl.formatMessage({ id: "reports.partnership.yes", defaultMessage: "Yes" })
                      : intl.formatMessage({ id: "reports.partnership.no", defaultMessage: "No" })
                  }
                />
              ))}
              {p.funding.map((f) => (
                <Row
                  key={f.source}
                  label={intl.formatMessage(
                    { id: "reports.partnership.funding", defaultMessage: "Leveraged funding: {source}" },
                    { source: fundingSourceLabels[f.source] },
                  )}
                  value={formatDollars(f.total)}
                />
              ))}
              {p.valueCheck && (
                <Row
                  label={intl.formatMessage(
                    {
                      id: "reports.partnership.valueCheck",
                      defaultMessage:
                        "Employer value check ({answers, plural, one {# answer} other {# answers}})",
                    },
                    { answers: p.valueCheck.answers },
                  )}
                  value={intl.formatMessage(
                    { id: "reports.partnership.valueCheckMean", defaultMessage: "{mean} of 10" },
                    { mean: formatNumber(p.valueCheck.mean, 1) },
                  )}
                />
              )}
            </Table.Tbody>
          </Table>
        </>
      )}

      <Title order={3} fz="md" mt="md" mb={4}>
        <FormattedMessage id="reports.partnership.storiesTitle" defaultMessage="Stories" />
      </Title>
      {p.stories.length === 0 ? (
        <Text size="sm" c="dimmed">
          <FormattedMessage
            id="reports.partnership.noStories"
            defaultMessage="No stories told in {year}."
            values={{ year: String(year) }}
          />
        </Text>
      ) : (
        p.stories.map((s) => (
          <article key={`${s.date}-${s.title}`} aria-label={s.title}>
            <Text fw={600} size="sm">
              {s.title}
            </Text>
            <Text size="xs" c="dimmed">
              {s.date} · {impactAreaLabels[s.area]}
            </Text>
            {s.text && (
              <Text size="sm" mb="xs">
                {s.text}
              </Text>
            )}
          </article>
        ))
      )}
    </section>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {label}
      </Table.Th>
      <Table.Td ta="right">{value}</Table.Td>
    </Table.Tr>
  );
}
