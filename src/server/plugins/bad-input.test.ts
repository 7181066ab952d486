import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { queryRows } from "../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../test-support.js";

let ctx: TestContext;
let cookie: string;
let partnership: { id: string; slug: string };

beforeAll(async () => {
  ctx = await createTestContext();
  ({ cookie } = await signUp(ctx, "Nora Nul"));
  partnership = await createPartnership(ctx, cookie);
});
afterAll(() => ctx.close());

const partnershipCount = async () =>
  (await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from partnerships`))[0]?.n;

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** A problem+json answer with this status; its body. */
function problem(res: LightMyRequestResponse, status: number): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = res.json<Problem>();
  expect(body).toMatchObject({
    type: expect.any(String),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
  return body;
}

const fields = (body: Problem) => body.errors?.map((e) => e.field);

describe("the address", () => {
  it("refuses a NUL byte in a path parameter of an anonymous GET with 400 naming params.id", async () => {
    const body = problem(await ctx.app.inject({ url: "/api/partnerships/%00" }), 400);
    expect(body.errors).toEqual([
      { field: "params.id", message: "contains a NUL byte or broken Unicode; remove it" },
    ]);
    expect(body.detail).toBe("params.id: contains a NUL byte or broken Unicode; remove it");
  });

  it("refuses a NUL byte in the query string of the public searches with 400 naming q", async () => {
    for (const url of [
      "/api/partnerships?q=%00",
      "/api/reference/naics?q=a%00b",
      "/api/partnerships?page=1&q=x%00",
    ]) {
      expect(fields(problem(await ctx.app.inject({ url }), 400)), url).toEqual(["q"]);
    }
  });

  it("refuses percent-encodings in the query that are not UTF-8 (a lone surrogate, a stray byte)", async () => {
    for (const q of ["%ED%A0%80", "%FF", "ab%C3", "%F0%9F%98"]) {
      const body = problem(await ctx.app.inject({ url: `/api/partnerships?q=${q}` }), 400);
      expect(fields(body), q).toEqual(["q"]);
    }
    // A whole character, and a '%' that encodes nothing, are text.
    expect((await ctx.app.inject({ url: "/api/partnerships?q=%F0%9F%98%80" })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: "/api/partnerships?q=100%" })).statusCode).toBe(200);
  });

  it("names a broken query key as well as it can", async () => {
    const body = problem(await ctx.app.inject({ url: "/api/partnerships?q%00x=1" }), 400);
    expect(fields(body)).toEqual(["qx"]);
  });

  it("answers a broken percent-encoding in the path with problem+json naming the path", async () => {
    for (const id of ["%ED%A0%80", "%FF", "%E0%A4", "%"]) {
      const body = problem(await ctx.app.inject({ url: `/api/partnerships/${id}` }), 400);
      expect(fields(body), id).toEqual(["path"]);
    }
  });

  it("answers a path parameter over 200 characters with 414 problem+json, and reads one of 200", async () => {
    const long = problem(await ctx.app.inject({ url: `/api/partnerships/${"a".repeat(201)}` }), 414);
    expect(long.detail).toMatch(/longer than 200 characters; shorten it/);
    // 200 characters reach the route, whose own schema then answers.
    const fits = await ctx.app.inject({ url: `/api/partnerships/${"a".repeat(200)}` });
    expect(fits.statusCode).not.toBe(414);
    expect(fits.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("refuses a NUL byte in a signed-in route's path", async () => {
    const res = await ctx.app.inject({
      url: `/api/partnerships/${partnership.id}%00/members`,
      headers: { cookie },
    });
    expect(fields(problem(res, 400))).toEqual(["params.id"]);
  });
});

describe("JSON bodies", () => {
  const create = (payload: string) =>
    ctx.app.inject({
      method: "POST",
      url: "/api/partnerships",
      headers: { cookie, "content-type": "application/json" },
      payload,
    });
  const valid = {
    name: "Front Range Health Partnership",
    setting: "metro",
    counties: ["08031"],
    naics: ["62"],
  };

  it("refuses a NUL byte in a field, naming it, and stores nothing", async () => {
    const before = await partnershipCount();
    const body = problem(await create(JSON.stringify({ ...valid, name: "Front\u0000Range" })), 400);
    expect(body.errors).toEqual([
      { field: "name", message: "contains a NUL byte or broken Unicode; remove it" },
    ]);
    expect(await partnershipCount()).toBe(before);
  });

  it("refuses a lone surrogate, which would otherwise be stored as U+FFFD", async () => {
    const before = await partnershipCount();
    const body = problem(await create(JSON.stringify({ ...valid, name: "Front \ud800 Range" })), 400);
    expect(fields(body)).toEqual(["name"]);
    expect(await partnershipCount()).toBe(before);
  });

  it("finds them at any depth and in keys, naming the path like validation errors do", async () => {
    const payload = JSON.stringify({
      ...valid,
      counties: ["08031", "0\u00008005"],
      extra: { "k\u0000ey": 1 },
    });
    const body = problem(await create(payload), 400);
    expect(fields(body)?.sort()).toEqual(["counties.1", "extra.key"]);
    expect(body.errors?.find((e) => e.field === "extra.key")?.message).toBe(
      "its name contains a NUL byte or broken Unicode; remove it",
    );
  });

  it("reads a body nested ten thousand deep without failing", async () => {
    const deep = `${"[".repeat(10_000)}"\\u0000"${"]".repeat(10_000)}`;
    problem(await create(deep), 400);
  });

  it("checks anonymous routes' bodies too, after the access check for signed-in ones", async () => {
    const signup = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { email: "nul@example.org", name: "N\u0000" },
    });
    expect(fields(problem(signup, 400))).toEqual(["name"]);
    const anonymous = await ctx.app.inject({
      method: "POST",
      url: "/api/partnerships",
      payload: { name: "\u0000" },
    });
    problem(anonymous, 401);
  });
});

describe("CSV bodies", () => {
  it("refuses an import with a NUL byte, naming its line, and imports nothing", async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from measurements`))[0]?.n;
    const before = await count();
    const file = [
      "indicator,period,value,kind,visibility,source,note",
      "credentials_attained,2022,40,actual,public,College records,",
      "credentials_attained,2023,55,actual,public,College\u0000 records,",
    ].join("\n");
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${partnership.id}/measurements/import`,
      headers: { cookie, "content-type": "text/csv" },
      payload: file,
    });
    const body = problem(res, 400);
    expect(body.errors).toEqual([
      { field: "body", message: "contains a NUL byte or broken Unicode; remove it (line 3)" },
    ]);
    expect(await count()).toBe(before);
  });
});
