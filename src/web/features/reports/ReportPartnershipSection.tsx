import { Anchor, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { priorityStatusLabels } from "../../../core/agenda.js";
import type { ReportPartnership } from "../../../core/annual-report.js";
import { formatCount, formatDollars, formatNumber, formatValue, NO_VALUE } from "../../../core/format.js";
import { fundingSourceLabels, impactAreaLabels } from "../../../core/impact.js";
import { organizationKindLabels, stageLabels } from "../../../core/vocabulary.js";

/** One partnership's year: its table, priorities and actions, indicators, outcomes and stories. */
export function ReportPartnershipSection({ p, year }: { p: ReportPartnership; year: number }) {
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
        The table
      </Title>
      <Table aria-labelledby={id("table")} withTableBorder>
        <Table.Tbody>
          <Row label="Business people seated" value={formatCount(p.table.businessPeople)} />
          <Row label="Public partners seated" value={formatCount(p.table.publicPeople)} />
          <Row label="Businesses engaged" value={formatCount(p.table.businessesEngaged)} />
          {p.table.organizations.map((o) => (
            <Row
              key={o.kind}
              label={`Organizations: ${organizationKindLabels[o.kind]}`}
              value={formatCount(o.count)}
            />
          ))}
        </Table.Tbody>
      </Table>

      <Title order={3} fz="md" mt="md" mb={4}>
        Priorities and what was achieved
      </Title>
      {p.priorities.length === 0 ? (
        <Text size="sm" c="dimmed">
          No priorities chosen yet.
        </Text>
      ) : (
        <ul className="report-list">
          {p.priorities.map((pr) => (
            <li key={pr.id}>
              <Text span fw={600} size="sm">
                {pr.title}
              </Text>{" "}
              <Text span size="sm" c="dimmed">
                ({priorityStatusLabels[pr.status]}; {formatCount(pr.actionsDone)} of {formatCount(pr.actions)}{" "}
                actions done in {year})
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
        Indicators
      </Title>
      {p.indicators.length === 0 ? (
        <Text size="sm" c="dimmed">
          No indicators chosen.
        </Text>
      ) : (
        <Table aria-labelledby={id("indicators")} withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Indicator</Table.Th>
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
                  {i.name}
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
            Outcomes
          </Title>
          <Table aria-labelledby={id("outcomes")} withTableBorder>
            <Table.Tbody>
              {p.outcomes.map((o) => (
                <Row key={o.key} label={o.name} value={o.achieved ? "Yes" : "No"} />
              ))}
              {p.funding.map((f) => (
                <Row
                  key={f.source}
                  label={`Leveraged funding: ${fundingSourceLabels[f.source]}`}
                  value={formatDollars(f.total)}
                />
              ))}
              {p.valueCheck && (
                <Row
                  label={`Employer value check (${formatCount(p.valueCheck.answers)} answers)`}
                  value={`${formatNumber(p.valueCheck.mean, 1)} of 10`}
                />
              )}
            </Table.Tbody>
          </Table>
        </>
      )}

      <Title order={3} fz="md" mt="md" mb={4}>
        Stories
      </Title>
      {p.stories.length === 0 ? (
        <Text size="sm" c="dimmed">
          No stories told in {year}.
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
