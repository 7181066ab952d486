/**
 * A field's message in the reader's language. Messages reach the error handler three ways: as a
 * `msg` (translated as it is), as the English of a rule in the shared schemas (src/core/rules.ts:
 * found again by its words), or as the English of a common limit written with its number ("must be
 * at most 200 characters": read back by pattern). Zod's own English for a schema without words of
 * its own is replaced by the app's (zodIssueMessage).
 */
import type { AppLocale } from "../../core/i18n/locales.js";
import { msg, type Msg } from "../../core/i18n/msg.js";
import { ruleMessageFor } from "../../core/rules.js";
import { translate } from "./intl.js";

const limits = {
  atMostCharacters: msg({
    id: "rule.limit.atMostCharacters",
    defaultMessage: "must be at most {max} characters",
  }),
  atLeastCharacters: msg({
    id: "rule.limit.atLeastCharacters",
    defaultMessage: "must be at least {min} characters",
  }),
  atMost: msg({ id: "rule.limit.atMost", defaultMessage: "must be at most {max}" }),
  atLeast: msg({ id: "rule.limit.atLeast", defaultMessage: "must be at least {min}" }),
  atMostItems: msg({ id: "rule.limit.atMostItems", defaultMessage: "must have at most {max} items" }),
  atLeastItems: msg({ id: "rule.limit.atLeastItems", defaultMessage: "must have at least {min} items" }),
  required: msg({ id: "rule.limit.required", defaultMessage: "is required" }),
  wrongType: msg({
    id: "rule.zod.invalidType",
    defaultMessage:
      "must be {expected, select, string {text} number {a number} int {a whole number} boolean {true or false} array {a list} object {an object} other {of another kind}}",
  }),
  format: msg({ id: "rule.zod.invalidFormat", defaultMessage: "is not in the right form ({format})" }),
  oneOf: msg({ id: "rule.zod.invalidValue", defaultMessage: "must be one of: {values}" }),
  notValid: msg({ id: "errors.field.notValid", defaultMessage: "is not valid" }),
};

/** Limits written with their number in the shared schemas' template strings. */
const patterns: [RegExp, Msg, string][] = [
  [/^must be at most (\d+) characters$/, limits.atMostCharacters, "max"],
  [/^must be at least (\d+) characters$/, limits.atLeastCharacters, "min"],
  [/^must be at most (\d+)$/, limits.atMost, "max"],
  [/^must be at least (\d+)$/, limits.atLeast, "min"],
];

export function fieldMessageIn(locale: AppLocale, message: string | Msg): string {
  if (typeof message !== "string") return translate(locale, message);
  const rule = ruleMessageFor(message);
  if (rule) return translate(locale, rule);
  for (const [pattern, words, name] of patterns) {
    const found = pattern.exec(message);
    if (found) return translate(locale, { ...words, values: { [name]: found[1] } });
  }
  return message;
}

interface ZodIssueParams {
  expected?: unknown;
  origin?: unknown;
  maximum?: unknown;
  minimum?: unknown;
  format?: unknown;
  values?: unknown;
}

/**
 * The app's words for an issue Zod worded itself ("Too big: expected string to have <=200
 * characters"); undefined for a message a schema gave (the shared rules' words, lower case).
 */
export function zodIssueMessage(code: string, message: string, params: ZodIssueParams): Msg | undefined {
  if (!/^[A-Z]/.test(message)) return undefined;
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const origin = text(params.origin);
  const count = (value: unknown) =>
    typeof value === "number" || typeof value === "bigint" ? String(value) : "";
  switch (code) {
    case "invalid_type":
      return { ...limits.wrongType, values: { expected: text(params.expected) } };
    case "too_big":
      return origin === "string"
        ? { ...limits.atMostCharacters, values: { max: count(params.maximum) } }
        : origin === "array" || origin === "set"
          ? { ...limits.atMostItems, values: { max: count(params.maximum) } }
          : { ...limits.atMost, values: { max: count(params.maximum) } };
    case "too_small":
      if (origin === "string" && Number(params.minimum) === 1) return limits.required;
      return origin === "string"
        ? { ...limits.atLeastCharacters, values: { min: count(params.minimum) } }
        : origin === "array" || origin === "set"
          ? { ...limits.atLeastItems, values: { min: count(params.minimum) } }
          : { ...limits.atLeast, values: { min: count(params.minimum) } };
    case "invalid_format":
      return { ...limits.format, values: { format: text(params.format) } };
    case "invalid_value":
      return {
        ...limits.oneOf,
        values: { values: Array.isArray(params.values) ? params.values.map(String).join(", ") : "" },
      };
    default:
      return limits.notValid;
  }
}
