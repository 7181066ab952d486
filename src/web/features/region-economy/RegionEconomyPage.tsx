import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import {
  defineMessages,
  FormattedMessage,
  useIntl,
  type IntlShape,
  type MessageDescriptor,
} from "react-intl";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  UnstyledButton,
} from "@mantine/core";
import {
  formatCount,
  formatDollars,
  formatNumber,
  formatRelativeChange,
  formatShare,
  NO_VALUE,
} from "../../../core/format.js";
import {
  NAICS_LEVEL_CHOICES,
  NAICS_LEVEL_LABELS,
  type IndustryFigures,
  type RegionEconomy,
} from "../../../core/qcew/profile.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import type { ShortlistDetail } from "../../../core/qcew/shortlist.js";
import { useMe } from "../auth/api.js";
import { useAddShortlistItem, useCreateShortlist, useShortlist } from "./choice-api.js";
import { defaultRegionName } from "./partnership-link.js";
import { RankingView } from "./RankingView.js";
import { ShortlistPanel } from "./ShortlistPanel.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useCountiesByFips } from "../reference/api.js";
import {
  economyQuery,
  useCountySearch,
  useMetroSearch,
  useRegionEconomy,
  type EconomyChoice,
} from "./api.js";
import { NaicsTitle } from "../reference/NaicsTitle.js";

const ownershipLabels: Record<string, MessageDescriptor> = defineMessages({
  private: { id: "regionEconomy.ownership.private", defaultMessage: "Private" },
  federal: { id: "regionEconomy.ownership.federal", defaultMessage: "Federal government" },
  state: { id: "regionEconomy.ownership.state", defaultMessage: "State government" },
  local: { id: "regionEconomy.ownership.local", defaultMessage: "Local government" },
});

const labels = defineMessages({
  industry: { id: "regionEconomy.table.industry", defaultMessage: "Industry" },
  jobs: { id: "regionEconomy.table.jobs", defaultMessage: "Jobs" },
  share: { id: "regionEconomy.table.share", defaultMessage: "Share of jobs" },
  establishments: { id: "regionEconomy.table.establishments", defaultMessage: "Establishments" },
  payRatio: { id: "regionEconomy.table.payRatio", defaultMessage: "Average pay (vs region)" },
  lq: { id: "regionEconomy.table.lq", defaultMessage: "Location quotient" },
  oneYear: { id: "regionEconomy.table.oneYear", defaultMessage: "One-year change" },
  pageTitle: { id: "regionEconomy.page.title", defaultMessage: "Explore a region's economy" },
});

type SortKey = "title" | "jobs" | "share" | "establishments" | "payRatio" | "lq" | "oneYear";
const columns: { key: SortKey; label: MessageDescriptor; numeric: boolean }[] = [
  { key: "title", label: labels.industry, numeric: false },
  { key: "jobs", label: labels.jobs, numeric: true },
  { key: "share", label: labels.share, numeric: true },
  { key: "establishments", label: labels.establishments, numeric: true },
  { key: "payRatio", label: labels.payRatio, numeric: true },
  { key: "lq", label: labels.lq, numeric: true },
  { key: "oneYear", label: labels.oneYear, numeric: true },
];

const atLeast = (intl: IntlShape, value: string) =>
  intl.formatMessage({ id: "regionEconomy.atLeast", defaultMessage: "at least {value}" }, { value });

/** A sum that may be a lower bound, as text. */
const sumText = (intl: IntlShape, sum: { value: number; complete: boolean }) =>
  sum.complete ? formatCount(sum.value) : atLeast(intl, formatCount(sum.value));

function sortValue(i: IndustryFigures, key: SortKey): number | string | null {
  switch (key) {
    case "title":
      return i.title;
    case "jobs":
      return i.jobs.value;
    case "share":
      return i.share.value;
    case "establishments":
      return i.establishments;
    case "payRatio":
      return i.payRatio.value;
    case "lq":
      return i.locationQuotient.value;
    case "oneYear":
      return i.oneYear?.percent ?? null;
  }
}

function undisclosed(intl: IntlShape, n: number, of: number): string {
  return intl.formatMessage(
    {
      id: "regionEconomy.undisclosed",
      defaultMessage: "{count} of {of, plural, one {# county} other {# counties}} not disclosed",
    },
    { count: formatCount(n), of },
  );
}

/** A figure that may be a lower bound, with how many counties held it back. */
function SumWithNote({
  sum,
  counted,
  size,
}: {
  sum: RegionEconomy["totals"]["jobs"];
  counted: number;
  size: string;
}) {
  const intl = useIntl();
  return (
    <>
      {sumText(intl, sum)}
      {!sum.complete && (
        <Text size={size} c="dimmed">
          {undisclosed(intl, sum.undisclosedAreas, counted)}
        </Text>
      )}
    </>
  );
}

function StatCard({
  label,
  children,
  testId,
}: {
  label: string;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} data-testid={testId} component="div">
        {children}
      </Text>
    </Card>
  );
}

function SummaryCards({ data }: { data: RegionEconomy }) {
  const intl = useIntl();
  const t = data.totals;
  const counted = data.counties.length - t.countiesMissing.length;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <StatCard
        label={intl.formatMessage({
          id: "regionEconomy.summary.jobs",
          defaultMessage: "Jobs, all industries and ownerships",
        })}
        testId="total-jobs"
      >
        <SumWithNote sum={t.jobs} counted={counted} size="sm" />
      </StatCard>
      <StatCard label={intl.formatMessage(labels.establishments)}>{formatCount(t.establishments)}</StatCard>
      <StatCard
        label={intl.formatMessage({ id: "regionEconomy.summary.pay", defaultMessage: "Average annual pay" })}
      >
        {t.averagePay.value === null ? NO_VALUE : formatDollars(Math.round(t.averagePay.value))}
        {!t.averagePay.complete && (
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="regionEconomy.summary.payPartial"
              defaultMessage="Of the counties that disclosed it"
            />
          </Text>
        )}
      </StatCard>
    </SimpleGrid>
  );
}

function IndustryRow({ i, counties }: { i: IndustryFigures; counties: number }) {
  const intl = useIntl();
  const lq = i.locationQuotient;
  return (
    <Table.Tr>
      <Table.Th scope="row" data-label={intl.formatMessage(labels.industry)}>
        <Text size="sm" fw={600} span>
          <NaicsTitle>{i.title}</NaicsTitle>
        </Text>{" "}
        <Text size="xs" c="dimmed" span>
          {i.code}
        </Text>
      </Table.Th>
      <Table.Td data-label={intl.formatMessage(labels.jobs)}>
        <SumWithNote sum={i.jobs} counted={counties} size="xs" />
      </Table.Td>
      <Table.Td data-label={intl.formatMessage(labels.share)}>
        {i.share.complete ? formatShare(i.share.value) : atLeast(intl, formatShare(i.share.value))}
      </Table.Td>
      <Table.Td data-label={intl.formatMessage(labels.establishments)}>
        {formatCount(i.establishments)}
      </Table.Td>
      <Table.Td data-label={intl.formatMessage(labels.payRatio)}>
        {i.averagePay.value === null ? NO_VALUE : formatDollars(Math.round(i.averagePay.value))}
        {i.payRatio.value !== null && (
          <Text size="xs" c="dimmed">
            <FormattedMessage
              id="regionEconomy.table.payRatioNote"
              defaultMessage="{ratio}× region{complete, select, yes {} other {, disclosed counties}}"
              values={{
                ratio: formatNumber(i.payRatio.value, 2),
                complete: i.payRatio.complete ? "yes" : "no",
              }}
            />
          </Text>
        )}
      </Table.Td>
      <Table.Td data-label={intl.formatMessage(labels.lq)}>
        {lq.value === null ? (
          <Text size="sm" span title={lq.reason ?? undefined}>
            {NO_VALUE}
          </Text>
        ) : lq.complete ? (
          formatNumber(lq.value, 2)
        ) : (
          atLeast(intl, formatNumber(lq.value, 2))
        )}
      </Table.Td>
      <Table.Td data-label={intl.formatMessage(labels.oneYear)}>
        {i.oneYear === null || i.oneYear.percent === null ? (
          NO_VALUE
        ) : (
          <>
            {formatRelativeChange(i.oneYear.percent)}{" "}
            <Text size="xs" c="dimmed" span>
              <FormattedMessage
                id="regionEconomy.table.oneYearNote"
                defaultMessage="({change} jobs{complete, select, yes {} other {, disclosed counties only}})"
                values={{
                  change: `${i.oneYear.change > 0 ? "+" : ""}${formatCount(i.oneYear.change)}`,
                  complete: i.oneYear.complete ? "yes" : "no",
                }}
              />
            </Text>
          </>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

const IndustryTable = memo(function IndustryTable({
  data,
  csvHref,
}: {
  data: RegionEconomy;
  csvHref: string;
}) {
  const intl = useIntl();
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: "jobs", descending: true });
  const rows = useMemo(() => {
    const term = filter.trim().toLowerCase();
    const shown = data.industries.filter(
      (i) => !term || i.title.toLowerCase().includes(term) || i.code.startsWith(term),
    );
    return shown.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      const order = typeof x === "string" ? x.localeCompare(String(y)) : x - (y as number);
      return sort.descending ? -order : order;
    });
  }, [data.industries, filter, sort]);
  const counted = data.counties.length - data.totals.countiesMissing.length;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <TextInput
          label={intl.formatMessage({
            id: "regionEconomy.table.filterLabel",
            defaultMessage: "Filter industries",
          })}
          placeholder={intl.formatMessage({
            id: "regionEconomy.table.filterPlaceholder",
            defaultMessage: "Name or NAICS code",
          })}
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          miw={240}
        />
        <Button component="a" variant="default" href={csvHref} download>
          <FormattedMessage id="regionEconomy.table.downloadCsv" defaultMessage="Download CSV" />
        </Button>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        <FormattedMessage
          id="regionEconomy.table.count"
          defaultMessage="{count, plural, one {# industry} other {# industries}}{filtered, select, yes { match “{term}”} other {}}. Location quotient: the industry's share of the region's jobs over its share of US jobs (above 1: more concentrated than the nation)."
          values={{ count: rows.length, filtered: filter.trim() ? "yes" : "no", term: filter.trim() }}
        />
      </Text>
      <Table.ScrollContainer minWidth={0}>
        <Table verticalSpacing="sm" highlightOnHover className="stack-on-phone" data-testid="industries">
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => {
                const active = sort.key === c.key;
                return (
                  <Table.Th
                    key={c.key}
                    scope="col"
                    aria-sort={active ? (sort.descending ? "descending" : "ascending") : undefined}
                  >
                    <UnstyledButton
                      fw={700}
                      fz="sm"
                      onClick={() =>
                        setSort({ key: c.key, descending: active ? !sort.descending : c.numeric })
                      }
                    >
                      {intl.formatMessage(c.label)}
                      {active ? (sort.descending ? " ↓" : " ↑") : ""}
                    </UnstyledButton>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((i) => (
              <IndustryRow key={i.code} i={i} counties={counted} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
});

/** Options for a picker: the chosen value(s) first, then what the search found, each once. */
function optionList(entries: Iterable<[string, string]>): { value: string; label: string }[] {
  return [...new Map(entries)].map(([value, label]) => ({ value, label }));
}

function CountyPicker({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const intl = useIntl();
  const [search, setSearch] = useState("");
  const found = useCountySearch(search);
  const chosen = useCountiesByFips(value);
  const data = useMemo(
    () =>
      optionList([
        ...value.map((f): [string, string] => [f, f]),
        ...[...(chosen.data ?? []), ...(found.data ?? [])].map((c): [string, string] => [
          c.fips,
          `${c.name}, ${c.state}`,
        ]),
      ]),
    [chosen.data, found.data, value],
  );
  return (
    <MultiSelect
      label={intl.formatMessage({ id: "regionEconomy.counties.label", defaultMessage: "Counties" })}
      description={intl.formatMessage({
        id: "regionEconomy.counties.description",
        defaultMessage: "Type a county's name, e.g. Franklin; pick as many as the region has.",
      })}
      placeholder={
        value.length
          ? undefined
          : intl.formatMessage({
              id: "regionEconomy.counties.placeholder",
              defaultMessage: "Search counties",
            })
      }
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      maxValues={100}
      nothingFoundMessage={
        search.trim().length < 2
          ? intl.formatMessage({
              id: "regionEconomy.counties.typeMore",
              defaultMessage: "Type two letters or more",
            })
          : intl.formatMessage({ id: "regionEconomy.counties.noMatch", defaultMessage: "No county matches" })
      }
      miw={280}
      style={{ flex: 1 }}
    />
  );
}

function MetroPicker({
  value,
  title,
  onChange,
}: {
  value: string | null;
  title: string | null;
  onChange: (cbsa: string | null) => void;
}) {
  const intl = useIntl();
  const [search, setSearch] = useState("");
  const metros = useMetroSearch(search);
  const data = useMemo(
    () =>
      optionList([
        ...(value ? [[value, title ?? value] as [string, string]] : []),
        ...(metros.data ?? []).map((m): [string, string] => [
          m.code,
          intl.formatMessage(
            {
              id: "regionEconomy.metros.option",
              defaultMessage:
                "{title} ({type, select, metro {metro} other {micro}}, {count, plural, one {# county} other {# counties}})",
            },
            { title: m.title, type: m.type, count: m.counties },
          ),
        ]),
      ]),
    [metros.data, value, title, intl],
  );
  const none = metros.isSuccess && metros.data.length === 0 && !search.trim();
  return (
    <Select
      label={intl.formatMessage({
        id: "regionEconomy.metros.label",
        defaultMessage: "Or a metro or micro area",
      })}
      description={
        none
          ? intl.formatMessage({
              id: "regionEconomy.metros.none",
              defaultMessage:
                "No metro areas in the reference data yet: an admin imports the Census CBSA delineation file.",
            })
          : intl.formatMessage({
              id: "regionEconomy.metros.description",
              defaultMessage: "Type a city's name, e.g. Columbus.",
            })
      }
      placeholder={intl.formatMessage({
        id: "regionEconomy.metros.placeholder",
        defaultMessage: "Search metro areas",
      })}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable
      nothingFoundMessage={intl.formatMessage({
        id: "regionEconomy.metros.noMatch",
        defaultMessage: "No metro area matches",
      })}
      miw={280}
      maw={520}
    />
  );
}

/** Explore a region: BLS QCEW figures for chosen counties or a metro area, open to everyone. */
export default function RegionEconomyPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(labels.pageTitle));
  const [params, setParams] = useSearchParams();
  const choice: EconomyChoice = useMemo(
    () => ({
      counties: (params.get("counties") ?? "").split(",").filter(Boolean),
      cbsa: params.get("cbsa"),
      year: params.get("year"),
      level: params.get("level") ?? "sector",
      ownership: params.get("ownership") ?? "private",
    }),
    [params],
  );
  const economy = useRegionEconomy(choice);
  const update = (patch: Partial<EconomyChoice>) => {
    const next = { ...choice, ...patch };
    const search = new URLSearchParams(economyQuery(next).replace(/^\?/, ""));
    // The open tab and shortlist stay while the region or its detail changes.
    for (const key of ["view", "shortlist"]) {
      const kept = params.get(key);
      if (kept) search.set(key, kept);
    }
    setParams(search, { replace: true });
  };
  const data = economy.data;
  const me = useMe();
  const signedIn = !!me.data;
  const tab = params.get("view") ?? "industries";
  const activeShortlist = params.get("shortlist");
  const setParam = (key: string, value: string | null) => {
    // From the address as it is now, not this render's copy: two filters changed in quick
    // succession (before a re-render) must both stay, the second must not undo the first.
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const [typedRegionName, setRegionName] = useState<string | null>(null);
  const regionName = typedRegionName ?? (data ? defaultRegionName(intl, data) : "");
  const active = useShortlist(activeShortlist);
  const activeItems = active.data?.items;
  const shortlisted = useMemo(() => new Set(activeItems?.map((i) => i.code) ?? []), [activeItems]);
  const createShortlist = useCreateShortlist();
  const addItem = useAddShortlistItem(activeShortlist ?? "");
  const [adding, setAdding] = useState<string | null>(null);
  const [shortlistError, setShortlistError] = useState<string | null>(null);
  const [shortlistStatus, setShortlistStatus] = useState<string | null>(null);
  const shortlistIndustry = (row: { code: string; title: string }) => {
    if (!data) return;
    setAdding(row.code);
    setShortlistError(null);
    const done = {
      onSuccess: (s: ShortlistDetail | null) => {
        if (s && s.id !== activeShortlist) setParam("shortlist", s.id);
        setShortlistStatus(
          s
            ? intl.formatMessage(
                {
                  id: "regionEconomy.page.shortlistedStatus",
                  defaultMessage: "{title} is on {name} (see the Shortlists tab).",
                },
                { title: row.title, name: s.name },
              )
            : intl.formatMessage(
                {
                  id: "regionEconomy.page.shortlistedStatusDefault",
                  defaultMessage: "{title} is on the shortlist (see the Shortlists tab).",
                },
                { title: row.title },
              ),
        );
      },
      onError: (e: unknown) => setShortlistError(errorMessage(e)),
      onSettled: () => setAdding(null),
    };
    // Into the open shortlist when it is the caller's own; else a new one for this region.
    if (activeShortlist && active.data?.role === "owner") addItem.mutate(row, done);
    else
      createShortlist.mutate(
        {
          name: (regionName
            ? intl.formatMessage(
                { id: "regionEconomy.page.shortlistName", defaultMessage: "{region} industries" },
                { region: regionName },
              )
            : intl.formatMessage({
                id: "regionEconomy.page.shortlistNameDefault",
                defaultMessage: "Region industries",
              })
          ).slice(0, 120),
          regionName: regionName.slice(0, 80),
          counties: data.counties.map((c) => c.fips),
          cbsa: data.cbsa?.code ?? null,
          level: data.level,
          year: data.year,
          ownership: data.ownership,
          items: [{ code: row.code, title: row.title, note: "" }],
        },
        done,
      );
  };
  // Typing the region's name must not redraw the hundreds of ranked rows on every key: they get
  // the name late (only their "Start a partnership" links use it), and stable props otherwise.
  const latestShortlistIndustry = useRef(shortlistIndustry);
  latestShortlistIndustry.current = shortlistIndustry;
  const onShortlist = useCallback(
    (row: { code: string; title: string }) => latestShortlistIndustry.current(row),
    [],
  );
  const deferredRegionName = useDeferredValue(regionName);
  const rowActions = useMemo(
    () => ({ signedIn, shortlisted, onShortlist, shortlisting: adding, regionName: deferredRegionName }),
    [signedIn, shortlisted, onShortlist, adding, deferredRegionName],
  );
  const counties = useMemo(() => data?.counties.map((c) => c.fips) ?? [], [data]);
  const csvHref = `/api/regions/economy.csv${economyQuery(choice)}`;
  const notImported = economy.error instanceof ApiError && economy.error.status === 404;
  const chosen = choice.counties.length > 0 || !!choice.cbsa;

  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(labels.pageTitle)}
        description={intl.formatMessage({
          id: "regionEconomy.page.description",
          defaultMessage:
            "Jobs, pay and concentration of every industry in a labor-market region, from the official BLS Quarterly Census of Employment and Wages. Pick the counties the region covers, or a metro area.",
        })}
      />
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group align="flex-end" wrap="wrap" gap="sm">
            <CountyPicker
              value={choice.counties}
              onChange={(counties) => update({ counties, cbsa: null, year: null })}
            />
          </Group>
          <MetroPicker
            value={choice.cbsa}
            title={data?.cbsa?.title ?? null}
            onChange={(cbsa) => update({ cbsa, counties: [], year: null })}
          />
          <Group align="flex-end" wrap="wrap" gap="sm">
            <Select
              label={intl.formatMessage({ id: "regionEconomy.page.yearLabel", defaultMessage: "Year" })}
              data={(data?.years ?? []).map((y) => String(y.year)).reverse()}
              value={data ? String(data.year) : choice.year}
              onChange={(year) => update({ year })}
              disabled={!data}
              allowDeselect={false}
              w={140}
            />
            <Select
              label={intl.formatMessage({
                id: "regionEconomy.page.levelLabel",
                defaultMessage: "Industry detail",
              })}
              data={NAICS_LEVEL_CHOICES.map((l) => ({ value: l, label: NAICS_LEVEL_LABELS[l] }))}
              value={choice.level}
              onChange={(level) => update({ level: level ?? "sector" })}
              allowDeselect={false}
              w={260}
            />
            <Select
              label={intl.formatMessage({
                id: "regionEconomy.page.ownershipLabel",
                defaultMessage: "Ownership",
              })}
              data={Object.entries(ownershipLabels).map(([value, label]) => ({
                value,
                label: intl.formatMessage(label),
                disabled: !!data && !data.ownerships.includes(value as RegionEconomy["ownership"]),
              }))}
              value={choice.ownership}
              onChange={(ownership) => update({ ownership: ownership ?? "private" })}
              allowDeselect={false}
              w={220}
            />
          </Group>
        </Stack>
      </Card>

      {!chosen && (
        <Text c="dimmed">
          <FormattedMessage
            id="regionEconomy.page.chooseFirst"
            defaultMessage="Choose counties or a metro area to see its industries."
          />
        </Text>
      )}
      {notImported && economy.error && (
        <Alert
          color="yellow"
          variant="light"
          title={intl.formatMessage({
            id: "regionEconomy.page.notImportedTitle",
            defaultMessage: "No figures imported for this region yet",
          })}
          role="status"
        >
          <Text size="sm">{economy.error.message}</Text>
        </Alert>
      )}
      {economy.error && !notImported && (
        <ErrorAlert error={economy.error} onRetry={() => void economy.refetch()} />
      )}
      {chosen && economy.isPending && (
        <Text c="dimmed">
          <FormattedMessage id="regionEconomy.page.loading" defaultMessage="Loading…" />
        </Text>
      )}

      {data && !economy.error && (
        <Stack gap="lg" aria-busy={economy.isFetching}>
          <Stack gap={4}>
            <Text fw={600}>
              {data.cbsa ? `${data.cbsa.title}: ` : ""}
              {data.counties.map((c) => `${c.name}, ${c.state}`).join(" · ")}
            </Text>
            <Text size="sm" c="dimmed" data-testid="source-line">
              {data.source}
              {data.totals.countiesMissing.length > 0 &&
                intl.formatMessage(
                  {
                    id: "regionEconomy.page.countiesMissing",
                    defaultMessage:
                      "; no figures imported for {count, plural, one {# county} other {# counties}}",
                  },
                  { count: data.totals.countiesMissing.length },
                )}
            </Text>
            {data.notes.map((n) => (
              <Text size="sm" key={n}>
                {n}
              </Text>
            ))}
          </Stack>
          <SummaryCards data={data} />
          {data.years.length > 1 && (
            <Group gap="xs">
              {data.years.map((y) => (
                <Badge key={y.year} variant="light">
                  <FormattedMessage
                    id="regionEconomy.page.yearJobs"
                    defaultMessage="{year}: {jobs} jobs"
                    values={{ year: String(y.year), jobs: sumText(intl, y.jobs) }}
                  />
                </Badge>
              ))}
            </Group>
          )}
          {data.industries.length === 0 ? (
            <Text>
              <FormattedMessage
                id="regionEconomy.page.noIndustries"
                defaultMessage="No {ownership, select, private {private} federal {federal government} state {state government} local {local government} other {}} industries at this level are published for these counties in {year}."
                values={{ ownership: data.ownership, year: String(data.year) }}
              />
            </Text>
          ) : (
            <Tabs
              value={tab}
              onChange={(v) => setParam("view", v === "industries" ? null : v)}
              keepMounted={false}
            >
              <Tabs.List>
                <Tabs.Tab value="industries">
                  <FormattedMessage id="regionEconomy.page.industriesTab" defaultMessage="Industries" />
                </Tabs.Tab>
                <Tabs.Tab value="choose">
                  <FormattedMessage id="regionEconomy.page.chooseTab" defaultMessage="Choose an industry" />
                </Tabs.Tab>
                <Tabs.Tab value="shortlists">
                  <FormattedMessage id="regionEconomy.page.shortlistsTab" defaultMessage="Shortlists" />
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="industries" pt="md">
                <IndustryTable data={data} csvHref={csvHref} />
              </Tabs.Panel>
              <Tabs.Panel value="choose" pt="md">
                <Stack gap="md">
                  <TextInput
                    label={intl.formatMessage({
                      id: "regionEconomy.page.regionNameLabel",
                      defaultMessage: "Region's name",
                    })}
                    description={intl.formatMessage({
                      id: "regionEconomy.page.regionNameDescription",
                      defaultMessage: "Used in the suggested name of a partnership, e.g. “Central Ohio”.",
                    })}
                    value={regionName}
                    onChange={(e) => setRegionName(e.currentTarget.value)}
                    maxLength={80}
                    maw={360}
                  />
                  <Text size="sm" role="status">
                    {shortlistStatus}
                  </Text>
                  {shortlistError && (
                    <Text c="red.9" role="alert">
                      {shortlistError}
                    </Text>
                  )}
                  <RankingView choice={choice} counties={counties} actions={rowActions} />
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="shortlists" pt="md">
                <ShortlistPanel
                  signedIn={signedIn}
                  activeId={activeShortlist}
                  onChoose={(id) => setParam("shortlist", id)}
                />
              </Tabs.Panel>
            </Tabs>
          )}
          <Text size="xs" c="dimmed">
            <FormattedMessage
              id="regionEconomy.page.sourceNote"
              defaultMessage="Source: <link>BLS Quarterly Census of Employment and Wages</link>. Where a county's figure is not disclosed, sums read “at least” and say how many counties held it back."
              values={{
                link: (chunks) => (
                  <Anchor href="https://www.bls.gov/cew/" size="xs" underline="always">
                    {chunks}
                  </Anchor>
                ),
              }}
            />
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
