import { Card, Stack, Table, Text, Title } from "@mantine/core";
import { FormattedMessage } from "react-intl";
import { formatCount, formatDollars } from "../../../core/format.js";
import {
  fundingSourceLabels,
  fundingSources,
  type Measurement,
  type TrackedIndicator,
} from "../../../core/impact.js";
import { useComputedValues } from "./api.js";

/**
 * What a state reports besides the indicators: leveraged funding added up by where it came from,
 * and the businesses engaged in the year, counted from the table (nobody types it).
 */
export function OutcomesPanel(props: {
  partnershipId: string;
  tracked: TrackedIndicator[];
  measurements: Measurement[];
  showComputed: boolean;
}) {
  const { partnershipId, tracked, measurements, showComputed } = props;
  const year = String(new Date().getUTCFullYear());
  const computed = useComputedValues(showComputed ? partnershipId : undefined, year);
  const sourceOf = new Map(
    tracked.flatMap((t) => (t.fundingSource ? [[t.key, t.fundingSource] as const] : [])),
  );
  const funding = measurements.filter(
    (m) => m.kind === "actual" && sourceOf.has(m.indicator) && /^\d{4}$/.test(m.period),
  );
  const years = [...new Set(funding.map((m) => m.period))].sort().slice(-3);
  const total = (source: string, period: string) =>
    funding
      .filter((m) => m.period === period && sourceOf.get(m.indicator) === source)
      .reduce((sum, m) => sum + m.value, 0);
  const engaged = computed.data?.items.find((i) => i.indicator === "businesses_engaged");
  if (years.length === 0 && !engaged) return null;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="outcomes-panel" mb="lg">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="outcomes-panel">
          <FormattedMessage id="impact.outcomes.title" defaultMessage="Funding and businesses engaged" />
        </Title>
        {engaged && (
          <Text>
            <FormattedMessage
              id="impact.outcomes.engaged"
              defaultMessage="Businesses engaged in {year}: <b>{count}</b> <note>(business organizations with a member at the table this year, counted by Shared Table)</note>"
              values={{
                year,
                count: formatCount(engaged.value),
                b: (chunks) => <strong>{chunks}</strong>,
                note: (chunks) => (
                  <Text span size="sm" c="dimmed">
                    {chunks}
                  </Text>
                ),
              }}
            />
          </Text>
        )}
        {years.length > 0 && (
          <Table.ScrollContainer minWidth={0}>
            {/* Three years of dollars beside a source fit a phone only with tighter cells. */}
            <Table horizontalSpacing={8} fz="sm">
              <Table.Caption>
                <FormattedMessage
                  id="impact.outcomes.fundingCaption"
                  defaultMessage="Leveraged funding by source"
                />
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">
                    <FormattedMessage id="impact.outcomes.sourceHeader" defaultMessage="Source" />
                  </Table.Th>
                  {years.map((y) => (
                    <Table.Th scope="col" key={y}>
                      {y}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {fundingSources
                  .filter((s) => funding.some((m) => sourceOf.get(m.indicator) === s))
                  .map((s) => (
                    <Table.Tr key={s}>
                      <Table.Th scope="row">{fundingSourceLabels[s]}</Table.Th>
                      {years.map((y) => (
                        <Table.Td key={y}>{formatDollars(total(s, y))}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
