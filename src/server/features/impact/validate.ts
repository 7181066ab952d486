import type { Indicator, MeasurementInput } from "../../../core/impact.js";
import { measurementLabel, valueProblem } from "../../../core/impact.js";
import { formatCountOf } from "../../../core/format.js";
import { isQcewIndicator, QCEW_SOURCE } from "../../../core/qcew/partnership-panel.js";
import { computedIndicators } from "./catalog.js";

export interface ItemProblem {
  index: number;
  field: keyof MeasurementInput;
  message: string;
  /** For a repeat: the index of the item it repeats. */
  repeats?: number;
}

/**
 * The rules the schema cannot know: the indicator exists and is not retired, the value fits
 * its unit, and one write names each indicator, kind and period once. Messages name the
 * indicator as people know it (its name), not by its key.
 */
export function checkAgainstCatalog(
  items: readonly MeasurementInput[],
  catalog: Map<string, Indicator>,
): ItemProblem[] {
  const problems: ItemProblem[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const indicator = catalog.get(item.indicator);
    if (!indicator) {
      problems.push({
        index,
        field: "indicator",
        message: `"${item.indicator}" is not an indicator of the catalog`,
      });
      return;
    }
    if (indicator.retired) {
      problems.push({
        index,
        field: "indicator",
        message: `${indicator.name} is retired; it takes no new values`,
      });
      return;
    }
    if (isQcewIndicator(indicator.key)) {
      problems.push({
        index,
        field: "indicator",
        message: `${indicator.name} comes from ${QCEW_SOURCE}: Shared Table computes it from the imported files, so it cannot be entered by hand`,
      });
      return;
    }
    const computed = computedIndicators.get(indicator.key);
    if (computed) {
      problems.push({
        index,
        field: "indicator",
        message: `${indicator.name} is computed: ${computed}, so it cannot be entered by hand`,
      });
      return;
    }
    const label = measurementLabel(indicator.name, item.kind, item.period);
    const problem = valueProblem(indicator.unit, item.value);
    if (problem) problems.push({ index, field: "value", message: `${label}: ${problem}` });
    const identity = `${item.indicator}|${item.kind}|${item.period}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      problems.push({ index, field: "period", message: `${label} is given twice`, repeats: first });
    } else seen.set(identity, index);
  });
  return problems;
}

/** The catalog's indicators by what people type for them: the key or the exact name, any case. */
export function indicatorsByReference(catalog: Map<string, Indicator>): Map<string, Indicator[]> {
  const byReference = new Map<string, Indicator[]>();
  const add = (text: string, indicator: Indicator) => {
    const reference = text.trim().toLowerCase();
    const list = byReference.get(reference) ?? [];
    if (!list.includes(indicator)) list.push(indicator);
    byReference.set(reference, list);
  };
  for (const indicator of catalog.values()) {
    add(indicator.key, indicator);
    add(indicator.name, indicator);
  }
  return byReference;
}

/**
 * Finds the indicator a CSV cell names: its key, else its exact name (trimmed, any case). A key
 * wins over another indicator's name; a name two indicators share is ambiguous.
 */
export function resolveIndicator(
  text: string,
  catalog: Map<string, Indicator>,
  byReference: Map<string, Indicator[]>,
): { key: string } | { problem: string } {
  const exact = catalog.get(text.trim());
  if (exact) return { key: exact.key };
  const reference = text.trim().toLowerCase();
  const matches = byReference.get(reference) ?? [];
  const byKey = matches.find((m) => m.key.toLowerCase() === reference);
  if (byKey) return { key: byKey.key };
  if (matches.length === 1) return { key: matches[0].key };
  if (matches.length > 1) {
    return {
      problem: `"${text}" names ${formatCountOf(matches.length, "indicator")}; use the key: ${matches.map((m) => m.key).join(", ")}`,
    };
  }
  return { problem: `"${text}" is neither the key nor the name of an indicator of the catalog` };
}
