import { describe, expect, it } from "vitest";
import type { Actor } from "../deps.js";
import { SessionCache } from "./session-cache.js";

const ana: Actor = { userId: "u1", personId: "p1", email: "ana@example.org", name: "Ana", isAdmin: false };
const ben: Actor = { userId: "u2", personId: "p2", email: "ben@example.org", name: "Ben", isAdmin: true };
const now = new Date("2026-12-03T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
const inAWeek = later(7 * 86_400_000);

function listening(capacity?: number): SessionCache<Actor> {
  const cache = new SessionCache<Actor>(capacity);
  cache.setListening(true);
  return cache;
}

describe("SessionCache", () => {
  it("serves a remembered session until a notice about its user, and never the caller's own copy", () => {
    const cache = listening();
    cache.remember("h1", ana, inAWeek, now, cache.begin());
    cache.remember("h2", ben, inAWeek, now, cache.begin());
    const got = cache.get("h1", now)!;
    expect(got).toEqual(ana);
    got.name = "changed by a caller";
    expect(cache.get("h1", now)?.name).toBe("Ana");
    cache.forgetUser("u1");
    expect(cache.get("h1", now)).toBeUndefined();
    expect(cache.get("h2", now)).toEqual(ben);
    cache.forgetSession("h2");
    expect(cache.get("h2", now)).toBeUndefined();
  });

  it("keeps nothing looked up while a notice came in", () => {
    const cache = listening();
    const generation = cache.begin();
    // The session ended while the database was answering with it.
    cache.forgetUser("u1");
    cache.remember("h1", ana, inAWeek, now, generation);
    expect(cache.get("h1", now)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("serves and keeps nothing while the notices cannot be heard", () => {
    const cache = new SessionCache<Actor>();
    cache.remember("h1", ana, inAWeek, now, cache.begin());
    expect(cache.size).toBe(0);
    cache.setListening(true);
    cache.remember("h1", ana, inAWeek, now, cache.begin());
    expect(cache.get("h1", now)).toEqual(ana);
    cache.setListening(false);
    expect(cache.get("h1", now)).toBeUndefined();
    cache.setListening(true);
    // What was remembered before the link dropped is gone: notices may have been missed.
    expect(cache.get("h1", now)).toBeUndefined();
  });

  it("stops at the session's end and after a minute without a word", () => {
    const cache = listening();
    cache.remember("short", ana, later(5_000), now, cache.begin());
    cache.remember("long", ben, inAWeek, now, cache.begin());
    expect(cache.get("short", later(4_999))).toEqual(ana);
    expect(cache.get("short", later(5_000))).toBeUndefined();
    expect(cache.get("long", later(60_000))).toEqual(ben);
    expect(cache.get("long", later(60_001))).toBeUndefined();
  });

  it("drops the least recently used session when full", () => {
    const cache = listening(2);
    cache.remember("a", ana, inAWeek, now, cache.begin());
    cache.remember("b", ben, inAWeek, now, cache.begin());
    cache.get("a", now);
    cache.remember("c", { ...ben, userId: "u3" }, inAWeek, now, cache.begin());
    expect(cache.size).toBe(2);
    expect(cache.get("b", now)).toBeUndefined();
    expect(cache.get("a", now)).toEqual(ana);
  });
});
