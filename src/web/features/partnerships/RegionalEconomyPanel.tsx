import { Alert, Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
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
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { api } from "../../lib/api.js";
import { useMe } from "../auth/api.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

export const partnershipEconomyKey = (id: string) => ["partnership-economy", id] as const;

export function usePartnershipEconomy(id: string | undefined) {
  return useQuery({
    queryKey: partnershipEconomyKey(id ?? ""),
    queryFn: ({ signal }) =>
      api.get<PartnershipEconomy>(`/partnerships/${encodeURIComponent(id ?? "")}/regional-economy`, signal),
    enabled: !!id,
  });
}

const jobsText = (intl: IntlShape, year: PanelYear) => {
  if (!year.jobs) return NO_VALUE;
  const value = formatCount(year.jobs.value);
  return year.jobs.complete
    ? value
    : intl.formatMessage(
        { id: "partnerships.economy.atLeast", defaultMessage: "at least {value}" },
        { value },
      );
};
// Wages and jobs are held back together: the pay of the disclosed counties is theirs, not a bound.
const payText = (year: PanelYear) =>
  year.averagePay?.value == null ? NO_VALUE : formatDollars(Math.round(year.averagePay.value));
const lqText = (year: PanelYear) =>
  year.locationQuotient?.value == null ? NO_VALUE : formatNumber(year.locationQuotient.value, 2);

function lqMeaning(intl: IntlShape, year: PanelYear): string {
  const lq = year.locationQuotient;
  if (!lq) return "";
  if (lq.value === null)
    return intl.formatMessage(
      { id: "partnerships.economy.lqUnknown", defaultMessage: "Location quotient not known: {reason}." },
      {
        reason:
          lq.reason ??
          intl.formatMessage({
            id: "partnerships.economy.lqNoNational",
            defaultMessage: "no national figure",
          }),
      },
    );
  return intl.formatMessage(
    {
      id: "partnerships.economy.lqMeaning",
      defaultMessage:
        "Location quotient {lq}{complete, select, yes {} other { (at least: a county did not disclose its figure)}}: the region is {than, select, more {more} other {less}} concentrated in this industry than the nation.",
    },
    {
      lq: formatNumber(lq.value, 2),
      complete: lq.complete ? "yes" : "no",
      than: lq.value >= 1 ? "more" : "less",
    },
  );
}

/** The parts of a change in jobs every sentence about it takes. */
function changeValues(change: PanelChange) {
  const sign = change.change > 0 ? "+" : "";
  return {
    change: `${sign}${formatCount(change.change)}`,
    hasPercent: change.percent === null ? "no" : "yes",
    percent: change.percent === null ? "" : formatRelativeChange(change.percent),
    complete: change.complete ? "yes" : "no",
    undisclosed: String(change.undisclosedAreas),
  };
}

/** A small line of jobs over the imported years; its text alternative is the list of values. */
function Sparkline({ years }: { years: PanelYear[] }) {
  const intl = useIntl();
  const points = years.filter((y) => y.jobs);
  if (points.length < 2) return null;
  const values = points.map((y) => y.jobs!.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const w = 120;
  const h = 32;
  const x = (i: number) => (i / (points.length - 1)) * (w - 4) + 2;
  const y = (v: number) => (max === min ? h / 2 : h - 2 - ((v - min) / (max - min)) * (h - 4));
  const label = intl.formatMessage(
    { id: "partnerships.economy.sparklineLabel", defaultMessage: "Jobs by year: {list}" },
    { list: points.map((p) => `${p.year} ${jobsText(intl, p)}`).join(", ") },
  );
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
          <FormattedMessage id="partnerships.economy.incompleteBadge" defaultMessage="incomplete" />
        </Badge>
      )}
    </Stack>
  );
}

function Figures({ figures, year }: { figures: PanelFigures; year: PanelYear }) {
  const intl = useIntl();
  if (year.status !== "figures")
    return (
      <Alert
        color="yellow"
        variant="light"
        title={intl.formatMessage(
          { id: "partnerships.economy.noFiguresTitle", defaultMessage: "No figures for {code} in {year}" },
          { code: figures.code, year: String(year.year) },
        )}
      >
        {year.notice}
      </Alert>
    );
  const trend = figures.overYears
    ? intl.formatMessage(
        {
          id: "partnerships.economy.changeOverYears",
          defaultMessage:
            "{change} jobs{hasPercent, select, yes { ({percent})} other {}} from {fromYear} to {toYear}{complete, select, yes {} other {, over the counties that disclosed it ({undisclosed} left out)}}",
        },
        {
          ...changeValues(figures.overYears),
          fromYear: String(figures.overYears.fromYear),
          toYear: String(figures.overYears.toYear),
        },
      )
    : figures.oneYear
      ? intl.formatMessage(
          {
            id: "partnerships.economy.changeOneYear",
            defaultMessage:
              "{change} jobs{hasPercent, select, yes { ({percent})} other {}} from {fromYear} (BLS over-the-year change){complete, select, yes {} other {, over the counties that disclosed it ({undisclosed} left out)}}",
          },
          { ...changeValues(figures.oneYear), fromYear: String(figures.oneYear.fromYear) },
        )
      : null;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Stat
          label={intl.formatMessage(
            { id: "partnerships.economy.jobsIn", defaultMessage: "jobs in {year}" },
            { year: String(year.year) },
          )}
          value={jobsText(intl, year)}
          incomplete={year.jobs?.complete === false}
        />
        <Stat
          label={intl.formatMessage({
            id: "partnerships.economy.establishmentsStat",
            defaultMessage: "establishments",
          })}
          value={year.establishments === null ? NO_VALUE : formatCount(year.establishments)}
        />
        <Stat
          label={intl.formatMessage({
            id: "partnerships.economy.payStat",
            defaultMessage: "average annual pay",
          })}
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
          <FormattedMessage
            id="partnerships.economy.privateOwnership"
            defaultMessage="Private ownership: BLS publishes the county figures of an industry by ownership."
          />
        </Text>
      )}
      {(trend || figures.years.length > 1) && (
        <Group gap="sm" wrap="wrap">
          <Sparkline years={figures.years} />
          {trend && <Text size="sm">{trend}</Text>}
        </Group>
      )}
      <Text size="sm">{lqMeaning(intl, year)}</Text>
    </Stack>
  );
}

function CodesTable({ codes, year }: { codes: PanelFigures[]; year: number }) {
  const intl = useIntl();
  return (
    <Stack
      gap="xs"
      component="ul"
      className="plain-list"
      aria-label={intl.formatMessage({
        id: "partnerships.economy.codesLabel",
        defaultMessage: "Each industry code",
      })}
    >
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
                    <Table.Th w="50%">
                      <FormattedMessage id="partnerships.economy.jobsHeader" defaultMessage="Jobs" />
                    </Table.Th>
                    <Table.Td>{jobsText(intl, y)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>
                      <FormattedMessage
                        id="partnerships.economy.establishmentsHeader"
                        defaultMessage="Establishments"
                      />
                    </Table.Th>
                    <Table.Td>
                      {y.establishments === null ? NO_VALUE : formatCount(y.establishments)}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>
                      <FormattedMessage
                        id="partnerships.economy.payHeader"
                        defaultMessage="Average annual pay"
                      />
                    </Table.Th>
                    <Table.Td>{payText(y)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>
                      <FormattedMessage
                        id="partnerships.economy.lqHeader"
                        defaultMessage="Location quotient"
                      />
                    </Table.Th>
                    <Table.Td>
                      {y.locationQuotient?.complete === false && y.locationQuotient.value !== null
                        ? intl.formatMessage(
                            {
                              id: "partnerships.economy.lqIncomplete",
                              defaultMessage: "{value} (incomplete)",
                            },
                            { value: lqText(y) },
                          )
                        : lqText(y)}
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
      <FormattedMessage id="partnerships.economy.heading" defaultMessage="Local economy" />
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
        <Text c="dimmed">
          <FormattedMessage
            id="partnerships.economy.loading"
            defaultMessage="Loading the regional economy…"
          />
        </Text>
      </Card>
    );
  const main = data.combined ?? data.codes[0];
  const latest = main?.years.find((y) => y.year === data.year);
  return (
    <Card component="section" aria-labelledby={headingId} data-testid="regional-economy">
      {heading}
      {data.year === null ? (
        <Stack gap={4}>
          <Text fw={600}>
            <FormattedMessage
              id="partnerships.economy.noData"
              defaultMessage="No BLS QCEW data imported yet"
            />
          </Text>
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="partnerships.economy.noDataHelp"
              defaultMessage="Jobs, establishments and pay of the partnership's industry in its counties appear here once the BLS QCEW files of its counties are imported."
            />
          </Text>
          {me.data?.isAdmin && (
            <Anchor component={Link} to="/admin/regional-economy" size="sm" underline="always">
              <FormattedMessage
                id="partnerships.economy.importLink"
                defaultMessage="Import them on the Regional economy data page"
              />
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
            {data.combined ? (
              <FormattedMessage
                id="partnerships.economy.scopeAllCodes"
                defaultMessage="All the partnership's industry codes in {count, plural, one {its county} other {its # counties}}"
                values={{ count: data.counties.length }}
              />
            ) : main ? (
              <FormattedMessage
                id="partnerships.economy.scopeCode"
                defaultMessage="{code} {title} in {count, plural, one {its county} other {its # counties}}"
                values={{ code: main.code, title: main.title, count: data.counties.length }}
              />
            ) : (
              <FormattedMessage
                id="partnerships.economy.scopeCounties"
                defaultMessage="in {count, plural, one {its county} other {its # counties}}"
                values={{ count: data.counties.length }}
              />
            )}
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
                <FormattedMessage
                  id="partnerships.economy.indicatorsHeading"
                  defaultMessage="Indicator values from these figures"
                />
              </Text>
              {data.indicators
                .filter((i) => i.period === String(data.year))
                .map((i) => (
                  <Text key={i.key} size="sm">
                    {indicatorName(i)}, {i.period}:{" "}
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
            <FormattedMessage
              id="partnerships.economy.source"
              defaultMessage="Source: {source}"
              values={{ source: data.source }}
            />
          </Text>
        </Stack>
      )}
    </Card>
  );
}
