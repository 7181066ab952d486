import { rules } from "./rules.js";
import { z } from "zod";
import { organizationKindSchema } from "./organization-kind.js";
import { naicsPrefixes, naicsSector } from "./naics.js";
import { settings, stages } from "./vocabulary.js";
import { uuidSchema } from "./ids.js";

export interface PeerFacts {
  naics: string[];
  counties: string[];
  states: string[];
  setting: string;
  stage: string;
}

/** How many leading digits two NAICS codes share: 2 for the same sector (ranges included), up to 6. */
export function naicsDepthInCommon(a: string, b: string): number {
  if (naicsSector(a) !== naicsSector(b)) return 0;
  const [da] = naicsPrefixes(a);
  const [db] = naicsPrefixes(b);
  if (!da || !db || a.includes("-") || b.includes("-")) return 2;
  let depth = 0;
  while (depth < Math.min(da.length, db.length) && da[depth] === db[depth]) depth += 1;
  return Math.max(depth, 2);
}

export type PeerMatch = "industry" | "region" | "both";

/**
 * Similarity of a peer to a partnership: industry depth in common weighs most, then the region
 * (shared counties above a shared state), then the same setting and the same stage.
 */
export function peerSimilarity(
  me: PeerFacts,
  other: PeerFacts,
): { score: number; match: PeerMatch | null; depth: number } {
  const depth = Math.max(0, ...me.naics.flatMap((a) => other.naics.map((b) => naicsDepthInCommon(a, b))));
  const sharedCounties = other.counties.filter((c) => me.counties.includes(c)).length;
  const sharedState = other.states.some((s) => me.states.includes(s));
  const region = sharedCounties > 0 || sharedState;
  const match: PeerMatch | null = depth && region ? "both" : depth ? "industry" : region ? "region" : null;
  const score =
    depth * 10 +
    (sharedCounties > 0 ? 15 : sharedState ? 8 : 0) +
    (me.setting === other.setting ? 5 : 0) +
    (me.stage === other.stage ? 5 : 0);
  return { score, match, depth };
}

export const peerSchema = z.object({
  id: uuidSchema,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  setting: z.enum(settings),
  stage: z.enum(stages),
  industries: z.array(z.object({ code: z.string(), title: z.string() })),
  states: z.array(z.string()),
  match: z.enum(["industry", "region", "both"]),
  score: z.number().int(),
  /** Leading NAICS digits in common with the partnership asked about (0 when only the region is shared). */
  industryDepth: z.number().int(),
});
export type Peer = z.infer<typeof peerSchema>;
export const peerList = z.object({ items: z.array(peerSchema) });
export type PeerList = z.infer<typeof peerList>;

export const connectBody = z.strictObject({
  message: z.string().trim().min(10).max(3000),
  /** Only when true does the e-mail carry the sender's address to reply to. */
  shareEmail: z.boolean().default(false),
});
export type ConnectBody = z.infer<typeof connectBody>;

export const listingBody = z.strictObject({
  listed: z.boolean(),
  title: z.string().trim().max(120).default(""),
  organizationKind: organizationKindSchema.default("other"),
  state: z
    .string()
    .regex(/^([A-Z]{2})?$/, { error: () => rules.aTwoLetterStateAbbreviation })
    .default(""),
  topics: z.array(z.string().trim().min(2).max(60)).max(12).default([]),
});
export type ListingBody = z.infer<typeof listingBody>;
export const listingSchema = listingBody.required();
export const personListing = z.object({
  userId: uuidSchema,
  name: z.string(),
  title: z.string(),
  organizationKind: organizationKindSchema,
  state: z.string(),
  topics: z.array(z.string()),
});
export type PersonListing = z.infer<typeof personListing>;
export const peopleQuery = z.strictObject({
  q: z.string().trim().max(80).optional(),
  state: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  topic: z.string().trim().max(60).optional(),
});
export const peopleList = z.object({ items: z.array(personListing), total: z.number().int() });
