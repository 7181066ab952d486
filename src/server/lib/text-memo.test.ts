import { describe, expect, it } from "vitest";
import { TextMemo } from "./text-memo.js";

describe("TextMemo", () => {
  it("computes each text once and answers the same again", () => {
    let calls = 0;
    const memo = new TextMemo((s) => {
      calls += 1;
      return s.toUpperCase();
    });
    expect(memo.get("hello")).toBe("HELLO");
    expect(memo.get("hello")).toBe("HELLO");
    expect(memo.get("world")).toBe("WORLD");
    expect(calls).toBe(2);
    expect(memo.size).toBe(2);
    expect(memo.chars).toBe(20);
  });

  it("drops the least recently used when over its bound, and never keeps a huge text", () => {
    // Bound 400 characters; a text and its answer of 20 each cost 40, the most one entry may.
    const memo = new TextMemo((s) => s, 400);
    const text = (i: number) => String(i).padStart(20, "0");
    for (let i = 0; i < 10; i++) memo.get(text(i)); // 400 characters: full
    memo.get(text(0)); // 0 is now the most recent
    memo.get(text(10)); // 440 > 400: 1, the oldest, goes
    expect(memo.size).toBe(10);
    expect(memo.chars).toBe(400);
    let calls = 0;
    const counting = new TextMemo((s) => {
      calls += 1;
      return s;
    }, 400);
    counting.get(text(1));
    counting.get(text(1));
    expect(calls).toBe(1);
    counting.get("x".repeat(21)); // 42 > a tenth of the bound: answered, not kept
    counting.get("x".repeat(21));
    expect(calls).toBe(3);
    expect(counting.size).toBe(1);
  });
});
