import { describe, expect, it } from "vitest";
import { AnswerCache, isAnswerTopic, periodValues } from "./answer-cache.js";

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

  it("forgets one period's value answers on a change of that period's values, and every period's on a change of all values", async () => {
    const cache = new AnswerCache();
    const p2025 = periodValues("2025");
    const p2026 = periodValues("2026");
    expect([p2025, p2026, periodValues("2026-Q3")]).toEqual([
      "impact-values/2025",
      "impact-values/2026",
      "impact-values/2026-Q3",
    ]);
    // A period that could not name a topic stands for all values.
    expect(periodValues("20:26")).toBe("impact-values");
    await cache.remember("impact:catalog", async () => "catalog");
    await cache.remember(`${p2025}:rollup:2025:public`, async () => "rollup 2025");
    await cache.remember(`${p2026}:rollup:2026:public`, async () => "rollup 2026");
    const slow2025 = cache.remember(`${p2025}:peers:jobs:2025`, async () => {
      await Promise.resolve();
      return "peers read across the change";
    });
    const generation2025 = cache.generationOf(`${p2025}:peers:jobs:2025`);
    cache.invalidate(p2026);
    await slow2025;
    // 2025 untouched, a 2025 read across the 2026 change stored; 2026 forgotten.
    expect(cache.generationOf(`${p2025}:peers:jobs:2025`)).toBe(generation2025);
    expect(cache.get(`${p2025}:peers:jobs:2025`)).toBe('"peers read across the change"');
    expect(cache.get(`${p2025}:rollup:2025:public`)).toBe('"rollup 2025"');
    expect(cache.get(`${p2026}:rollup:2026:public`)).toBeUndefined();
    expect(cache.get("impact:catalog")).toBe('"catalog"');
    // All values (and impact, above them) reach every period.
    await cache.remember(`${p2026}:rollup:2026:public`, async () => "rollup 2026");
    cache.invalidate("impact-values");
    expect(cache.get(`${p2025}:rollup:2025:public`)).toBeUndefined();
    expect(cache.get(`${p2026}:rollup:2026:public`)).toBeUndefined();
    expect(cache.get("impact:catalog")).toBe('"catalog"');
    await cache.remember(`${p2025}:rollup:2025:public`, async () => "rollup 2025");
    cache.invalidate("impact");
    expect(cache.get(`${p2025}:rollup:2025:public`)).toBeUndefined();
  });

  it("knows the topics a notice may name", () => {
    for (const topic of ["impact", "impact-values", "impact-values/2025", "impact-values/2025-Q3"])
      expect(isAnswerTopic(topic)).toBe(true);
    for (const topic of [
      "",
      "list",
      "impact-values/",
      "impact-values/2025;drop",
      `impact-values/${"9".repeat(30)}`,
    ])
      expect(isAnswerTopic(topic)).toBe(false);
  });
});
