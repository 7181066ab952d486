import { memo, useCallback, useDeferredValue, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";
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
  formatCountOf,
  formatDollars,
  formatNumber,
  formatRelativeChange,
  formatShare,
  NO_VALUE,
} from "../../../core/format.js";
import {
  NAICS_LEVEL_CHOICES,
  NAICS_LEVEL_LABELS,
  atLeast,
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

const ownershipLabels: Record<string, string> = {
  private: "Private",
  federal: "Federal government",
  state: "State government",
  local: "Local government",
};

type SortKey = "title" | "jobs" | "share" | "establishments" | "payRatio" | "lq" | "oneYear";
const columns: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "title", label: "Industry", numeric: false },
  { key: "jobs", label: "Jobs", numeric: true },
  { key: "share", label: "Share of jobs", numeric: true },
  { key: "establishments", label: "Establishments", numeric: true },
  { key: "payRatio", label: "Average pay (vs region)", numeric: true },
  { key: "lq", label: "Location quotient", numeric: true },
  { key: "oneYear", label: "One-year change", numeric: true },
];

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

function undisclosed(n: number, of: number): string {
  return `${formatCount(n)} of ${formatCountOf(of, "county", "counties")} not disclosed`;
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
  return (
    <>
      {atLeast(sum, formatCount)}
      {!sum.complete && (
        <Text size={size} c="dimmed">
          {undisclosed(sum.undisclosedAreas, counted)}
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
  const t = data.totals;
  const counted = data.counties.length - t.countiesMissing.length;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <StatCard label="Jobs, all industries and ownerships" testId="total-jobs">
        <SumWithNote sum={t.jobs} counted={counted} size="sm" />
      </StatCard>
      <StatCard label="Establishments">{formatCount(t.establishments)}</StatCard>
      <StatCard label="Average annual pay">
        {t.averagePay.value === null ? NO_VALUE : formatDollars(Math.round(t.averagePay.value))}
        {!t.averagePay.complete && (
          <Text size="sm" c="dimmed">
            Of the counties that disclosed it
          </Text>
        )}
      </StatCard>
    </SimpleGrid>
  );
}

function IndustryRow({ i, counties }: { i: IndustryFigures; counties: number }) {
  const lq = i.locationQuotient;
  return (
    <Table.Tr>
      <Table.Th scope="row" data-label="Industry">
        <Text size="sm" fw={600} span>
          {i.title}
        </Text>{" "}
        <Text size="xs" c="dimmed" span>
          {i.code}
        </Text>
      </Table.Th>
      <Table.Td data-label="Jobs">
        <SumWithNote sum={i.jobs} counted={counties} size="xs" />
      </Table.Td>
      <Table.Td data-label="Share of jobs">
        {i.share.complete ? formatShare(i.share.value) : `at least ${formatShare(i.share.value)}`}
      </Table.Td>
      <Table.Td data-label="Establishments">{formatCount(i.establishments)}</Table.Td>
      <Table.Td data-label="Average pay (vs region)">
        {i.averagePay.value === null ? NO_VALUE : formatDollars(Math.round(i.averagePay.value))}
        {i.payRatio.value !== null && (
          <Text size="xs" c="dimmed">
            {formatNumber(i.payRatio.value, 2)}× region{i.payRatio.complete ? "" : ", disclosed counties"}
          </Text>
        )}
      </Table.Td>
      <Table.Td data-label="Location quotient">
        {lq.value === null ? (
          <Text size="sm" span title={lq.reason ?? undefined}>
            {NO_VALUE}
          </Text>
        ) : lq.complete ? (
          formatNumber(lq.value, 2)
        ) : (
          `at least ${formatNumber(lq.value, 2)}`
        )}
      </Table.Td>
      <Table.Td data-label="One-year change">
        {i.oneYear === null || i.oneYear.percent === null ? (
          NO_VALUE
        ) : (
          <>
            {formatRelativeChange(i.oneYear.percent)}{" "}
            <Text size="xs" c="dimmed" span>
              ({i.oneYear.change > 0 ? "+" : ""}
              {formatCount(i.oneYear.change)} jobs{i.oneYear.complete ? "" : ", disclosed counties only"})
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
          label="Filter industries"
          placeholder="Name or NAICS code"
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
          miw={240}
        />
        <Button component="a" variant="default" href={csvHref} download>
          Download CSV
        </Button>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {formatCountOf(rows.length, "industry", "industries")}
        {filter.trim() ? ` match “${filter.trim()}”` : ""}. Location quotient: the industry's share of the
        region's jobs over its share of US jobs (above 1: more concentrated than the nation).
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
                      {c.label}
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
      label="Counties"
      description="Type a county's name, e.g. Franklin; pick as many as the region has."
      placeholder={value.length ? undefined : "Search counties"}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      hidePickedOptions
      maxValues={100}
      nothingFoundMessage={search.trim().length < 2 ? "Type two letters or more" : "No county matches"}
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
  const [search, setSearch] = useState("");
  const metros = useMetroSearch(search);
  const data = useMemo(
    () =>
      optionList([
        ...(value ? [[value, title ?? value] as [string, string]] : []),
        ...(metros.data ?? []).map((m): [string, string] => [
          m.code,
          `${m.title} (${m.type}, ${formatCountOf(m.counties, "county", "counties")})`,
        ]),
      ]),
    [metros.data, value, title],
  );
  const none = metros.isSuccess && metros.data.length === 0 && !search.trim();
  return (
    <Select
      label="Or a metro or micro area"
      description={
        none
          ? "No metro areas in the reference data yet: an admin imports the Census CBSA delineation file."
          : "Type a city's name, e.g. Columbus."
      }
      placeholder="Search metro areas"
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable
      nothingFoundMessage="No metro area matches"
      miw={280}
      maw={520}
    />
  );
}

/** Explore a region: BLS QCEW figures for chosen counties or a metro area, open to everyone. */
export default function RegionEconomyPage() {
  usePageTitle("Explore a region's economy");
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
  const regionName = typedRegionName ?? (data ? defaultRegionName(data) : "");
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
        setShortlistStatus(`${row.title} is on ${s?.name ?? "the shortlist"} (see the Shortlists tab).`);
      },
      onError: (e: unknown) => setShortlistError(errorMessage(e)),
      onSettled: () => setAdding(null),
    };
    // Into the open shortlist when it is the caller's own; else a new one for this region.
    if (activeShortlist && active.data?.role === "owner") addItem.mutate(row, done);
    else
      createShortlist.mutate(
        {
          name: `${regionName || "Region"} industries`.slice(0, 120),
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
        title="Explore a region's economy"
        description="Jobs, pay and concentration of every industry in a labor-market region, from the official BLS Quarterly Census of Employment and Wages. Pick the counties the region covers, or a metro area."
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
              label="Year"
              data={(data?.years ?? []).map((y) => String(y.year)).reverse()}
              value={data ? String(data.year) : choice.year}
              onChange={(year) => update({ year })}
              disabled={!data}
              allowDeselect={false}
              w={140}
            />
            <Select
              label="Industry detail"
              data={NAICS_LEVEL_CHOICES.map((l) => ({ value: l, label: NAICS_LEVEL_LABELS[l] }))}
              value={choice.level}
              onChange={(level) => update({ level: level ?? "sector" })}
              allowDeselect={false}
              w={260}
            />
            <Select
              label="Ownership"
              data={Object.entries(ownershipLabels).map(([value, label]) => ({
                value,
                label,
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

      {!chosen && <Text c="dimmed">Choose counties or a metro area to see its industries.</Text>}
      {notImported && economy.error && (
        <Alert color="yellow" variant="light" title="No figures imported for this region yet" role="status">
          <Text size="sm">{economy.error.message}</Text>
        </Alert>
      )}
      {economy.error && !notImported && (
        <ErrorAlert error={economy.error} onRetry={() => void economy.refetch()} />
      )}
      {chosen && economy.isPending && <Text c="dimmed">Loading…</Text>}

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
                `; no figures imported for ${formatCountOf(data.totals.countiesMissing.length, "county", "counties")}`}
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
                  {y.year}: {atLeast(y.jobs, formatCount)} jobs
                </Badge>
              ))}
            </Group>
          )}
          {data.industries.length === 0 ? (
            <Text>
              No {ownershipLabels[data.ownership]?.toLowerCase()} industries at this level are published for
              these counties in {data.year}.
            </Text>
          ) : (
            <Tabs
              value={tab}
              onChange={(v) => setParam("view", v === "industries" ? null : v)}
              keepMounted={false}
            >
              <Tabs.List>
                <Tabs.Tab value="industries">Industries</Tabs.Tab>
                <Tabs.Tab value="choose">Choose an industry</Tabs.Tab>
                <Tabs.Tab value="shortlists">Shortlists</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="industries" pt="md">
                <IndustryTable data={data} csvHref={csvHref} />
              </Tabs.Panel>
              <Tabs.Panel value="choose" pt="md">
                <Stack gap="md">
                  <TextInput
                    label="Region's name"
                    description="Used in the suggested name of a partnership, e.g. “Central Ohio”."
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
            Source:{" "}
            <Anchor href="https://www.bls.gov/cew/" size="xs" underline="always">
              BLS Quarterly Census of Employment and Wages
            </Anchor>
            . Where a county's figure is not disclosed, sums read “at least” and say how many counties held it
            back.
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
