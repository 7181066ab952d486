/**
 * What the mixed-load generator is told: the servers to call and, for each simulated person, the
 * session and the things they read and write. Plain JSON, passed from the bench to the
 * generator's process.
 */
export interface MixedPerson {
  cookie: string;
  partnershipId: string;
  /** An open dot-vote round of their partnership and the opportunities on it. */
  roundId: string;
  opportunityIds: string[];
  /** An action of their partnership that they own (an owner may post its updates). */
  actionId: string;
  /** Business members and champions vote; the convener does not (rule 1). */
  mayVote: boolean;
  /** An indicator their partnership measures and its latest period, for benchmark reads. */
  benchmark: { indicator: string; period: string };
  /** Only the convener of each partnership enters measurements. */
  indicator: { key: string; unit: string } | null;
  /** A community thread they may reply to. */
  threadId: string;
  /** An upcoming event they may register for (and cancel). */
  eventId: string;
}

export interface MixedPlan {
  /** One base URL per server process; requests go to them in turn. */
  bases: string[];
  rate: number;
  seconds: number;
  seed: number;
  people: MixedPerson[];
  /** Public directory queries (filters, searches, pages) of the loaded set. */
  directoryPaths: string[];
  /** Slugs of partnerships whose public profile people open. */
  profileSlugs: string[];
}

export const readKinds = [
  "directory",
  "profile",
  "action plan",
  "impact",
  "home",
  "discussions",
  "thread",
] as const;
export const writeKinds = ["ballot", "action update", "measurement", "reply", "registration"] as const;
export type RequestKind = (typeof readKinds)[number] | (typeof writeKinds)[number];

export interface KindStats {
  kind: RequestKind;
  count: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

export interface MixedRunResult {
  sent: number;
  seconds: number;
  /** Requests answered per second over the run. */
  achievedRate: number;
  errors: number;
  /** A few failed answers, to say what went wrong. */
  errorSamples: string[];
  p50: number;
  p95: number;
  p99: number;
  max: number;
  byKind: KindStats[];
  /** How late the generator itself sent, at worst: large values mean the client was the limit. */
  maxSendLagMs: number;
}
