import { useState } from "react";
import { Link } from "react-router";
import { Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import type { Rollup } from "../../../core/impact.js";
import { fundingSourceLabels, impactAreaLabels, impactAreas } from "../../../core/impact.js";
import { formatCount, formatCountOf, formatDollars, formatShare, formatValue } from "../../../core/format.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { useRollup } from "./api.js";

type Item = Rollup["items"][number];

function headline(item: Item): string {
  if (item.rollup === "share")
    return item.share === null || item.share === undefined
      ? "hidden (fewer than 5 reporting)"
      : `${formatShare(item.share)} said yes`;
  if (item.rollup === "sum") return formatValue(item.total, item.unit);
  return `median ${formatValue(item.median, item.unit)}`;
}

function Breakdown({ item }: { item: Item }) {
  const top = item.bySector.slice(0, 3);
  return (
    <Text size="sm" c="dimmed">
      {top
        .map(
          (s) =>
            `${s.sector}: ${
              item.rollup === "share"
                ? formatShare(s.share ?? null)
                : formatValue(item.rollup === "sum" ? s.total : s.median, item.unit)
            }`,
        )
        .join(" · ")}
    </Text>
  );
}

/** The community roll-up: what all partnerships achieved in a year, by outcome area. */
export default function RollupPage() {
  const years = Array.from({ length: 6 }, (_, i) => String(new Date().getUTCFullYear() - 6 + i));
  const [period, setPeriod] = useState(years.at(-1) ?? "2025");
  const me = useMe();
  const rollup = useRollup(period);
  usePageTitle("Results across partnerships");
  const data = rollup.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Results across partnerships"
        description="What Next Generation Sector Partnerships achieved together: totals of what adds up, medians of rates and days."
        actions={
          <>
            <Button component={Link} to="/profiles" variant="subtle">
              Benchmarking profiles
            </Button>
            {me.data && (
              <Button component={Link} to="/themes" variant="subtle">
                What partnerships work on
              </Button>
            )}
            {me.data?.isAdmin && (
              <Button component={Link} to="/admin/indicators" variant="subtle">
                Indicator catalog
              </Button>
            )}
            <Button
              component="a"
              variant="default"
              href={`/api/community/rollup.csv?period=${period}`}
              download
            >
              Download CSV
            </Button>
          </>
        }
      />
      <Group align="flex-end" justify="space-between">
        <NativeSelect
          label="Year"
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value)}
          data={years}
        />
        {data && (
          <Badge size="lg" variant="light" color={data.audience === "public" ? "gray" : "blue"}>
            {data.audience === "public"
              ? "Built from public values only"
              : "Built from values shared with the Community of Practice"}
          </Badge>
        )}
      </Group>
      {!me.data && !me.isPending && (
        <Text c="dimmed">
          Practitioners who sign in see the roll-up of the values partnerships share with the community.
        </Text>
      )}
      {rollup.isPending ? (
        <PageSkeleton label="Loading the roll-up" />
      ) : rollup.isError ? (
        <ErrorAlert error={rollup.error} onRetry={() => void rollup.refetch()} />
      ) : data && data.items.length === 0 ? (
        <Text>No partnership reported values for {period} yet.</Text>
      ) : (
        data && (
          <Stack gap="xl">
            <Text fw={600}>
              {`${formatCountOf(data.partnershipsReporting, "partnership")} reported for ${period}.`}
            </Text>
            {data.fundingBySource && data.fundingBySource.length > 0 && (
              <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="rollup-funding">
                <Title order={2} fz="lg" mb="sm" id="rollup-funding">
                  Leveraged funding by source
                </Title>
                <Table verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Source</Table.Th>
                      <Table.Th scope="col">Total</Table.Th>
                      <Table.Th scope="col">Reporting</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.fundingBySource.map((f) => (
                      <Table.Tr key={f.source}>
                        <Table.Th scope="row" fw={500}>
                          {fundingSourceLabels[f.source]}
                        </Table.Th>
                        <Table.Td fw={700}>{formatDollars(f.total)}</Table.Td>
                        <Table.Td>{formatCount(f.reporting)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            )}
            {impactAreas
              .filter((area) => data.items.some((i) => i.area === area))
              .map((area) => (
                <Card
                  key={area}
                  withBorder
                  padding="lg"
                  radius="md"
                  component="section"
                  aria-labelledby={`rollup-${area}`}
                >
                  <Title order={2} fz="lg" mb="sm" id={`rollup-${area}`}>
                    {impactAreaLabels[area]}
                  </Title>
                  <Table.ScrollContainer minWidth={560}>
                    <Table verticalSpacing="sm">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">Indicator</Table.Th>
                          <Table.Th scope="col">Across partnerships</Table.Th>
                          <Table.Th scope="col">Middle half</Table.Th>
                          <Table.Th scope="col">Reporting</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.items
                          .filter((i) => i.area === area)
                          .map((i) => (
                            <Table.Tr key={i.indicator}>
                              <Table.Th scope="row" fw={500}>
                                {i.name}
                                <Breakdown item={i} />
                              </Table.Th>
                              <Table.Td fw={700}>{headline(i)}</Table.Td>
                              <Table.Td>
                                {i.rollup === "compare"
                                  ? `${formatValue(i.q1, i.unit)} – ${formatValue(i.q3, i.unit)}`
                                  : "–"}
                              </Table.Td>
                              <Table.Td>{formatCount(i.reporting)}</Table.Td>
                            </Table.Tr>
                          ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Card>
              ))}
          </Stack>
        )
      )}
    </Stack>
  );
}
