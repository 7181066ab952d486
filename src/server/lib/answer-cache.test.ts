import { describe, expect, it } from "vitest";
import { AnswerCache } from "./answer-cache.js";

describe("the answer cache", () => {
  it("answers from memory until invalidated", async () => {
    const cache = new AnswerCache();
    let computed = 0;
    const compute = async () => ({ n: ++computed });
    expect(await cache.remember("a", compute)).toBe('{"n":1}');
    expect(await cache.remember("a", compute)).toBe('{"n":1}');
    cache.invalidate();
    expect(await cache.remember("a", compute)).toBe('{"n":2}');
  });

  it("does not store an answer computed across an invalidation", async () => {
    const cache = new AnswerCache();
    let release: () => void = () => {};
    const slow = cache.remember("a", async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return "stale";
    });
    cache.invalidate();
    release();
    expect(await slow).toBe('"stale"');
    expect(cache.get("a")).toBeUndefined();
  });

  it("drops the least recently used entry when full, and old entries after their age", () => {
    let now = 0;
    const cache = new AnswerCache(2, 1000, () => now);
    cache.set("a", "1", 0);
    cache.set("b", "2", 0);
    cache.get("a");
    cache.set("c", "3", 0);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe("1");
    now = 1001;
    expect(cache.get("c")).toBeUndefined();
  });

  it("forgets only impact answers on an impact change, and keeps none read across it", async () => {
    const cache = new AnswerCache();
    await cache.remember("list:{}", async () => "directory");
    await cache.remember("impact:rollup:2025:public", async () => "rollup");
    let release: () => void = () => {};
    const slow = cache.remember("impact:rollup:2024:public", async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return "stale";
    });
    cache.invalidate("impact");
    release();
    await slow;
    expect(cache.get("list:{}")).toBe('"directory"');
    expect(cache.get("impact:rollup:2025:public")).toBeUndefined();
    expect(cache.get("impact:rollup:2024:public")).toBeUndefined();
    // A change of everything still forgets the directory too.
    cache.invalidate();
    expect(cache.get("list:{}")).toBeUndefined();
  });

  it("forgets value answers on a change of values, and those and the rest of impact on an impact change", async () => {
    const cache = new AnswerCache();
    await cache.remember("impact:catalog", async () => "catalog");
    await cache.remember("impact-values:rollup:2025:public", async () => "rollup");
    let release: () => void = () => {};
    const slow = cache.remember("impact-values:peers:jobs:2025", async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return "stale";
    });
    const generation = cache.generationOf("impact:catalog");
    cache.invalidate("impact-values");
    release();
    await slow;
    expect(cache.get("impact:catalog")).toBe('"catalog"');
    expect(cache.generationOf("impact:catalog")).toBe(generation);
    expect(cache.get("impact-values:rollup:2025:public")).toBeUndefined();
    expect(cache.get("impact-values:peers:jobs:2025")).toBeUndefined();
    // A change of impact (a new indicator, a partnership named in benchmarks) reaches the values too.
    await cache.remember("impact-values:rollup:2025:public", async () => "rollup");
    const valuesGeneration = cache.generationOf("impact-values:rollup:2025:public");
    cache.invalidate("impact");
    expect(cache.get("impact:catalog")).toBeUndefined();
    expect(cache.get("impact-values:rollup:2025:public")).toBeUndefined();
    expect(cache.generationOf("impact-values:rollup:2025:public")).toBe(valuesGeneration + 1);
  });
});
