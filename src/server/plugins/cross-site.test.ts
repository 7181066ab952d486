import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LightMyRequestResponse } from "fastify";
import { queryRows } from "../../db/query.js";
import { unsubscribeLinker } from "../features/digest/unsubscribe.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../test-support.js";

let ctx: TestContext;
let user: { cookie: string; userId: string };
let partnership: { id: string };

// createTestContext sets PUBLIC_URL=http://shared-table.test.
const OWN = "http://shared-table.test";

beforeAll(async () => {
  ctx = await createTestContext();
  user = await signUp(ctx, "Cora Crosby");
  partnership = await createPartnership(ctx, user.cookie);
});
afterAll(() => ctx.close());

const partnershipCount = async () =>
  (await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from partnerships`))[0]?.n;

const following = async () =>
  (
    await ctx.app.inject({
      url: `/api/partnerships/${partnership.id}/follow`,
      headers: { cookie: user.cookie },
    })
  ).json<{ following: boolean }>().following;

const create = (headers: Record<string, string>, name = "Cross Site Partnership") =>
  ctx.app.inject({
    method: "POST",
    url: "/api/partnerships",
    headers: { cookie: user.cookie, ...headers },
    payload: { name, setting: "metro", counties: ["08031"], naics: ["62"] },
  });

function problem(res: LightMyRequestResponse, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  return res.json<{ type: string; title: string; status: number; detail: string }>();
}

describe("requests from other sites", () => {
  it("refuses a cross-site POST with 403 and changes nothing", async () => {
    const before = await partnershipCount();
    const fromElsewhere: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "http://shared-table.test.evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site", origin: "https://other.shared-table.test" },
      // A forged Origin does not help when the browser says where the request came from.
      { "sec-fetch-site": "cross-site", origin: OWN },
    ];
    for (const headers of fromElsewhere) {
      const body = problem(await create(headers), 403);
      expect(body.title, JSON.stringify(headers)).toBe("Requests from other sites are refused");
      expect(body.detail).toMatch(/^Requests from other sites are refused/);
    }
    expect(await partnershipCount()).toBe(before);
  });

  it("refuses other state-changing methods from another site too (PUT, DELETE)", async () => {
    const evil = { cookie: user.cookie, origin: "https://evil.example" };
    const url = `/api/partnerships/${partnership.id}/follow`;
    problem(await ctx.app.inject({ method: "PUT", url, headers: evil }), 403);
    expect(await following()).toBe(false);
    await ctx.app.inject({ method: "PUT", url, headers: { cookie: user.cookie } });
    problem(await ctx.app.inject({ method: "DELETE", url, headers: evil }), 403);
    expect(await following()).toBe(true);
    await ctx.app.inject({ method: "DELETE", url, headers: { cookie: user.cookie } });
  });

  it("accepts the app's own origin, the request's own host, and requests without Origin", async () => {
    const before = await partnershipCount();
    expect(
      (await create({ origin: OWN, "sec-fetch-site": "same-origin" }, "Own Origin One")).statusCode,
    ).toBe(201);
    // Reached at another address than PUBLIC_URL (a LAN address), the page's origin is that host.
    const lan = { host: "192.168.1.20:3000", origin: "http://192.168.1.20:3000" };
    expect((await create(lan, "Own Host Two")).statusCode).toBe(201);
    expect((await create({ "sec-fetch-site": "none" }, "Typed Address Three")).statusCode).toBe(201);
    expect((await create({}, "Curl Four")).statusCode).toBe(201);
    expect(await partnershipCount()).toBe((before ?? 0) + 4);
  });

  it("lets another site link to pages and read public data (GET)", async () => {
    const res = await ctx.app.inject({
      url: "/api/partnerships",
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(res.statusCode).toBe(200);
  });

  it("keeps the one-click unsubscribe working from a mail client, with or without an origin", async () => {
    const make = await ctx.deps.db.transaction((tx) => unsubscribeLinker(ctx.deps, tx));
    const url = (list: "mentions" | "replies") => make(list, user.userId).oneClick.replace(OWN, "");
    const form = { "content-type": "application/x-www-form-urlencoded" };
    // A webmail's page posting from its own origin (RFC 8058 allows the mail client to do it).
    const webmail = await ctx.app.inject({
      method: "POST",
      url: url("mentions"),
      headers: { ...form, origin: "https://webmail.example", "sec-fetch-site": "cross-site" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(webmail.statusCode, webmail.body).toBe(200);
    expect(webmail.json()).toMatchObject({ mentions: false, unsubscribed: "mentions" });
    // A mail server posting with no browser headers at all.
    const server = await ctx.app.inject({
      method: "POST",
      url: url("replies"),
      headers: form,
      payload: "List-Unsubscribe=One-Click",
    });
    expect(server.json()).toMatchObject({ replies: false, unsubscribed: "replies" });
  });
});

describe("the type of a body", () => {
  it("refuses text/plain, which a form on another site can send without asking, with 415", async () => {
    // PUT follow takes no body; before this guard Fastify read a text/plain one and followed.
    const res = await ctx.app.inject({
      method: "PUT",
      url: `/api/partnerships/${partnership.id}/follow`,
      headers: { cookie: user.cookie, "content-type": "text/plain" },
      payload: "anything",
    });
    expect(problem(res, 415).detail).toBe(
      "Send the body as application/json; text/plain is not accepted here.",
    );
    expect(await following()).toBe(false);
  });

  it("refuses a form body on a JSON route, and CSV anywhere but the import, with 415", async () => {
    const before = await partnershipCount();
    problem(await create({ "content-type": "application/x-www-form-urlencoded" }), 415);
    const csvElsewhere = await ctx.app.inject({
      method: "PUT",
      url: `/api/partnerships/${partnership.id}/measurements`,
      headers: { cookie: user.cookie, "content-type": "text/csv" },
      payload: "a,b\n1,2",
    });
    expect(problem(csvElsewhere, 415).detail).toMatch(/^Send the body as application\/json; text\/csv/);
    expect(await partnershipCount()).toBe(before);
  });

  it("asks the CSV import for CSV", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${partnership.id}/measurements/import`,
      headers: { cookie: user.cookie, "content-type": "application/json" },
      payload: "{}",
    });
    expect(problem(res, 415).detail).toBe(
      "Send the body as text/csv; application/json is not accepted here.",
    );
  });

  it("refuses a body without a Content-Type on a route that reads JSON", async () => {
    const res = await ctx.app.inject({
      method: "PUT",
      url: `/api/partnerships/${partnership.id}/follow`,
      headers: { cookie: user.cookie, "content-length": "5" },
      payload: "hello",
    });
    expect(problem(res, 415).detail).toMatch(/a body without a Content-Type is not accepted here/);
  });
});
