import { useState, type CSSProperties } from "react";
import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
import type {
  IndicatorUnit,
  Measurement,
  MeasurementConflict,
  MeasurementInput,
  MeasurementKind,
  TrackedIndicator,
  Visibility,
} from "../../../core/impact.js";
import {
  comparePeriods,
  measurementKindLabels,
  measurementLabel,
  parseNumber,
  parsePeriod,
  periodLabel,
  valueProblem,
  visibilities,
  visibilityLabels,
} from "../../../core/impact.js";
import { formatNumber, formatValue } from "../../../core/format.js";
import { ApiError, errorMessage, sentence } from "../../lib/api.js";
import { impactApi, impactKey } from "./api.js";
import { impactWords } from "./messages.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

interface Props {
  partnershipId: string;
  tracked: TrackedIndicator[];
  measurements: Measurement[];
  /** The years the grid offers, oldest first. */
  years: string[];
}

type View = "years" | "quarters";
type Reference = Exclude<MeasurementKind, "actual">;
const references: Reference[] = ["baseline", "target"];

const cellKey = (indicator: string, kind: MeasurementKind, period: string) =>
  `${indicator}|${kind}|${period}`;
const refKey = (indicator: string, kind: Reference) => `${indicator}|${kind}`;
const quartersOf = (year: string) => [1, 2, 3, 4].map((q) => `${year}-Q${q}`);

/** A stored value as it is typed: digits with separators, no unit (the row says it). */
const asTyped = (value: number) => formatNumber(value, 10);

/** Why a typed value cannot be saved: one of the grid's own reasons, or the unit's rule. */
type Problem = "notNumber" | "noYear" | "cannotEmpty" | { rule: string };

const cellProblem = (unit: IndicatorUnit, text: string): Problem | null => {
  const value = parseNumber(text);
  if (value === null) return "notNumber";
  const rule = valueProblem(unit, value);
  return rule === null ? null : { rule };
};

/** A value that needs fixing, named, with what was typed and why it cannot be saved. */
function problemText(intl: IntlShape, label: string, raw: string, problem: Problem): string {
  if (problem === "cannotEmpty")
    return intl.formatMessage(
      {
        id: "impact.grid.problem.cannotEmpty",
        defaultMessage: "{label}: cannot be emptied here; type the value it should have",
      },
      { label },
    );
  if (problem === "notNumber")
    return intl.formatMessage(
      { id: "impact.grid.problem.notNumber", defaultMessage: '{label}: "{raw}" is not a number' },
      { label, raw },
    );
  if (problem === "noYear")
    return intl.formatMessage(
      { id: "impact.grid.problem.noYear", defaultMessage: '{label}: "{raw}" needs the year it refers to' },
      { label, raw },
    );
  return intl.formatMessage(
    { id: "impact.grid.problem.rule", defaultMessage: '{label}: "{raw}" {problem}' },
    { label, raw, problem: problem.rule },
  );
}

/** One value of the grid: a number typed in, or Yes / No for an outcome achieved or not. */
function ValueCell(props: {
  label: string;
  unit: IndicatorUnit;
  value: string;
  onChange: (value: string) => void;
}) {
  const { label, unit, value, onChange } = props;
  const intl = useIntl();
  if (unit === "yes_no") {
    return (
      <NativeSelect
        aria-label={label}
        size="xs"
        w={88}
        value={value === "1" || value === "0" ? value : ""}
        data={[
          { value: "", label: "–" },
          { value: "1", label: intl.formatMessage({ id: "impact.grid.yes", defaultMessage: "Yes" }) },
          { value: "0", label: intl.formatMessage({ id: "impact.grid.no", defaultMessage: "No" }) },
        ]}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  return (
    <TextInput
      aria-label={label}
      value={value}
      inputMode="decimal"
      w={88}
      size="xs"
      error={value.trim() !== "" && cellProblem(unit, value) !== null}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

/** The indicator's column stays in view while the periods scroll sideways on a phone. */
const stickyColumn: CSSProperties = {
  position: "sticky",
  left: 0,
  zIndex: 1,
  background: "var(--mantine-color-body)",
  boxShadow: "1px 0 0 var(--mantine-color-default-border)",
};

interface Edit {
  indicator: TrackedIndicator;
  kind: MeasurementKind;
  period: string;
  raw: string;
  problem: Problem | null;
  item: MeasurementInput;
}

/**
 * Entering many values at once: indicators down, years or the quarters of a year across, and
 * for each indicator its baseline and target with the year they refer to. Saved all or
 * nothing; each value carries the version it was read at, so a value someone else changed in
 * the meantime is shown instead of being overwritten.
 */
export function EntryGrid({ partnershipId, tracked, measurements, years }: Props) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const thisYear = years.at(-1) ?? String(new Date().getUTCFullYear());
  const [view, setView] = useState<View>("years");
  const [quarterYear, setQuarterYear] = useState(thisYear);
  const [cells, setCells] = useState<Record<string, string>>({});
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [rowVisibility, setRowVisibility] = useState<Record<string, Visibility>>({});
  const [saved, setSaved] = useState<number | null>(null);

  const stored = new Map(measurements.map((m) => [cellKey(m.indicator, m.kind, m.period), m]));
  const byKey = new Map(tracked.map((t) => [t.key, t]));
  const periods = view === "years" ? years : quartersOf(quarterYear);
  const quarterYears = [
    ...new Set([
      ...years,
      ...measurements.flatMap((m) => {
        const p = parsePeriod(m.period);
        return p?.quarter ? [String(p.year)] : [];
      }),
    ]),
  ].sort();

  const storedVisibility = (key: string): Visibility =>
    measurements.find((m) => m.indicator === key && m.kind === "actual")?.visibility ??
    measurements.find((m) => m.indicator === key)?.visibility ??
    "community";
  const visibilityOf = (key: string): Visibility => rowVisibility[key] ?? storedVisibility(key);

  /** The period a baseline or target row refers to: the one chosen, else the latest stored. */
  const referencePeriod = (key: string, kind: Reference): string =>
    chosen[refKey(key, kind)] ??
    measurements
      .filter((m) => m.indicator === key && m.kind === kind)
      .sort((a, b) => comparePeriods(a.period, b.period))
      .at(-1)?.period ??
    "";
  const referenceOptions = (key: string, kind: Reference): string[] => {
    const now = Number(thisYear);
    const span = Array.from({ length: 26 }, (_, i) => String(now - 15 + i));
    const existing = measurements.filter((m) => m.indicator === key && m.kind === kind).map((m) => m.period);
    return [...new Set([...span, ...existing])].sort(comparePeriods);
  };

  const shown = (key: string) => cells[key] ?? (stored.has(key) ? asTyped(stored.get(key)!.value) : "");

  // What saving would send: every typed cell (in any view) and, where a row's "who may see it"
  // changed, every stored value of that indicator.
  const edits: Edit[] = [];
  const sent = new Set<string>();
  for (const [key, raw] of Object.entries(cells)) {
    const [indicatorKey, kind, period] = key.split("|") as [string, MeasurementKind, string];
    const indicator = byKey.get(indicatorKey);
    if (!indicator) continue;
    const before = stored.get(key);
    const text = raw.trim();
    if (text === "" && !before) continue;
    const value = parseNumber(text);
    const visibility = rowVisibility[indicatorKey] ?? before?.visibility ?? storedVisibility(indicatorKey);
    if (before && value === before.value && visibility === before.visibility) continue;
    const problem =
      period === "" ? "noYear" : text === "" ? "cannotEmpty" : cellProblem(indicator.unit, text);
    sent.add(key);
    edits.push({
      indicator,
      kind,
      period,
      raw,
      problem,
      item: {
        indicator: indicatorKey,
        kind,
        period,
        value: value ?? Number.NaN,
        visibility,
        version: before?.version ?? 0,
      },
    });
  }
  for (const [indicatorKey, visibility] of Object.entries(rowVisibility)) {
    const indicator = byKey.get(indicatorKey);
    if (!indicator) continue;
    for (const m of measurements) {
      const key = cellKey(m.indicator, m.kind, m.period);
      if (m.indicator !== indicatorKey || m.visibility === visibility || sent.has(key)) continue;
      edits.push({
        indicator,
        kind: m.kind,
        period: m.period,
        raw: asTyped(m.value),
        problem: null,
        item: {
          indicator: indicatorKey,
          kind: m.kind,
          period: m.period,
          value: m.value,
          visibility,
          version: m.version,
        },
      });
    }
  }
  const label = (e: Pick<Edit, "indicator" | "kind" | "period">) =>
    e.period === ""
      ? intl.formatMessage(
          {
            id: "impact.grid.valueWithoutYear",
            defaultMessage: "{name}, {kind, select, baseline {baseline} target {target} other {actual}}",
          },
          { name: indicatorName(e.indicator), kind: e.kind },
        )
      : measurementLabel(indicatorName(e.indicator), e.kind, e.period);
  const unreadable = edits.filter((e) => e.problem !== null);

  const save = useMutation({
    mutationFn: () =>
      impactApi.putMeasurements(
        partnershipId,
        edits.map((e) => e.item),
      ),
    onSuccess: async (result) => {
      setSaved(result.written);
      setCells({});
      setRowVisibility({});
      await queryClient.invalidateQueries({ queryKey: impactKey(partnershipId) });
    },
    onError: async (error) => {
      // The values someone else saved replace the stale ones; what was typed stays typed.
      if (error instanceof ApiError && error.status === 409)
        await queryClient.invalidateQueries({ queryKey: impactKey(partnershipId) });
    },
  });
  const problem = save.error instanceof ApiError ? save.error.problem : null;
  const conflict =
    problem?.status === 409 ? ((problem.current as MeasurementConflict | undefined) ?? null) : null;
  const serverErrors =
    problem && problem.status !== 409
      ? (problem.errors ?? []).map((e) => {
          const edit = edits[Number(e.field.split(".")[1])];
          const message = sentence(e.message);
          // The server names the indicator itself in most messages; name it where it does not.
          return edit && !e.message.startsWith(indicatorName(edit.indicator))
            ? `${label(edit)}: ${e.message}`
            : message;
        })
      : [];

  const typeInto = (key: string, text: string) => {
    setSaved(null);
    setCells((c) => ({ ...c, [key]: text }));
  };
  const chooseReference = (t: TrackedIndicator, kind: Reference, period: string) => {
    const from = cellKey(t.key, kind, referencePeriod(t.key, kind));
    const to = cellKey(t.key, kind, period);
    setSaved(null);
    setChosen((c) => ({ ...c, [refKey(t.key, kind)]: period }));
    // What was typed belongs to the year now chosen, not to the one before.
    setCells((c) => {
      if (c[from] === undefined || from === to) return c;
      const { [from]: typed, ...rest } = c;
      return { ...rest, [to]: typed };
    });
  };

  return (
    <Stack gap="md">
      <Text c="dimmed">
        <FormattedMessage
          id="impact.grid.intro"
          defaultMessage="Type the actual values by year or by quarter, and each indicator's baseline and target with the year they refer to. Nothing is stored unless every value is right; earlier values are kept when you change one."
        />
      </Text>
      <Group align="flex-end" gap="md" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={4} id="grid-period-label">
            <FormattedMessage id="impact.grid.periods" defaultMessage="Periods" />
          </Text>
          <SegmentedControl
            aria-labelledby="grid-period-label"
            value={view}
            onChange={setView}
            data={[
              {
                value: "years",
                label: intl.formatMessage({ id: "impact.grid.years", defaultMessage: "Years" }),
              },
              {
                value: "quarters",
                label: intl.formatMessage({ id: "impact.grid.quarters", defaultMessage: "Quarters" }),
              },
            ]}
          />
        </div>
        {view === "quarters" && (
          <NativeSelect
            label={intl.formatMessage({ id: "impact.grid.quartersOf", defaultMessage: "Quarters of" })}
            value={quarterYear}
            onChange={(e) => setQuarterYear(e.currentTarget.value)}
            data={quarterYears}
          />
        )}
      </Group>
      <Table.ScrollContainer minWidth={260 + 100 * periods.length + 170}>
        <Table
          withTableBorder
          withColumnBorders
          verticalSpacing={6}
          aria-label={
            view === "years"
              ? intl.formatMessage({
                  id: "impact.grid.tableYears",
                  defaultMessage: "Enter values: indicators down, years across",
                })
              : intl.formatMessage(
                  {
                    id: "impact.grid.tableQuarters",
                    defaultMessage: "Enter values: indicators down, the quarters of {year} across",
                  },
                  { year: quarterYear },
                )
          }
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" style={stickyColumn} w={{ base: 128, sm: 240 }}>
                <FormattedMessage {...impactWords.indicator} />
              </Table.Th>
              <Table.Th scope="col">
                <FormattedMessage id="impact.grid.valueHeader" defaultMessage="Value" />
              </Table.Th>
              {periods.map((p) => (
                <Table.Th scope="col" key={p}>
                  {periodLabel(p)}
                </Table.Th>
              ))}
              <Table.Th scope="col">
                <FormattedMessage id="impact.grid.whoMaySee" defaultMessage="Who may see it" />
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          {tracked.map((t) => (
            <Table.Tbody key={t.key}>
              <Table.Tr>
                <Table.Th
                  scope="rowgroup"
                  rowSpan={3}
                  fw={500}
                  style={{ ...stickyColumn, verticalAlign: "top" }}
                >
                  <Text size="sm" fw={600} lineClamp={4}>
                    {indicatorName(t)}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                    {t.key} · {t.unit}
                  </Text>
                </Table.Th>
                <Table.Th scope="row" fw={400}>
                  {measurementKindLabels.actual}
                </Table.Th>
                {periods.map((period) => {
                  const key = cellKey(t.key, "actual", period);
                  const value = shown(key);
                  return (
                    <Table.Td key={period}>
                      <ValueCell
                        label={`${indicatorName(t)}, ${periodLabel(period)}`}
                        unit={t.unit}
                        value={value}
                        onChange={(next) => typeInto(key, next)}
                      />
                    </Table.Td>
                  );
                })}
                <Table.Td rowSpan={3} style={{ verticalAlign: "top" }}>
                  <NativeSelect
                    aria-label={intl.formatMessage(
                      { id: "impact.grid.whoMaySeeNamed", defaultMessage: "Who may see {name}" },
                      { name: indicatorName(t) },
                    )}
                    size="xs"
                    value={visibilityOf(t.key)}
                    data={visibilities.map((v) => ({ value: v, label: visibilityLabels[v] }))}
                    onChange={(e) => {
                      const next = e.currentTarget.value as Visibility;
                      setSaved(null);
                      setRowVisibility((r) => ({ ...r, [t.key]: next }));
                    }}
                  />
                </Table.Td>
              </Table.Tr>
              {references.map((kind) => {
                const period = referencePeriod(t.key, kind);
                const key = cellKey(t.key, kind, period);
                const value = shown(key);
                return (
                  <Table.Tr key={kind}>
                    <Table.Th scope="row" fw={400}>
                      {measurementKindLabels[kind]}
                    </Table.Th>
                    <Table.Td colSpan={periods.length}>
                      <Group gap="xs" wrap="nowrap">
                        <NativeSelect
                          aria-label={
                            kind === "baseline"
                              ? intl.formatMessage(
                                  { id: "impact.grid.baselineYear", defaultMessage: "{name}, baseline year" },
                                  { name: indicatorName(t) },
                                )
                              : intl.formatMessage(
                                  { id: "impact.grid.targetYear", defaultMessage: "{name}, target year" },
                                  { name: indicatorName(t) },
                                )
                          }
                          size="xs"
                          w={96}
                          value={period}
                          data={[
                            {
                              value: "",
                              label: intl.formatMessage({
                                id: "impact.grid.chooseYear",
                                defaultMessage: "Year…",
                              }),
                            },
                            ...referenceOptions(t.key, kind).map((p) => ({
                              value: p,
                              label: periodLabel(p),
                            })),
                          ]}
                          onChange={(e) => chooseReference(t, kind, e.currentTarget.value)}
                        />
                        <ValueCell
                          label={
                            kind === "baseline"
                              ? intl.formatMessage(
                                  {
                                    id: "impact.grid.baselineValue",
                                    defaultMessage: "{name}, baseline value",
                                  },
                                  { name: indicatorName(t) },
                                )
                              : intl.formatMessage(
                                  { id: "impact.grid.targetValue", defaultMessage: "{name}, target value" },
                                  { name: indicatorName(t) },
                                )
                          }
                          unit={t.unit}
                          value={value}
                          onChange={(next) => typeInto(key, next)}
                        />
                        {stored.get(key) && (
                          <Text size="xs" c="dimmed" visibleFrom="sm">
                            <FormattedMessage
                              id="impact.grid.savedValue"
                              defaultMessage="Saved: {value}"
                              values={{ value: formatValue(stored.get(key)!.value, t.unit) }}
                            />
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          ))}
        </Table>
      </Table.ScrollContainer>
      {unreadable.length > 0 && (
        <Alert
          color="red"
          title={intl.formatMessage({
            id: "impact.grid.needFixing",
            defaultMessage: "Some values need fixing",
          })}
        >
          <List size="sm">
            {unreadable.map((u) => (
              <List.Item key={cellKey(u.indicator.key, u.kind, u.period)}>
                {problemText(intl, label(u), u.raw, u.problem!)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {conflict && (
        <Alert
          color="red"
          title={intl.formatMessage({
            id: "impact.grid.conflictTitle",
            defaultMessage: "Someone else saved first",
          })}
          role="alert"
        >
          <Text size="sm" mb="xs">
            <FormattedMessage
              id="impact.grid.conflictText"
              defaultMessage="Nothing was saved. These values changed since you opened the grid; your entries are still typed in, so save again to replace them."
            />
          </Text>
          <List size="sm">
            {conflict.items.map((m) => {
              const indicator = byKey.get(m.indicator);
              return (
                <List.Item key={cellKey(m.indicator, m.kind, m.period)}>
                  <FormattedMessage
                    id="impact.grid.conflictNow"
                    defaultMessage="{label}: now {value}"
                    values={{
                      label: measurementLabel(
                        indicator ? indicatorName(indicator) : m.indicator,
                        m.kind,
                        m.period,
                      ),
                      value: indicator ? formatValue(m.value, indicator.unit) : formatNumber(m.value),
                    }}
                  />
                </List.Item>
              );
            })}
          </List>
        </Alert>
      )}
      {save.isError && !conflict && (
        <Alert
          color="red"
          title={intl.formatMessage({ id: "impact.grid.notSaved", defaultMessage: "Nothing was saved" })}
          role="alert"
        >
          {serverErrors.length ? (
            <List size="sm">
              {serverErrors.map((e, i) => (
                <List.Item key={i}>{e}</List.Item>
              ))}
            </List>
          ) : (
            errorMessage(save.error)
          )}
        </Alert>
      )}
      {saved !== null && (
        <Alert color="table" role="status">
          {saved === 0 ? (
            <FormattedMessage
              id="impact.grid.nothingChanged"
              defaultMessage="Nothing changed: these values were saved already."
            />
          ) : (
            <FormattedMessage
              id="impact.grid.savedCount"
              defaultMessage="Saved {count, plural, one {# value} other {# values}}."
              values={{ count: saved }}
            />
          )}
        </Alert>
      )}
      <Group>
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={edits.length === 0 || unreadable.length > 0}
        >
          {edits.length > 0 ? (
            <FormattedMessage
              id="impact.grid.saveCount"
              defaultMessage="Save {count, plural, one {# value} other {# values}}"
              values={{ count: edits.length }}
            />
          ) : (
            <FormattedMessage id="impact.grid.saveValues" defaultMessage="Save values" />
          )}
        </Button>
      </Group>
    </Stack>
  );
}
