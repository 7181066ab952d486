import type { Indicator, IndicatorUnit, MeasurementInput, MeasurementKind } from "../../../core/impact.js";
import { parsePeriod, unitBounds, valueProblem } from "../../../core/impact.js";
import { DEFAULT_LOCALE, LOCALES, type AppLocale } from "../../../core/i18n/locales.js";
import { indicatorName } from "../../../core/indicator-catalog.js";
import { msg } from "../../../core/i18n/msg.js";
import { isQcewIndicator, QCEW_SOURCE } from "../../../core/qcew/partnership-panel.js";
import { AppError } from "../../errors.js";
import { inReaderLanguage, translate } from "../../i18n/intl.js";
import { computedIndicators } from "./catalog.js";

export interface ItemProblem {
  index: number;
  field: keyof MeasurementInput;
  /** In the language the checker was asked for. */
  message: string;
  /** For a repeat: the index of the item it repeats. */
  repeats?: number;
}

/** "…is not an indicator of the catalog": a key no indicator has. */
export const notInCatalog = (key: string) =>
  msg(
    { id: "server.impact.field.notInCatalog", defaultMessage: '"{key}" is not an indicator of the catalog' },
    { key },
  );

/** 404 for an indicator the catalog (or the partnership's own) does not hold. */
export const indicatorNotFound = () =>
  new AppError(
    "not_found",
    msg({ id: "server.impact.indicatorNotFound", defaultMessage: "The indicator was not found." }),
  );

/** One value named as people say it, in `locale`: "New jobs created, Q2 2025", "Staff retention rate, target 2027". */
export function measurementLabelIn(
  locale: AppLocale,
  name: string,
  kind: MeasurementKind,
  period: string,
): string {
  const parsed = parsePeriod(period);
  const when = parsed?.quarter
    ? translate(
        locale,
        msg(
          { id: "server.impact.quarterLabel", defaultMessage: "Q{quarter} {year}" },
          { quarter: String(parsed.quarter), year: String(parsed.year) },
        ),
      )
    : period;
  return translate(
    locale,
    msg(
      {
        id: "server.impact.measurementLabel",
        defaultMessage:
          "{name}, {kind, select, baseline {baseline {period}} target {target {period}} other {{period}}}",
      },
      { name, kind, period: when },
    ),
  );
}

/** Why a value does not fit its indicator's unit (core valueProblem's rule), in `locale`; null when it fits. */
function valueProblemIn(locale: AppLocale, unit: IndicatorUnit, value: number): string | null {
  const english = valueProblem(unit, value);
  if (english === null) return null;
  const { max, decimals } = unitBounds[unit];
  const problem = Number.isNaN(value)
    ? msg({ id: "server.impact.value.notANumber", defaultMessage: "must be a number" })
    : unit === "yes_no"
      ? msg({ id: "server.impact.value.yesNo", defaultMessage: "must be 1 (yes) or 0 (no)" })
      : unit === "percent"
        ? msg({ id: "server.impact.value.percent", defaultMessage: "must be a percent between 0 and 100" })
        : value < 0
          ? msg(
              {
                id: "server.impact.value.negative",
                defaultMessage:
                  "must not be negative ({unit, select, count {a count} days {days} dollars {dollars} other {{unit}}})",
              },
              { unit },
            )
          : value > max
            ? msg(
                {
                  id: "server.impact.value.tooLarge",
                  defaultMessage:
                    "must be at most {max, number} ({unit, select, count {a count} days {days} dollars {dollars} other {{unit}}})",
                },
                { max, unit },
              )
            : decimals === 0 && !Number.isInteger(value)
              ? msg(
                  {
                    id: "server.impact.value.wholeNumber",
                    defaultMessage:
                      "must be a whole number ({unit, select, count {a count} days {days} dollars {dollars} other {{unit}}})",
                  },
                  { unit },
                )
              : msg({
                  id: "server.impact.value.cents",
                  defaultMessage: "must have at most 2 decimals (cents)",
                });
  return translate(locale, problem);
}

/**
 * The rules the schema cannot know: the indicator exists and is not retired, the value fits
 * its unit, and one write names each indicator, kind and period once. Messages name the
 * indicator as people know it (its name), not by its key, in `locale`.
 */
export function checkAgainstCatalog(
  items: readonly MeasurementInput[],
  catalog: Map<string, Indicator>,
  locale: AppLocale = DEFAULT_LOCALE,
): ItemProblem[] {
  const t = (message: Parameters<typeof translate>[1]) => translate(locale, message);
  const problems: ItemProblem[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const indicator = catalog.get(item.indicator);
    if (!indicator) {
      problems.push({ index, field: "indicator", message: t(notInCatalog(item.indicator)) });
      return;
    }
    const name = inReaderLanguage(locale, () => indicatorName(indicator));
    if (indicator.retired) {
      problems.push({
        index,
        field: "indicator",
        message: t(
          msg(
            {
              id: "server.impact.field.retired",
              defaultMessage: "{name} is retired; it takes no new values",
            },
            { name },
          ),
        ),
      });
      return;
    }
    if (isQcewIndicator(indicator.key)) {
      problems.push({
        index,
        field: "indicator",
        message: t(
          msg(
            {
              id: "server.impact.field.fromQcew",
              defaultMessage:
                "{name} comes from {source}: Shared Table computes it from the imported files, so it cannot be entered by hand",
            },
            { name, source: QCEW_SOURCE },
          ),
        ),
      });
      return;
    }
    const computed = computedIndicators.get(indicator.key);
    if (computed) {
      problems.push({
        index,
        field: "indicator",
        message: t(
          msg(
            {
              id: "server.impact.field.computed",
              defaultMessage: "{name} is computed: {how}, so it cannot be entered by hand",
            },
            { name, how: t(computed) },
          ),
        ),
      });
      return;
    }
    const label = measurementLabelIn(locale, name, item.kind, item.period);
    const problem = valueProblemIn(locale, indicator.unit, item.value);
    if (problem) problems.push({ index, field: "value", message: `${label}: ${problem}` });
    const identity = `${item.indicator}|${item.kind}|${item.period}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      problems.push({
        index,
        field: "period",
        message: t(
          msg({ id: "server.impact.field.givenTwice", defaultMessage: "{label} is given twice" }, { label }),
        ),
        repeats: first,
      });
    } else seen.set(identity, index);
  });
  return problems;
}

/**
 * The catalog's indicators by what people type for them: the key or the exact name (a shipped
 * name in any of the app's languages), any case.
 */
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
    // A shipped name in any language the app speaks: a sheet filled in Spanish names it so.
    for (const locale of LOCALES)
      add(
        inReaderLanguage(locale, () => indicatorName(indicator)),
        indicator,
      );
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
  locale: AppLocale = DEFAULT_LOCALE,
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
      problem: translate(
        locale,
        msg(
          {
            id: "server.impact.field.ambiguousIndicator",
            defaultMessage:
              '"{text}" names {count, plural, one {# indicator} other {# indicators}}; use the key: {keys}',
          },
          { text, count: matches.length, keys: matches.map((m) => m.key).join(", ") },
        ),
      ),
    };
  }
  return {
    problem: translate(
      locale,
      msg(
        {
          id: "server.impact.field.unknownIndicator",
          defaultMessage: '"{text}" is neither the key nor the name of an indicator of the catalog',
        },
        { text },
      ),
    ),
  };
}
