/**
 * What partnerships across the country work on: their active priorities counted by theme, for
 * the whole community and by industry sector and state. Counts partnerships, never names them;
 * agendas are members-only, so a group smaller than MIN_PEERS partnerships is folded away.
 */
import { rules } from "./rules.js";
import { z } from "zod";
import { MIN_PEERS } from "./impact.js";
import { themes, type Theme } from "./vocabulary.js";

const sectorCode = z.string().regex(/^\d{2}(-\d{2})?$/, { error: () => rules.mustBeANAICSSectorSuchAs });
const stateFips = z.string().regex(/^\d{2}$/, { error: () => rules.mustBeAStateSTwoDigit });

export const themeRollupQuery = z.strictObject({
  industry: sectorCode.optional(),
  state: stateFips.optional(),
});
export type ThemeRollupQuery = z.infer<typeof themeRollupQuery>;

export const themeCount = z.object({
  theme: z.enum(themes),
  /** Partnerships with at least one active priority of the theme. */
  partnerships: z.number().int(),
  /** Active priorities of the theme. */
  priorities: z.number().int(),
  /** Of the partnerships counted, the share working on the theme (0-1, three decimals). */
  share: z.number(),
});

export const themeGroup = z.object({
  key: z.string(),
  label: z.string(),
  partnerships: z.number().int(),
  themes: z.array(themeCount),
});
export type ThemeGroup = z.infer<typeof themeGroup>;

export const themeRollupResponse = z.object({
  industry: z.string().nullable(),
  state: z.string().nullable(),
  /** Partnerships with at least one active priority that has a theme. */
  partnerships: z.number().int(),
  /** True when fewer than MIN_PEERS partnerships match: nothing is counted, so no one is exposed. */
  suppressed: z.boolean(),
  minGroup: z.number().int(),
  themes: z.array(themeCount),
  byIndustry: z.array(themeGroup),
  byState: z.array(themeGroup),
  /** Groups left out for having fewer than MIN_PEERS partnerships. */
  foldedIndustries: z.number().int(),
  foldedStates: z.number().int(),
  /** Active priorities without a theme (chosen before themes existed). */
  unthemed: z.number().int(),
});
export type ThemeRollup = z.infer<typeof themeRollupResponse>;

/** One active priority, with what the roll-up groups its partnership by. */
export interface ThemedPriority {
  partnershipId: string;
  theme: Theme | null;
  /** NAICS sector of the partnership's main industry ("31-33"), "" when unknown. */
  sector: string;
  /** FIPS of the state where most of its counties lie, "" when unknown. */
  state: string;
}

function count(rows: readonly ThemedPriority[]) {
  const partnerships = new Set(rows.map((r) => r.partnershipId));
  const out = themes.map((theme) => {
    const of = rows.filter((r) => r.theme === theme);
    const with_ = new Set(of.map((r) => r.partnershipId)).size;
    return {
      theme,
      partnerships: with_,
      priorities: of.length,
      share: partnerships.size ? Math.round((with_ / partnerships.size) * 1000) / 1000 : 0,
    };
  });
  // Most common first; the vocabulary's order breaks ties so the list is stable.
  return {
    partnerships: partnerships.size,
    themes: out
      .filter((t) => t.partnerships > 0)
      .sort((a, b) => b.partnerships - a.partnerships || themes.indexOf(a.theme) - themes.indexOf(b.theme)),
  };
}

function groups(
  rows: readonly ThemedPriority[],
  keyOf: (r: ThemedPriority) => string,
  labelOf: (key: string) => string,
): { kept: ThemeGroup[]; folded: number } {
  const by = new Map<string, ThemedPriority[]>();
  for (const r of rows) {
    const key = keyOf(r);
    if (!key) continue;
    const list = by.get(key);
    if (list) list.push(r);
    else by.set(key, [r]);
  }
  const kept: ThemeGroup[] = [];
  let folded = 0;
  for (const [key, list] of by) {
    const c = count(list);
    if (c.partnerships < MIN_PEERS) folded += 1;
    else kept.push({ key, label: labelOf(key), ...c });
  }
  kept.sort((a, b) => b.partnerships - a.partnerships || a.label.localeCompare(b.label));
  return { kept, folded };
}

/** The roll-up of `rows` (already narrowed to the query's industry and state). */
export function rollUpThemes(
  rows: readonly ThemedPriority[],
  query: ThemeRollupQuery,
  labels: { sector: (code: string) => string; state: (fips: string) => string },
): ThemeRollup {
  const themed = rows.filter((r) => r.theme !== null);
  const unthemed = rows.length - themed.length;
  const all = count(themed);
  const base = {
    industry: query.industry ?? null,
    state: query.state ?? null,
    partnerships: all.partnerships,
    minGroup: MIN_PEERS,
    unthemed,
  };
  if (all.partnerships < MIN_PEERS) {
    return {
      ...base,
      suppressed: true,
      themes: [],
      byIndustry: [],
      byState: [],
      foldedIndustries: 0,
      foldedStates: 0,
    };
  }
  const industries = groups(themed, (r) => r.sector, labels.sector);
  const states = groups(themed, (r) => r.state, labels.state);
  return {
    ...base,
    suppressed: false,
    themes: all.themes,
    byIndustry: industries.kept,
    byState: states.kept,
    foldedIndustries: industries.folded,
    foldedStates: states.folded,
  };
}
