/**
 * Counts events per key in a sliding window, in this process's memory: enough to stop one
 * phone in the room from flooding a meeting's guest list or someone from guessing short codes.
 * With several server processes each keeps its own count, so the limit is per process.
 */
export class WindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    /** Keys kept at most; the oldest go first, so the map cannot grow without bound. */
    private readonly maxKeys = 10_000,
  ) {}

  /** Seconds to wait before the next event is allowed; 0 when it is, and then it is counted. */
  take(key: string, nowMs: number): number {
    const recent = this.recent(key, nowMs);
    if (recent.length >= this.max) return Math.max(1, Math.ceil((recent[0] + this.windowMs - nowMs) / 1000));
    recent.push(nowMs);
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > this.maxKeys) {
      const oldest = this.hits.keys().next().value;
      if (oldest !== undefined) this.hits.delete(oldest);
    }
    return 0;
  }

  /** Seconds to wait, without counting anything (to refuse before doing the work). */
  wait(key: string, nowMs: number): number {
    const recent = this.recent(key, nowMs);
    return recent.length >= this.max ? Math.max(1, Math.ceil((recent[0] + this.windowMs - nowMs) / 1000)) : 0;
  }

  private recent(key: string, nowMs: number): number[] {
    return (this.hits.get(key) ?? []).filter((t) => t > nowMs - this.windowMs);
  }
}
