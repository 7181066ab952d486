import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import {
  formatCount,
  formatDollars,
  formatNumber,
  formatRelativeChange,
  NO_VALUE,
} from "../../../core/format.js";
import type {
  PanelChange,
  PanelFigures,
  PanelYear,
  PartnershipEconomy,
} from "../../../core/qcew/partnership-panel.js";
import { atLeast } from "../../../core/qcew/profile.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { api } from "../../lib/api.js";
import { useMe } from "../auth/api.js";

export const partnershipEconomyKey = (id: string) => ["partnership-economy", id] as const;

export function usePartnershipEconomy(id: string | undefined) {
  return useQuery({
    queryKey: partnershipEconomyKey(id ?? ""),
    queryFn: ({ signal }) =>
      api.get<PartnershipEconomy>(`/partnerships/${encodeURIComponent(id ?? "")}/regional-economy`, signal),
    enabled: !!id,
  });
}

const jobsText = (year: PanelYear) => (year.jobs ? atLeast(year.jobs, formatCount) : NO_VALUE);
// Wages and jobs are held back together: the pay of the disclosed counties is theirs, not a bound.
const payText = (year: PanelYear) =>
  year.averagePay?.value == null ? NO_VALUE : formatDollars(Math.round(year.averagePay.value));
const lqText = (year: PanelYear) =>
  year.locationQuotient?.value == null ? NO_VALUE : formatNumber(year.locationQuotient.value, 2);

function lqMeaning(year: PanelYear): string {
  const lq = year.locationQuotient;
  if (!lq) return "";
  if (lq.value === null) return `Location quotient not known: ${lq.reason ?? "no national figure"}.`;
  const than = lq.value >= 1 ? "more" : "less";
  const incomplete = lq.complete ? "" : " (at least: a county did not disclose its figure)";
  return `Location quotient ${formatNumber(lq.value, 2)}${incomplete}: the region is ${than} concentrated in this industry than the nation.`;
}

function changeText(change: PanelChange, label: string): string {
  const sign = change.change > 0 ? "+" : "";
  const percent = change.percent === null ? "" : ` (${formatRelativeChange(change.percent)})`;
  const partial = change.complete
    ? ""
    : `, over the counties that disclosed it (${change.undisclosedAreas} left out)`;
  return `${sign}${formatCount(change.change)} jobs${percent} ${label}${partial}`;
}

/** A small line of jobs over the imported years; its text alternative is the list of values. */
function Sparkline({ years }: { years: PanelYear[] }) {
  const points = years.filter((y) => y.jobs);
  if (points.length < 2) return null;
  const values = points.map((y) => y.jobs!.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const w = 120;
  const h = 32;
  const x = (i: number) => (i / (points.length - 1)) * (w - 4) + 2;
  const y = (v: number) => (max === min ? h / 2 : h - 2 - ((v - min) / (max - min)) * (h - 4));
  const label = `Jobs by year: ${points.map((p) => `${p.year} ${jobsText(p)}`).join(", ")}`;
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={label}>
      <polyline
        fill="none"
        stroke="var(--mantine-color-table-7)"
        strokeWidth={2}
        points={points.map((p, i) => `${x(i)},${y(p.jobs!.value)}`).join(" ")}
      />
    </svg>
  );
}

function Stat({ label, value, incomplete }: { label: string; value: string; incomplete?: boolean }) {
  return (
    <Stack gap={0} className="stat-box">
      <Text fz={26} fw={800} lh={1.15} style={{ overflowWrap: "anywhere" }}>
        {value}
      </Text>
      <Text size="sm">{label}</Text>
      {incomplete && (
        <Badge variant="light" color="gray" c="gray.9" size="sm" tt="none" mt={4}>
          incomplete
        </Badge>
      )}
    </Stack>
  );
}

function Figures({ figures, year }: { figures: PanelFigures; year: PanelYear }) {
  if (year.status !== "figures")
    return (
      <Alert color="yellow" variant="light" title={`No figures for ${figures.code} in ${year.year}`}>
        {year.notice}
      </Alert>
    );
  const trend = figures.overYears
    ? changeText(figures.overYears, `from ${figures.overYears.fromYear} to ${figures.overYears.toYear}`)
    : figures.oneYear
      ? changeText(figures.oneYear, `from ${figures.oneYear.fromYear} (BLS over-the-year change)`)
      : null;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Stat
          label={`jobs in ${year.year}`}
          value={jobsText(year)}
          incomplete={year.jobs?.complete === false}
        />
        <Stat
          label="establishments"
          value={year.establishments === null ? NO_VALUE : formatCount(year.establishments)}
        />
        <Stat
          label="average annual pay"
          value={payText(year)}
          incomplete={year.averagePay?.complete === false}
        />
      </SimpleGrid>
      {year.notice && (
        <Text size="sm" fw={600}>
          {year.notice}
        </Text>
      )}
      {year.ownership === "private" && (
        <Text size="sm" c="dimmed">
          Private ownership: BLS publishes the county figures of an industry by ownership.
        </Text>
      )}
      {(trend || figures.years.length > 1) && (
        <Group gap="sm" wrap="wrap">
          <Sparkline years={figures.years} />
          {trend && <Text size="sm">{trend}</Text>}
        </Group>
      )}
      <Text size="sm">{lqMeaning(year)}</Text>
    </Stack>
  );
}

function CodesTable({ codes, year }: { codes: PanelFigures[]; year: number }) {
  return (
    <Stack gap="xs" component="ul" className="plain-list" aria-label="Each industry code">
      {codes.map((c) => {
        const y = c.years.find((v) => v.year === year)!;
        return (
          <Card component="li" key={c.code} withBorder padding="sm">
            <Group gap="xs" wrap="wrap" mb={4}>
              <Badge variant="outline" color="table" radius="sm">
                {c.code}
              </Badge>
              <Text fw={600}>{c.title}</Text>
            </Group>
            {y.status === "figures" ? (
              <Table variant="vertical" withRowBorders={false} fz="sm" layout="fixed">
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w="50%">Jobs</Table.Th>
                    <Table.Td>{jobsText(y)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>Establishments</Table.Th>
                    <Table.Td>
                      {y.establishments === null ? NO_VALUE : formatCount(y.establishments)}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>Average annual pay</Table.Th>
                    <Table.Td>{payText(y)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>Location quotient</Table.Th>
                    <Table.Td>
                      {lqText(y)}
                      {y.locationQuotient?.complete === false && y.locationQuotient.value !== null
                        ? " (incomplete)"
                        : ""}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            ) : (
              <Text size="sm" fw={600}>
                {y.notice}
              </Text>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}

/**
 * The partnership's regional economy from the imported BLS QCEW files: on its public profile
 * and in the Impact page's "For the regional economy" area.
 */
export function RegionalEconomyPanel({
  partnershipId,
  headingOrder = 2,
  showIndicators = false,
}: {
  partnershipId: string;
  headingOrder?: 2 | 3;
  showIndicators?: boolean;
}) {
  const query = usePartnershipEconomy(partnershipId);
  const me = useMe();
  const headingId = `economy-heading-${headingOrder}`;
  const data = query.data;
  const heading = (
    <Title order={headingOrder} fz={headingOrder === 2 ? "lg" : "md"} id={headingId} mb="sm">
      Local economy
    </Title>
  );
  if (query.isError)
    return (
      <Card component="section" aria-labelledby={headingId}>
        {heading}
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </Card>
    );
  if (!data)
    return (
      <Card component="section" aria-labelledby={headingId}>
        {heading}
        <Text c="dimmed">Loading the regional economy…</Text>
      </Card>
    );
  const main = data.combined ?? data.codes[0];
  const latest = main?.years.find((y) => y.year === data.year);
  return (
    <Card component="section" aria-labelledby={headingId} data-testid="regional-economy">
      {heading}
      {data.year === null ? (
        <Stack gap={4}>
          <Text fw={600}>No BLS QCEW data imported yet</Text>
          <Text size="sm" c="dimmed">
            Jobs, establishments and pay of the partnership's industry in its counties appear here once the
            BLS QCEW files of its counties are imported.
          </Text>
          {me.data?.isAdmin && (
            <Anchor component={Link} to="/admin/regional-economy" size="sm" underline="always">
              Import them on the Regional economy data page
            </Anchor>
          )}
          {data.notes.map((n) => (
            <Text key={n} size="sm" c="dimmed">
              {n}
            </Text>
          ))}
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {data.combined
              ? "All the partnership's industry codes"
              : main
                ? `${main.code} ${main.title}`
                : ""}{" "}
            in {data.counties.length === 1 ? "its county" : `its ${data.counties.length} counties`}
          </Text>
          {main && latest ? <Figures figures={main} year={latest} /> : null}
          {data.codes.length > 1 && <CodesTable codes={data.codes} year={data.year} />}
          {data.notes.map((n) => (
            <Text key={n} size="sm" c="dimmed">
              {n}
            </Text>
          ))}
          {showIndicators && data.indicators.length > 0 && (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                Indicator values from these figures
              </Text>
              {data.indicators
                .filter((i) => i.period === String(data.year))
                .map((i) => (
                  <Text key={i.key} size="sm">
                    {i.name}, {i.period}:{" "}
                    {i.value === null
                      ? i.skipped
                      : i.key.endsWith("pay")
                        ? formatDollars(i.value)
                        : formatCount(i.value)}
                  </Text>
                ))}
            </Stack>
          )}
          <Text size="sm" c="dimmed" data-testid="economy-source">
            Source: {data.source}
          </Text>
        </Stack>
      )}
    </Card>
  );
}
