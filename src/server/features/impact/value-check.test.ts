import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { memberships, organizations } from "../../../db/schema/index.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

/*
 * The employer value check: one a year, answered by business members and champions only, shown
 * as an aggregate with the self-assessment's at-least-3 rule, never an individual answer.
 */

let ctx: TestContext;
type User = Awaited<ReturnType<typeof signUp>>;
let convener: User;
let support: User;
let outsider: User;
let business: User[];
let champion: User;
let partnership: { id: string; slug: string };
/** Every response body of the file: none may hold an individual answer. */
const bodies: string[] = [];
const SECRET_CHANGED = "Our scrap rate fell (a private remark)";
const SECRET_TO_CHANGE = "Meet less often (another private remark)";

async function call(user: User | null, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) {
  const res = await ctx.app.inject({
    method,
    url,
    headers: user ? { cookie: user.cookie } : {},
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  bodies.push(res.body);
  return res;
}
const base = () => `/api/partnerships/${partnership.id}/value-checks`;
const open = (user: User, year: number) => call(user, "POST", base(), { year });
const answer = (user: User | null, year: number, body: unknown) =>
  call(user, "PUT", `${base()}/${year}/answer`, body);
const close = (user: User, year: number) => call(user, "POST", `${base()}/${year}/close`);
const list = async (user: User) => {
  const res = await call(user, "GET", base());
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{
    items: { year: number; status: string; answers: number; answered: boolean; results: unknown }[];
    canManage: boolean;
    canAnswer: boolean;
  }>();
};
const storedAnswers = async () =>
  (await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from employer_value_answers`))[0]
    .n;

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  partnership = await createPartnership(ctx, convener.cookie, { name: "Value Check Partnership" });
  const db = ctx.deps.db;
  const [acme] = await db
    .insert(organizations)
    .values({ partnershipId: partnership.id, name: "Acme Tooling", kind: "business" })
    .returning();
  const [board] = await db
    .insert(organizations)
    .values({ partnershipId: partnership.id, name: "Workforce Board", kind: "workforce_development" })
    .returning();
  const seat = async (
    name: string,
    role: "business_member" | "champion" | "support",
    organizationId: string,
  ) => {
    const user = await signUp(ctx, name);
    await db
      .insert(memberships)
      .values({ partnershipId: partnership.id, personId: user.personId, organizationId, role });
    return user;
  };
  business = [];
  for (const name of ["Bea Business", "Bo Business", "Bi Business"])
    business.push(await seat(name, "business_member", acme.id));
  champion = await seat("Cham Pion", "champion", acme.id);
  support = await seat("Sam Support", "support", board.id);
  outsider = await signUp(ctx, "Olive Outsider");
  await ctx.deps.db.execute(sql`delete from outbox`);
});
afterAll(() => ctx.close());

describe("opening a check", () => {
  it("lets only the convener open the year's check, once a year (a second opening is 409)", async () => {
    expect((await open(support, 2026)).statusCode).toBe(403);
    expect((await open(business[0], 2026)).statusCode).toBe(403);
    const res = await open(convener, 2026);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ year: 2026, status: "open", answers: 0, minimum: 3, results: null });
    const again = await open(convener, 2026);
    expect(again.statusCode).toBe(409);
    expect(again.headers["content-type"]).toContain("application/problem+json");
    expect(
      (
        await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from employer_value_checks`)
      )[0].n,
    ).toBe(1);
  });

  it("tells the business members and champion, in the app and by e-mail with a link; nobody else", async () => {
    const link = `/p/${partnership.slug}/value-check`;
    const notices = await queryRows<{ user_id: string; link: string }>(
      ctx.deps.db,
      sql`select user_id, link from notifications where kind = 'value_check_opened'`,
    );
    expect(notices.map((n) => n.user_id).sort()).toEqual([...business, champion].map((u) => u.userId).sort());
    expect(notices.every((n) => n.link === link)).toBe(true);
    const mails = await queryRows<{ to: string; text: string; unsubscribe_url: string | null }>(
      ctx.deps.db,
      sql`select "to", text, unsubscribe_url from outbox`,
    );
    expect(mails.map((m) => m.to).sort()).toEqual([...business, champion].map((u) => u.email).sort());
    for (const m of mails) {
      expect(m.text).toContain(`${link}`);
      expect(m.text).toContain("Is this partnership worth your time?");
      expect(m.unsubscribe_url).toBeTruthy();
    }
  });

  it("refuses bad input naming the field, never a 500", async () => {
    for (const year of [1989, 2101, 2026.5, "2026", 1e308]) {
      const res = await open(convener, year as number);
      expect(res.statusCode, String(year)).toBe(400);
      expect(res.json().errors[0].field).toBe("year");
    }
    for (const worth of [11, -1, 7.5, "9", 1e308]) {
      const res = await answer(business[0], 2026, { worth });
      expect(res.statusCode, String(worth)).toBe(400);
      expect(res.json().errors[0].field).toBe("worth");
    }
    expect((await answer(business[0], 2026, { worth: 5, extra: 1 })).statusCode).toBe(400);
    expect((await answer(business[0], 2026, { worth: 5, changed: "x".repeat(2001) })).statusCode).toBe(400);
    expect((await call(business[0], "PUT", `${base()}/20x6/answer`, { worth: 5 })).statusCode).toBe(400);
    expect((await call(business[0], "PUT", `${base()}/9999/answer`, { worth: 5 })).statusCode).toBe(400);
    expect(await storedAnswers()).toBe(0);
  });
});

describe("answering", () => {
  it("refuses public partners, observers of other partnerships and visitors; nothing is saved", async () => {
    expect((await answer(support, 2026, { worth: 10 })).statusCode).toBe(403);
    expect((await answer(outsider, 2026, { worth: 10 })).statusCode).toBe(403);
    expect((await answer(convener, 2026, { worth: 10 })).statusCode).toBe(403);
    expect((await answer(null, 2026, { worth: 10 })).statusCode).toBe(401);
    expect((await answer(business[0], 2024, { worth: 10 })).statusCode).toBe(404);
    expect(await storedAnswers()).toBe(0);
  });

  it("takes one answer per business member and replaces it while open", async () => {
    const first = await answer(business[0], 2026, { worth: 2, changed: "first try", toChange: "" });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ answers: 1, answered: true, results: null });
    const replaced = await answer(business[0], 2026, {
      worth: 6,
      changed: SECRET_CHANGED,
      toChange: SECRET_TO_CHANGE,
    });
    expect(replaced.json()).toMatchObject({ answers: 1, answered: true });
    const rows = await queryRows<{ worth: number; changed: string }>(
      ctx.deps.db,
      sql`select worth, changed from employer_value_answers`,
    );
    expect(rows).toEqual([{ worth: 6, changed: SECRET_CHANGED }]);
    expect((await answer(champion, 2026, { worth: 8 })).json()).toMatchObject({ answers: 2 });
    expect((await list(business[1])).items[0]).toMatchObject({ answers: 2, answered: false, results: null });
  });

  it("shows members only the count while open, and nothing to outsiders", async () => {
    expect((await answer(business[1], 2026, { worth: 10, toChange: SECRET_TO_CHANGE })).statusCode).toBe(200);
    const seen = await list(support);
    expect(seen).toMatchObject({ canManage: false, canAnswer: false });
    expect(seen.items).toEqual([expect.objectContaining({ answers: 3, status: "open", results: null })]);
    expect((await list(business[2])).canAnswer).toBe(true);
    expect((await list(convener)).canManage).toBe(true);
    expect((await call(outsider, "GET", base())).statusCode).toBe(403);
    expect((await call(null, "GET", base())).statusCode).toBe(401);
  });
});

describe("closing", () => {
  it("with 2 answers shows only the count and records no indicator value", async () => {
    expect((await open(convener, 2025)).statusCode).toBe(201);
    await answer(business[0], 2025, { worth: 0 });
    await answer(business[1], 2025, { worth: 10 });
    expect((await close(support, 2025)).statusCode).toBe(403);
    const res = await close(convener, 2025);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "closed", answers: 2, results: null });
    expect((await list(business[0])).items.find((i) => i.year === 2025)).toMatchObject({
      answers: 2,
      results: null,
    });
    const values = await queryRows(
      ctx.deps.db,
      sql`select value from measurements where indicator_key = 'employer_value_worth' and period = '2025'`,
    );
    expect(values).toEqual([]);
  });

  it("with 3 answers shows the exact average and bands, and records the average as the indicator's value", async () => {
    const res = await close(convener, 2026);
    expect(res.statusCode, res.body).toBe(200);
    // 6, 8 and 10: one in each band.
    expect(res.json().results).toEqual({ average: 8, bands: { low: 1, middle: 1, high: 1 }, netScore: 0 });
    expect((await list(support)).items.find((i) => i.year === 2026)).toMatchObject({
      status: "closed",
      answers: 3,
      results: { average: 8, bands: { low: 1, middle: 1, high: 1 }, netScore: 0 },
    });
    const values = await queryRows<{ value: number; kind: string; visibility: string }>(
      ctx.deps.db,
      sql`select value, kind, visibility from measurements
          where partnership_id = ${partnership.id} and indicator_key = 'employer_value_worth' and period = '2026'`,
    );
    expect(values).toEqual([{ value: 8, kind: "actual", visibility: "community" }]);
    const measured = await call(
      support,
      "GET",
      `/api/partnerships/${partnership.id}/measurements?indicator=employer_value_worth`,
    );
    expect(measured.json().items).toEqual([expect.objectContaining({ period: "2026", value: 8 })]);
  });

  it("takes no answer after closing, and closes once", async () => {
    expect((await answer(business[2], 2026, { worth: 1 })).statusCode).toBe(409);
    expect((await close(convener, 2026)).statusCode).toBe(409);
    expect(await storedAnswers()).toBe(5);
  });

  it("never sent an individual answer in any response", () => {
    const all = bodies.join("\n");
    expect(all).not.toContain(SECRET_CHANGED);
    expect(all).not.toContain(SECRET_TO_CHANGE);
    expect(all).not.toContain("first try");
    expect(all).not.toMatch(/"worth"\s*:/);
    expect(all).not.toMatch(/"personId"\s*:/);
    for (const u of [...business, champion]) expect(all).not.toContain(u.personId);
  });
});
