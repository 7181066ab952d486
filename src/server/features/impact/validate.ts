import type { Indicator, MeasurementInput } from "../../../core/impact.js";
import { valueProblem } from "../../../core/impact.js";

export interface ItemProblem {
  index: number;
  field: keyof MeasurementInput;
  message: string;
  /** For a repeat: the index of the item it repeats. */
  repeats?: number;
}

/**
 * The rules the schema cannot know: the indicator exists and is not retired, the value fits
 * its unit, and one write names each indicator, kind and period once.
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
        message: `"${item.indicator}" is retired; it takes no new values`,
      });
      return;
    }
    const problem = valueProblem(indicator.unit, item.value);
    if (problem) problems.push({ index, field: "value", message: problem });
    const identity = `${item.indicator}|${item.kind}|${item.period}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      problems.push({
        index,
        field: "period",
        message: `repeats the ${item.kind} value of ${item.indicator} for ${item.period}`,
        repeats: first,
      });
    } else seen.set(identity, index);
  });
  return problems;
}
