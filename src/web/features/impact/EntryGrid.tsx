import { useState } from "react";
import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  IndicatorUnit,
  Measurement,
  MeasurementInput,
  TrackedIndicator,
  Visibility,
} from "../../../core/impact.js";
import { parseNumber, valueProblem, visibilities, visibilityLabels } from "../../../core/impact.js";
import { ApiError, errorMessage, sentence } from "../../lib/api.js";
import { impactApi, impactKey } from "./api.js";

interface Props {
  partnershipId: string;
  tracked: TrackedIndicator[];
  measurements: Measurement[];
  periods: string[];
}

const cellKey = (indicator: string, period: string) => `${indicator}|${period}`;
const cellProblem = (unit: IndicatorUnit, text: string) => {
  const value = parseNumber(text);
  return value === null ? "is not a number" : valueProblem(unit, value);
};

/** Entering many actual values at once: indicators down, periods across; saved all or nothing. */
export function EntryGrid({ partnershipId, tracked, measurements, periods }: Props) {
  const queryClient = useQueryClient();
  const stored = new Map(
    measurements.filter((m) => m.kind === "actual").map((m) => [cellKey(m.indicator, m.period), m]),
  );
  const [cells, setCells] = useState<Record<string, string>>({});
  const [rowVisibility, setRowVisibility] = useState<Record<string, Visibility>>({});
  const [saved, setSaved] = useState<number | null>(null);
  const visibilityOf = (key: string): Visibility =>
    rowVisibility[key] ??
    measurements.find((m) => m.indicator === key && m.kind === "actual")?.visibility ??
    "community";

  const changed: { item: MeasurementInput; raw: string; problem: string | null }[] = [];
  for (const t of tracked) {
    for (const period of periods) {
      const raw = cells[cellKey(t.key, period)];
      const before = stored.get(cellKey(t.key, period));
      const visibilityChanged =
        rowVisibility[t.key] !== undefined && before && before.visibility !== rowVisibility[t.key];
      if (raw === undefined && !visibilityChanged) continue;
      const text = raw ?? String(before?.value ?? "");
      if (text.trim() === "") continue;
      const value = parseNumber(text);
      changed.push({
        raw: text,
        // The server's own rule for the unit (a whole count, a percent to 100, cents), shown before saving.
        problem: cellProblem(t.unit, text),
        item: {
          indicator: t.key,
          period,
          kind: "actual",
          value: value ?? Number.NaN,
          visibility: visibilityOf(t.key),
        },
      });
    }
  }
  const unreadable = changed.filter((c) => c.problem !== null);

  const save = useMutation({
    mutationFn: () =>
      impactApi.putMeasurements(
        partnershipId,
        changed.map((c) => c.item),
      ),
    onSuccess: async (result) => {
      setSaved(result.written);
      setCells({});
      setRowVisibility({});
      await queryClient.invalidateQueries({ queryKey: impactKey(partnershipId) });
    },
  });
  const serverErrors =
    save.error instanceof ApiError
      ? (save.error.problem.errors ?? []).map((e) => {
          const index = Number(e.field.split(".")[1]);
          const item = changed[index]?.item;
          return item ? `${item.indicator} ${item.period}: ${sentence(e.message)}` : sentence(e.message);
        })
      : [];

  return (
    <Stack gap="md">
      <Text c="dimmed">
        Type the actual value of each indicator for each year, then save. Nothing is stored unless every value
        is right; earlier values are kept when you change one.
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table
          striped
          withTableBorder
          verticalSpacing="xs"
          aria-label="Enter values: indicators down, years across"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Indicator</Table.Th>
              {periods.map((p) => (
                <Table.Th scope="col" key={p}>
                  {p}
                </Table.Th>
              ))}
              <Table.Th scope="col">Who may see it</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tracked.map((t) => (
              <Table.Tr key={t.key}>
                <Table.Th scope="row" fw={500} maw={260}>
                  {t.name}
                  <Text size="xs" c="dimmed">
                    {t.unit}
                  </Text>
                </Table.Th>
                {periods.map((period) => {
                  const key = cellKey(t.key, period);
                  const value = cells[key] ?? (stored.has(key) ? String(stored.get(key)?.value) : "");
                  return (
                    <Table.Td key={period}>
                      <TextInput
                        aria-label={`${t.name}, ${period}`}
                        value={value}
                        inputMode="decimal"
                        w={90}
                        size="xs"
                        error={value.trim() !== "" && cellProblem(t.unit, value) !== null}
                        onChange={(e) => {
                          const next = e.currentTarget.value;
                          setSaved(null);
                          setCells((c) => ({ ...c, [key]: next }));
                        }}
                      />
                    </Table.Td>
                  );
                })}
                <Table.Td>
                  <NativeSelect
                    aria-label={`Who may see ${t.name}`}
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
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {unreadable.length > 0 && (
        <Alert color="red" title="Some values need fixing">
          {unreadable.map((u) => `${u.item.indicator} ${u.item.period}: "${u.raw}" ${u.problem}`).join("; ")}
        </Alert>
      )}
      {save.isError && (
        <Alert color="red" title="Nothing was saved" role="alert">
          {serverErrors.length ? serverErrors.join("; ") : errorMessage(save.error)}
        </Alert>
      )}
      {saved !== null && (
        <Alert color="teal" title="Saved" role="status">
          {saved === 1 ? "1 value saved." : `${saved} values saved.`}
        </Alert>
      )}
      <Group>
        <Button
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={changed.length === 0 || unreadable.length > 0}
        >
          Save {changed.length > 0 ? `${changed.length} value${changed.length === 1 ? "" : "s"}` : "values"}
        </Button>
      </Group>
    </Stack>
  );
}
