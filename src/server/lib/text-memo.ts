/**
 * Remembers the answers of a pure function of a string, most recently used kept, bounded by the
 * characters held (keys and answers). Rendering Markdown is pure: a thread of 2,000 replies read
 * again renders nothing, and an edited post is a new key, so an answer is never stale.
 */
export class TextMemo {
  private readonly entries = new Map<string, string>();
  private heldChars = 0;

  constructor(
    private readonly compute: (source: string) => string,
    /** About 2 bytes a character: 8 million characters keep it near 16 MB. */
    private readonly maxChars = 8_000_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get chars(): number {
    return this.heldChars;
  }

  get(source: string): string {
    const hit = this.entries.get(source);
    if (hit !== undefined) {
      // Most recently used last, so the oldest goes first when full.
      this.entries.delete(source);
      this.entries.set(source, hit);
      return hit;
    }
    const answer = this.compute(source);
    const cost = source.length + answer.length;
    if (cost > this.maxChars / 10) return answer; // a huge text would push out all the others
    this.entries.set(source, answer);
    this.heldChars += cost;
    for (const [key, value] of this.entries) {
      if (this.heldChars <= this.maxChars) break;
      this.entries.delete(key);
      this.heldChars -= key.length + value.length;
    }
    return answer;
  }
}
