import { rules } from "./rules.js";
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
import { z } from "zod";
import { MIN_RESPONDENTS } from "./assessment-scoring.js";

/*
 * The employer value check: once a year the business members of a partnership answer three
 * questions. Results follow the self-assessment's privacy rule: nothing but the count below
 * MIN_RESPONDENTS answers, and aggregates only once the convener closes the check (an average
 * that moves while answers come in would tell each newcomer's score). Individual answers never
 * leave the server, and neither do the free-text answers: the self-assessment shows no
 * individual comments, so the value check does not either.
 */

export { MIN_RESPONDENTS };

export const valueCheckQuestionMessages = {
  worth: msg({
    id: "vocab.valueCheckQuestion.worth",
    defaultMessage: "Is this partnership worth your time?",
  }),
  changed: msg({
    id: "vocab.valueCheckQuestion.changed",
    defaultMessage: "What did it change for your company?",
  }),
  toChange: msg({ id: "vocab.valueCheckQuestion.toChange", defaultMessage: "What should change?" }),
};
/** In the reader's language (see labelsOf). */
export const valueCheckQuestions = labelsOf(valueCheckQuestionMessages);

/** Net-promoter style bands of the 0-10 answer. */
export const worthBands = ["low", "middle", "high"] as const;
export type WorthBand = (typeof worthBands)[number];
export const worthBandMessages = {
  low: msg({ id: "vocab.worthBand.low", defaultMessage: "0 to 6" }),
  middle: msg({ id: "vocab.worthBand.middle", defaultMessage: "7 or 8" }),
  high: msg({ id: "vocab.worthBand.high", defaultMessage: "9 or 10" }),
} satisfies Record<WorthBand, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const worthBandLabels: Record<WorthBand, string> = labelsOf(worthBandMessages);
export function worthBand(worth: number): WorthBand {
  return worth >= 9 ? "high" : worth >= 7 ? "middle" : "low";
}

export interface ValueCheckResults {
  average: number;
  bands: Record<WorthBand, number>;
  /** Percent of high answers minus percent of low answers, -100 to 100. */
  netScore: number;
}

/** The aggregate of the worth answers, or null below the minimum group size. */
export function valueCheckResults(worths: readonly number[]): ValueCheckResults | null {
  if (worths.length < MIN_RESPONDENTS) return null;
  const bands: Record<WorthBand, number> = { low: 0, middle: 0, high: 0 };
  for (const w of worths) bands[worthBand(w)]++;
  return {
    average: worths.reduce((s, w) => s + w, 0) / worths.length,
    bands,
    netScore: (100 * (bands.high - bands.low)) / worths.length,
  };
}

export const valueCheckYear = z
  .number({ error: () => rules.mustBeAYearSuchAs2026 })
  .int({ error: () => rules.mustBeAYearSuchAs2026 })
  .min(1990, { error: () => rules.mustBeAYearFrom1990To })
  .max(2100, { error: () => rules.mustBeAYearFrom1990To });

export const openValueCheckBody = z.strictObject({ year: valueCheckYear });
export const valueCheckParams = z.strictObject({
  id: z.string().min(1).max(120),
  year: z.string().regex(/^\d{4}$/, { error: () => rules.mustBeAYearSuchAs2026 }),
});

export const valueCheckAnswerBody = z.strictObject({
  worth: z
    .number({ error: () => rules.mustBeAWholeNumber0To10 })
    .int({ error: () => rules.mustBeAWholeNumber0To10 })
    .min(0, { error: () => rules.mustBeAWholeNumber0To10 })
    .max(10, { error: () => rules.mustBeAWholeNumber0To10 }),
  changed: z.string().trim().max(2000).default(""),
  toChange: z.string().trim().max(2000).default(""),
});
export type ValueCheckAnswer = z.infer<typeof valueCheckAnswerBody>;

export const valueCheckSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  status: z.enum(["open", "closed"]),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  answers: z.number().int(),
  minimum: z.number().int(),
  /** Whether the caller has answered (never what they answered). */
  answered: z.boolean(),
  /** Once closed with at least `minimum` answers; null otherwise. */
  results: z
    .object({
      average: z.number(),
      bands: z.object({ low: z.number().int(), middle: z.number().int(), high: z.number().int() }),
      netScore: z.number(),
    })
    .nullable(),
});
export type ValueCheck = z.infer<typeof valueCheckSchema>;

export const valueChecksResponse = z.object({
  items: z.array(valueCheckSchema),
  /** The convener opens and closes checks. */
  canManage: z.boolean(),
  /** Business members and champions answer. */
  canAnswer: z.boolean(),
});
export type ValueChecks = z.infer<typeof valueChecksResponse>;

export const computedValuesQuery = z.strictObject({
  period: z.string().regex(/^\d{4}$/, { error: () => rules.mustBeAYearSuchAs2025 }),
});
export const computedValuesResponse = z.object({
  period: z.string(),
  items: z.array(z.object({ indicator: z.string(), value: z.number() })),
});
