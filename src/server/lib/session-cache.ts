/** How long a remembered session is trusted without a word from the database, at most. */
const MAX_AGE_MS = 60_000;

interface Entry<T> {
  actor: T;
  /** When the session itself ends (epoch ms). */
  expiresAt: number;
  /** When it was remembered (epoch ms). */
  rememberedAt: number;
}

/**
 * Who each recent session cookie stands for, so that a signed-in request on PostgreSQL does not
 * make a round trip to the database before its real work (on two cores that trip was a sixth of
 * a small request's time). It is only as good as the notices that make it forget: the database
 * announces every ended session and every changed user (triggers of migration 0021), and the
 * cache serves nothing while it cannot hear them (`setListening(false)`). It keeps whatever
 * the caller keeps for a session (the server's Actor), known here only by its user's id.
 *
 * A lookup that raced a notice must not be kept: `begin()` takes the generation before the query
 * and `remember()` drops the answer if any notice came in between.
 */
export class SessionCache<T extends { userId: string }> {
  private readonly entries = new Map<string, Entry<T>>();
  private generation = 0;
  private listening = false;

  constructor(private readonly capacity = 10_000) {}

  /** Whether notices are heard: only then is anything served or kept. */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.forgetEveryone();
  }

  /** The actor of a session (by its token's hash), if remembered, still live and fresh. */
  get(tokenHash: string, now: Date): T | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    const at = now.getTime();
    if (entry.expiresAt <= at || at - entry.rememberedAt > MAX_AGE_MS) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    // Most recently used last, so the oldest is dropped first when full.
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, entry);
    return { ...entry.actor };
  }

  /** The generation to hand back to `remember` once the database has answered. */
  begin(): number {
    return this.generation;
  }

  remember(tokenHash: string, actor: T, expiresAt: Date, now: Date, generation: number): void {
    if (!this.listening || generation !== this.generation) return;
    this.entries.set(tokenHash, {
      actor: { ...actor },
      expiresAt: expiresAt.getTime(),
      rememberedAt: now.getTime(),
    });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** A notice: this user's sessions or account changed. */
  forgetUser(userId: string): void {
    this.generation++;
    for (const [hash, entry] of this.entries) if (entry.actor.userId === userId) this.entries.delete(hash);
  }

  /** One session ended in this process (sign-out): forgotten before the notice comes back. */
  forgetSession(tokenHash: string): void {
    this.generation++;
    this.entries.delete(tokenHash);
  }

  forgetEveryone(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
