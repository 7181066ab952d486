import { intlTag, PSEUDO_LOCALE, type AppLocale, type Locale } from "./i18n/locales.js";
import { pseudoText } from "./i18n/pseudo.js";
import type { IndicatorUnit } from "./indicator-units.js";

/*
 * One number formatter for the whole app, server and web (Intl, in the reader's language). Every page shows
 * a value of a unit the same way: "$1,234", "-$300", "45.5%", "1 day", "+5.0 pts", and chart
 * axes count in round steps ("300K", "$1.2M"). Formatters are made once: Intl.NumberFormat is
 * slow to construct and a table may format thousands of numbers.
 */

let locale: AppLocale = "en";

/** The reader's language for everything below, set by the web app once per choice. */
export function setFormatLocale(next: AppLocale): void {
  locale = next;
}

/**
 * Runs `write` with every formatter in `reader`'s language: how the server words one e-mail or
 * file for its reader. `write` is synchronous on purpose: nothing else runs until it returns, so
 * two readers' texts never mix.
 */
export function inFormatLocale<T>(reader: AppLocale, write: () => T): T {
  const before = locale;
  locale = reader;
  try {
    return write();
  } finally {
    locale = before;
  }
}

/** The BCP 47 tag the formatters write in now ("en-US", "es-419"), for other Intl formats. */
export function formatTag(): string {
  return intlTag(locale);
}

/** The pseudo-language formats as English, then accents the words ("December" -> "Ðéééçéééɱƀéééŕ"). */
export const finish = (text: string) => (locale === PSEUDO_LOCALE ? pseudoText(text) : text);

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): { format: (value: number) => string } {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlTag(locale), options);
    cache.set(key, format);
  }
  const made = format;
  return { format: (value) => finish(made.format(value)) };
}

/** The few words the formatter writes itself, per language. */
const WORDS: Record<Locale, { yes: string; no: string; points: string; compact: readonly string[] }> = {
  en: { yes: "Yes", no: "No", points: "pts", compact: ["T", "B", "M", "K"] },
  // Spanish axes: "300 mil", "1,2 M" (millones), "3 mil M" (miles de millones), "2 B" (billones).
  es: { yes: "Sí", no: "No", points: "p. p.", compact: [" B", " mil M", " M", " mil"] },
};
const words = () => WORDS[locale === PSEUDO_LOCALE ? "en" : locale];

/** What an empty value reads as in a table or a card. */
export const NO_VALUE = "–";

/** "1,234", "12.5": thousands separators and at most `maxDecimals` decimals. */
export function formatNumber(value: number, maxDecimals = 1): string {
  return numberFormat({ maximumFractionDigits: maxDecimals }).format(value);
}

/** "1,234": a whole count, rounded. */
export function formatCount(value: number): string {
  return formatNumber(value, 0);
}

/** "$1,234", "-$300", "$19.99": cents only when there are any. */
export function formatDollars(value: number, signed = false): string {
  const cents = Math.abs(value - Math.round(value)) >= 0.005;
  return numberFormat({
    style: "currency",
    currency: "USD",
    // Every amount is in US dollars: "$" in every language ("USD 1,200" is what es-419 writes
    // for a foreign currency, and it runs a phone's table off the screen).
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 0,
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(value);
}

/** "1 day", "2 days", "1.5 days" ("1 día", "2 días"). */
export function formatDays(value: number, signed = false): string {
  return numberFormat({
    style: "unit",
    unit: "day",
    unitDisplay: "long",
    maximumFractionDigits: 1,
    signDisplay: signed ? "exceptZero" : "auto",
  }).format(value);
}

/** A share from 0 to 1 as a whole percent: 0.564 -> "56%". */
export function formatShare(fraction: number | null): string {
  return fraction === null
    ? NO_VALUE
    : numberFormat({ style: "percent", maximumFractionDigits: 0 }).format(fraction);
}

/** A relative change in percent, signed: 12.4 -> "+12%". */
export function formatRelativeChange(percent: number): string {
  return numberFormat({ style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(
    percent / 100,
  );
}

/** A value of an indicator's unit: "1,250", "45.5%", "$3,000", "-$300", "12 days", "Yes". */
export function formatValue(value: number | null, unit: IndicatorUnit): string {
  if (value === null) return NO_VALUE;
  if (unit === "yes_no")
    return value === 1 ? finish(words().yes) : value === 0 ? finish(words().no) : formatNumber(value, 1);
  if (unit === "dollars") return formatDollars(value);
  if (unit === "days") return formatDays(value);
  if (unit === "percent") return `${formatNumber(value, 1)}%`;
  return formatNumber(value, 1);
}

/**
 * A change of an indicator's value, signed. A percent indicator changes in percentage points
 * ("+5.0 pts": from 40% to 45%), never in a percent of a percent.
 */
export function formatChange(change: number, unit: IndicatorUnit): string {
  if (unit === "dollars") return formatDollars(change, true);
  if (unit === "days") return formatDays(change, true);
  if (unit === "percent") {
    const n = numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });
    return `${n.format(change)} ${finish(words().points)}`;
  }
  return numberFormat({ maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(change);
}

/** A score of one decimal, as the self-assessment shows it: 66.666 -> "66.7", 3 -> "3.0". */
export function formatScore(value: number): string {
  return numberFormat({ minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

// ---- words ---------------------------------------------------------------------------------

const pluralRules = new Intl.PluralRules("en-US");

/**
 * The English noun a count takes: noun(1, "team") is "team", noun(3, "team") "teams". English
 * only: a translated text says its plural in its message ({count, plural, one {…} other {…}}).
 */
export function noun(count: number, one: string, many = `${one}s`): string {
  return pluralRules.select(count) === "one" ? one : many;
}

/** A count with its noun in agreement: "1 team", "3 teams", "1,204 people". */
export function formatCountOf(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${noun(count, one, many)}`;
}

/**
 * Ends a sentence with its period unless the text already ends in one: a sentence ending in a
 * name such as "Valley Health Inc." keeps one period ("You left Valley Health Inc."), never "Inc..".
 */
export function endSentence(text: string): string {
  return /[.!?…]["”’)]*$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`;
}

// ---- dates ---------------------------------------------------------------------------------

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions): { format: (date: Date) => string } {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlTag(locale), options);
    dateFormats.set(key, format);
  }
  const made = format;
  return { format: (date) => finish(made.format(date)) };
}

/**
 * A calendar day as people write it: "2024-03-05" -> "March 5, 2024". A string is read as the
 * day it names (no time zone shift); a Date or timestamp is the day it falls on in UTC.
 */
export function formatDate(date: string | Date | null | undefined): string {
  if (!date) return "";
  const d = typeof date === "string" ? new Date(`${date.slice(0, 10)}T00:00:00Z`) : date;
  if (Number.isNaN(d.getTime())) return typeof date === "string" ? date : "";
  return dateFormat({ year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(d);
}

/** A month of a year: "March 2024" (UTC). */
export function formatMonth(date: Date): string {
  return dateFormat({ year: "numeric", month: "long", timeZone: "UTC" }).format(date);
}

/**
 * A moment in a time zone (the reader's when none is given): "Mar 5, 2024, 3:04 PM".
 */
export function formatDateTime(iso: string | Date | null | undefined, timeZone?: string): string {
  if (!iso) return "";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return typeof iso === "string" ? iso : "";
  return dateFormat({ dateStyle: "medium", timeStyle: "short", ...(timeZone ? { timeZone } : {}) }).format(d);
}

/** A time of day in the reader's time zone: "3:04 PM". */
export function formatTime(iso: string | Date): string {
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return dateFormat({ timeStyle: "short" }).format(d);
}

// ---- chart axes ----------------------------------------------------------------------------

/**
 * The step between round ticks for about `count` ticks over [min, max]: 1, 2 or 5 x 10^n,
 * chosen as d3's tickIncrement chooses it.
 */
export function tickStep(min: number, max: number, count = 5): number {
  const span = Math.abs(max - min);
  if (!(span > 0) || !Number.isFinite(span) || count < 1) return 1;
  const raw = span / count;
  const power = Math.floor(Math.log10(raw));
  const error = raw / 10 ** power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
  return factor * 10 ** power;
}

/** Removes the float noise of multiplying a step: 3 x 0.1 is 0.30000000000000004. */
const clean = (n: number) => Number(n.toPrecision(12));

/** Round ticks from a multiple of `step` at or below min to one at or above max. */
export function ticksBy(min: number, max: number, step: number): number[] {
  const first = Math.floor(min / step);
  const last = Math.ceil(max / step);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(clean(i * step) || 0);
  return ticks;
}

/** Round ticks covering [min, max] ("nice" ends): niceTicks(0, 336145) is 0, 100K ... 400K. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (min > max) [min, max] = [max, min];
  if (min === max) return max === 0 ? [0, 1] : niceTicks(Math.min(0, min), Math.max(0, max), count);
  return ticksBy(min, max, tickStep(min, max, count));
}

const compactScales: number[] = [1e12, 1e9, 1e6, 1e3];

/** A tick as short as it can be while ticks `step` apart still read differently: "1.5M", "250K". */
function compact(value: number, step: number): { sign: string; text: string } {
  const abs = Math.abs(value);
  const scale = compactScales.find((s) => abs >= s) ?? 1;
  const suffix = scale === 1 ? "" : finish(words().compact[compactScales.indexOf(scale)]);
  const digits = Math.max(0, Math.ceil(-Math.log10(step / scale) - 1e-9));
  return {
    sign: value < 0 ? "-" : "",
    text: `${formatNumber(abs / scale, Math.min(digits, 20))}${suffix}`,
  };
}

/** An axis tick of a unit: "300K", "$1.2M", "-$300", "40%", "30 days". */
export function formatTick(value: number, unit: IndicatorUnit, step: number): string {
  const digits = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  if (unit === "percent") return `${formatNumber(value, digits)}%`;
  if (unit === "days")
    return numberFormat({
      style: "unit",
      unit: "day",
      unitDisplay: "long",
      maximumFractionDigits: digits,
    }).format(value);
  const { sign, text } = compact(value, step);
  return unit === "dollars" ? `${sign}$${text}` : `${sign}${text}`;
}

/** A range of round numbers with its unit once: "20–30 days", "$100K–$200K", "40–60%". */
export function formatRange(from: number, to: number, unit: IndicatorUnit, step = to - from || 1): string {
  if (unit === "days" || unit === "percent") {
    const digits = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
    const end = formatTick(to, unit, step);
    return `${formatNumber(from, digits)}–${end}`;
  }
  return `${formatTick(from, unit, step)}–${formatTick(to, unit, step)}`;
}

export interface AxisScale {
  ticks: number[];
  domain: [number, number];
  format: (value: number) => string;
}

/**
 * The value axis of a chart of these values: round ticks from zero (or the lowest value when
 * below zero) past the highest, in whole numbers for counts, formatted for the unit.
 */
export function axisScale(values: readonly number[], unit: IndicatorUnit, count = 4): AxisScale {
  const finite = values.filter(Number.isFinite);
  let lo = Math.min(0, ...finite);
  let hi = Math.max(0, ...finite);
  if (lo === hi) hi = lo + 1;
  let step = tickStep(lo, hi, count);
  // Counts and partnerships come whole: a tick at 2.5 people says nothing.
  if (unit === "count" && step < 1) step = 1;
  const ticks = ticksBy(lo, hi, step);
  lo = ticks[0];
  hi = ticks[ticks.length - 1];
  return { ticks, domain: [lo, hi], format: (v) => formatTick(v, unit, step) };
}
