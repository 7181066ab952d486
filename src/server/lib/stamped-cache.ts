/**
 * Answers kept with the stamp they were read at: a count in the database that every change to
 * what the answer shows moves (the agenda stamps of migration 0023, moved by triggers). A
 * request that reads the stamp anyway, with the record it needs, learns for free whether the
 * kept answer is still current: no round trip to check, no notice that must reach every server
 * process first, and no process answers older than the stamp its own request just read.
 *
 * What is kept is shared between requests: readers must not change it.
 */
export class StampedCache {
  private readonly entries = new Map<string, { stamp: number; value: unknown }>();

  /** `maxEntries` 0 keeps nothing: the benchmarks measure the uncached statements with it. */
  constructor(private readonly maxEntries = 500) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * The value under `key` as of `stamp` or later, else `load`'s (called after the stamp was
   * read, so a value kept under a stamp is never older than it; a change landing in between
   * only means the next request, seeing the new stamp, loads again). Each key holds one kind of
   * value: keys are named by their feature ("plan:<partnership>").
   */
  async get<T>(key: string, stamp: number | null, load: () => Promise<T>): Promise<T> {
    if (stamp === null || this.maxEntries <= 0) return load();
    const kept = this.entries.get(key);
    if (kept?.stamp === stamp) {
      // Most recently used last, so the oldest is dropped first when full.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept.value as T;
    }
    const value = await load();
    // A slower load under an older stamp must not replace a newer one kept meanwhile.
    const now = this.entries.get(key);
    if (now && now.stamp > stamp) return value;
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { stamp, value });
    return value;
  }
}
