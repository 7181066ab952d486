/**
 * What a change may touch. Keys name their topic before the first colon ("list:…", "map:…",
 * "impact:…", "impact-values/2025:…"). A change to impact ("impact") leaves the directory's
 * answers in place: they show nothing of impact. Entering measurements touches only the answers
 * computed from the values of the periods entered ("impact-values/<period>": peer values,
 * benchmarks, roll-ups of that period), not the indicator catalog, the peer profiles or other
 * periods: measurements are entered all day long, mostly for the current period, while
 * benchmarks are read for the last complete one; reading the profiles of every partnership again
 * after each entry cost 70-110 ms per benchmark on the national set.
 */
export type AnswerTopic = "impact" | "impact-values" | `impact-values/${string}`;

const periodTopic = /^impact-values\/[0-9A-Za-z-]{1,20}$/;

/** A topic a notice may name (a period's values, or the two broad topics). */
export function isAnswerTopic(value: string): value is AnswerTopic {
  return value === "impact" || value === "impact-values" || periodTopic.test(value);
}

/**
 * The topic of one period's values; a period that cannot name a topic (it never passes the
 * routes' checks) falls back to all values.
 */
export function periodValues(period: string): AnswerTopic {
  const topic = `impact-values/${period}` as const;
  return periodTopic.test(topic) ? topic : "impact-values";
}

/** A change of a topic is also a change of the topics under it. */
function parentTopic(topic: string): AnswerTopic | undefined {
  if (topic === "impact-values") return "impact";
  return topic.startsWith("impact-values/") ? "impact-values" : undefined;
}

const topicOf = (key: string) => key.slice(0, Math.max(0, key.indexOf(":")));

/**
 * Serialized answers of public, read-mostly routes (the directory and its map), kept until the
 * data under them changes. A read stores its answer only if no change happened while it ran,
 * so a slow read never puts stale data back after an invalidation.
 */
export class AnswerCache {
  private readonly entries = new Map<string, { body: string; storedAt: number }>();
  private generationValue = 0;
  /** Changes announced for one topic only, by topic. */
  private readonly topicGenerations = new Map<string, number>();

  constructor(
    private readonly maxEntries = 1000,
    /** A safety net: answers older than this are read again even if no change was announced. */
    private readonly maxAgeMs = 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get generation(): number {
    return this.generationValue;
  }

  /** Changes that concern `key`: every change of all, and those of its topic. */
  generationOf(key: string): number {
    let generation = this.generationValue;
    for (let topic: string | undefined = topicOf(key); topic; topic = parentTopic(topic))
      generation += this.topicGenerations.get(topic) ?? 0;
    return generation;
  }

  get(key: string): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.clock() - entry.storedAt > this.maxAgeMs) {
      this.entries.delete(key);
      return undefined;
    }
    // Most recently used last, so the oldest is dropped first when full.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.body;
  }

  set(key: string, body: string, generationAtRead: number): void {
    // A cache of size 0 stores nothing: the benchmark measures the uncached path with it.
    if (this.maxEntries <= 0 || generationAtRead !== this.generationOf(key)) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { body, storedAt: this.clock() });
  }

  /** Forgets every answer, or with `only` the answers of that topic. */
  invalidate(only?: AnswerTopic): void {
    if (only === undefined) {
      this.generationValue += 1;
      this.entries.clear();
      return;
    }
    this.topicGenerations.set(only, (this.topicGenerations.get(only) ?? 0) + 1);
    const touched = (topic: string | undefined): boolean =>
      topic !== undefined && (topic === only || touched(parentTopic(topic)));
    for (const key of [...this.entries.keys()]) if (touched(topicOf(key))) this.entries.delete(key);
  }

  /** Answers from the cache or computes, stores and answers. */
  async remember(key: string, compute: () => Promise<unknown>): Promise<string> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const generation = this.generationOf(key);
    const body = JSON.stringify(await compute());
    this.set(key, body, generation);
    return body;
  }
}
