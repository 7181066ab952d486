/**
 * The shape of a region's economic profile ("Explore a region"): the query a visitor sends and
 * the answer the API gives, shared by the server, the web page and the CSV. Every summed figure
 * is a RegionSum: `complete` false means at least one county did not disclose it, and the value
 * is then a lower bound ("at least 123,742 · 1 of 5 counties not disclosed").
 */
import { msg, say } from "../i18n/msg.js";
import { rules } from "../rules.js";
import { z } from "zod";

export const NAICS_LEVEL_CHOICES = ["sector", "3", "4", "5", "6"] as const;
export type NaicsLevelChoice = (typeof NAICS_LEVEL_CHOICES)[number];

/** The ownerships BLS cuts county industries by (own_code); all-ownership rows exist only as totals. */
export const OWNERSHIP_CHOICES = { private: 5, federal: 1, state: 2, local: 3 } as const;
export type OwnershipChoice = keyof typeof OWNERSHIP_CHOICES;
export const ownershipChoice = z.enum(["private", "federal", "state", "local"]);

export const NAICS_LEVEL_LABELS: Record<NaicsLevelChoice, string> = {
  sector: "Sector (2-digit)",
  "3": "Subsector (3-digit)",
  "4": "Industry group (4-digit)",
  "5": "Industry (5-digit)",
  "6": "National industry (6-digit)",
};

const fipsList = z
  .string()
  .trim()
  .transform((text) =>
    text
      .split(",")
      .map((code) => code.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().regex(/^\d{5}$/, "each county is a five-digit FIPS code such as 39049"))
      .min(1, "name at least one county")
      .max(100, "at most 100 counties"),
  );

/** `?counties=39049,39041` or `?cbsa=18140`, one of them; year, NAICS level and ownership. */
export const regionEconomyQuery = z
  .strictObject({
    counties: fipsList.optional(),
    cbsa: z
      .string()
      .trim()
      .regex(/^\d{5}$/, "a metro or micro area is a five-digit CBSA code such as 18140")
      .optional(),
    year: z.coerce.number().int().min(1975).max(2100).optional(),
    level: z.enum(NAICS_LEVEL_CHOICES).default("sector"),
    ownership: ownershipChoice.default("private"),
  })
  .superRefine((query, context) => {
    if (!query.counties && !query.cbsa)
      context.addIssue({ code: "custom", path: ["counties"], message: rules.nameCountiesOrACbsa });
    if (query.counties && query.cbsa)
      context.addIssue({ code: "custom", path: ["cbsa"], message: rules.nameCountiesOrACbsaNotBoth });
  });
export type RegionEconomyQuery = z.infer<typeof regionEconomyQuery>;

export const regionSum = z.object({
  value: z.number(),
  complete: z.boolean(),
  undisclosedAreas: z.number().int(),
});
export const regionMeasure = z.object({
  value: z.number().nullable(),
  complete: z.boolean(),
});
export const regionChange = z.object({
  fromYear: z.number().int(),
  earlier: z.number(),
  later: z.number(),
  change: z.number(),
  percent: z.number().nullable(),
  complete: z.boolean(),
  undisclosedAreas: z.number().int(),
});

export const regionTotals = z.object({
  year: z.number().int(),
  jobs: regionSum,
  establishments: z.number().int(),
  averagePay: regionMeasure,
  /** Counties of the region with no figures imported for the year. */
  countiesMissing: z.array(z.string()),
});
export type RegionTotals = z.infer<typeof regionTotals>;

export const industryFigures = z.object({
  code: z.string(),
  title: z.string(),
  jobs: regionSum,
  /** Share of the region's jobs (all industries, all ownerships), 0-1. */
  share: regionMeasure,
  establishments: z.number().int(),
  averagePay: regionMeasure,
  /** The industry's average pay over the region's (1.25 = 25% above). */
  payRatio: regionMeasure,
  locationQuotient: regionMeasure.extend({ reason: z.string().nullable() }),
  oneYear: regionChange.nullable(),
  fiveYear: regionChange.nullable(),
  shiftShare: z
    .object({
      fromYear: z.number().int(),
      total: z.number(),
      nationalGrowth: z.number(),
      industryMix: z.number(),
      regionalShare: z.number(),
      complete: z.boolean(),
    })
    .nullable(),
});
export type IndustryFigures = z.infer<typeof industryFigures>;

export const regionEconomy = z.object({
  counties: z.array(z.object({ fips: z.string(), name: z.string(), state: z.string() })),
  cbsa: z.object({ code: z.string(), title: z.string() }).nullable(),
  year: z.number().int(),
  level: z.enum(NAICS_LEVEL_CHOICES),
  ownership: ownershipChoice,
  /** The ownerships that have industries at this level in the year, for the picker. */
  ownerships: z.array(ownershipChoice),
  totals: regionTotals,
  /** Every imported year of the region, oldest first, with its totals. */
  years: z.array(regionTotals),
  industries: z.array(industryFigures),
  /** Why location quotients are missing, when the national file of the year is not imported. */
  notes: z.array(z.string()),
  source: z.string(),
});
export type RegionEconomy = z.infer<typeof regionEconomy>;

/** "at least 123,742" when a county held the figure back; the count itself otherwise. */
export function atLeast(sum: { value: number; complete: boolean }, format: (n: number) => string): string {
  return sum.complete
    ? format(sum.value)
    : say(msg({ id: "vocab.qcew.atLeast", defaultMessage: "at least {value}" }), {
        value: format(sum.value),
      });
}

/** A metro or micro area of the reference data, for the region picker. */
export const metroArea = z.object({
  code: z.string(),
  title: z.string(),
  type: z.enum(["metro", "micro"]),
  counties: z.number().int(),
});
export type MetroArea = z.infer<typeof metroArea>;
export const metroAreasQuery = z.strictObject({ q: z.string().trim().max(100).optional() });
