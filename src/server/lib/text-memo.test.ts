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
    const memo = new TextMemo((s) => s, 100);
    memo.get("a".repeat(20)); // 40 characters held
    memo.get("b".repeat(20)); // 80
    memo.get("a".repeat(20)); // a is now the most recent
    memo.get("c".repeat(20)); // 120 > 100: b, the oldest, goes
    expect(memo.size).toBe(2);
    expect(memo.chars).toBe(80);
    let calls = 0;
    const counting = new TextMemo((s) => {
      calls += 1;
      return s;
    }, 100);
    counting.get("x".repeat(30)); // 60 > a tenth of the bound: answered, not kept
    counting.get("x".repeat(30));
    expect(calls).toBe(2);
    expect(counting.size).toBe(0);
  });
});
