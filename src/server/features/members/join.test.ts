import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import {
  createPartnership,
  createTestContext,
  sessionCookie,
  signUp,
  type TestContext,
} from "../../test-support.js";

let ctx: TestContext;
let convener: Awaited<ReturnType<typeof signUp>>;
let partnership: { id: string; slug: string };
let acme: { id: string };

const count = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(ctx.deps.db, query))[0].n;

/** Invites `email` as a business member of Acme; answers the link's token from the outbox. */
async function invite(email: string, name = "Nadia Okafor") {
  const res = await ctx.app.inject({
    method: "POST",
    url: `/api/partnerships/${partnership.id}/invitations`,
    headers: { cookie: convener.cookie },
    payload: { email, name, role: "business_member", organizationId: acme.id },
  });
  expect(res.statusCode).toBe(201);
  const [mail] = await queryRows<{ text: string }>(
    ctx.deps.db,
    sql`select text from outbox where "to" = ${email} order by created_at desc`,
  );
  return /\/invitations\/([\w-]+)/.exec(mail.text)![1];
}

const join = (token: string, payload: object = {}) =>
  ctx.app.inject({ method: "POST", url: `/api/invitations/${token}/join`, payload });

const fresh = () => `invitee-${randomBytes(4).toString("hex")}@example.org`;

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  partnership = await createPartnership(ctx, convener.cookie);
  acme = (
    await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${partnership.id}/organizations`,
      headers: { cookie: convener.cookie },
      payload: { name: "Acme Precision Machining", kind: "business" },
    })
  ).json();
});
afterAll(() => ctx.close());

describe("joining by an invitation's link", () => {
  it("makes the account without a password, signs it in and seats it, once", async () => {
    const email = fresh();
    const token = await invite(email);
    const res = await join(token, { name: "Nadia Okafor-Reyes" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      partnershipId: partnership.id,
      slug: partnership.slug,
      role: "business_member",
      created: true,
    });
    const me = await ctx.app.inject({ url: "/api/me", headers: { cookie: sessionCookie(res) } });
    expect(me.json()).toMatchObject({
      email,
      name: "Nadia Okafor-Reyes",
      hasPassword: false,
      partnerships: [{ id: partnership.id, role: "business_member" }],
    });
    // No password yet: a password sign-in is refused like a wrong one.
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password: "" + "x".repeat(12) },
    });
    expect(login.statusCode).toBe(401);
    // The link worked once.
    const again = await join(token);
    expect(again.statusCode).toBe(410);
    expect(await count(sql`select count(*)::int as n from users where email = ${email}`)).toBe(1);
  });

  it("lets that account add a password without a current one, and then sign in with it", async () => {
    const email = fresh();
    const res = await join(await invite(email));
    const cookie = sessionCookie(res);
    // Deleting the account asks for a password it does not have yet: it says to add one first.
    const remove = await ctx.app.inject({
      method: "DELETE",
      url: "/api/me",
      headers: { cookie },
      payload: { currentPassword: "anything at all" },
    });
    expect(remove.statusCode).toBe(400);
    expect(remove.json().errors).toEqual([
      { field: "currentPassword", message: expect.stringMatching(/no password yet/) },
    ]);
    const set = await ctx.app.inject({
      method: "PATCH",
      url: "/api/me",
      headers: { cookie },
      payload: { newPassword: "lantern orchard quietly" },
    });
    expect(set.statusCode).toBe(200);
    const me = await ctx.app.inject({ url: "/api/me", headers: { cookie } });
    expect(me.json()).toMatchObject({ hasPassword: true, name: "Nadia Okafor" });
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password: "lantern orchard quietly" },
    });
    expect(login.statusCode).toBe(200);
    // From now on, changing it asks for the current one.
    const change = await ctx.app.inject({
      method: "PATCH",
      url: "/api/me",
      headers: { cookie },
      payload: { newPassword: "another long passphrase" },
    });
    expect(change.statusCode).toBe(400);
    expect(change.json().errors).toEqual([{ field: "currentPassword", message: expect.any(String) }]);
  });

  it("signs in the address's existing account, keeping its password and name", async () => {
    const owner = await signUp(ctx, "Omar Owner");
    const users = await count(sql`select count(*)::int as n from users`);
    const res = await join(await invite(owner.email, "O. Owner"), { name: "Someone Else" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: false });
    const me = await ctx.app.inject({ url: "/api/me", headers: { cookie: sessionCookie(res) } });
    expect(me.json()).toMatchObject({ id: owner.userId, name: "Omar Owner", hasPassword: true });
    expect(await count(sql`select count(*)::int as n from users`)).toBe(users);
  });

  it("never opens a community admin's account: they sign in first, then accept", async () => {
    const admin = await signUp(ctx, "Ada Admin");
    await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
    const token = await invite(admin.email);
    const res = await join(token);
    expect(res.statusCode).toBe(401);
    expect(res.headers["set-cookie"]).toBeUndefined();
    const accept = await ctx.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      headers: { cookie: admin.cookie },
    });
    expect(accept.statusCode).toBe(200);
  });

  it("refuses a withdrawn, expired or unknown link and a bad name, making no account", async () => {
    const users = await count(sql`select count(*)::int as n from users`);
    const revoked = fresh();
    const revokedToken = await invite(revoked);
    const [row] = await queryRows<{ id: string; version: number }>(
      ctx.deps.db,
      sql`select id, version from invitations where email = ${revoked}`,
    );
    const revoke = await ctx.app.inject({
      method: "DELETE",
      url: `/api/partnerships/${partnership.id}/invitations/${row.id}`,
      headers: { cookie: convener.cookie },
      payload: { version: row.version },
    });
    expect(revoke.statusCode).toBeLessThan(300);
    const withdrawn = await join(revokedToken);
    expect(withdrawn.statusCode).toBe(410);
    expect(withdrawn.json().detail).toMatch(/withdrawn/);

    const late = fresh();
    const lateToken = await invite(late);
    ctx.advance(40 * 86_400_000);
    try {
      const expired = await join(lateToken);
      expect(expired.statusCode).toBe(410);
      expect(expired.json().detail).toMatch(/expired/);
    } finally {
      ctx.advance(-40 * 86_400_000);
    }

    expect((await join("x".repeat(43))).statusCode).toBe(404);
    const bad = await join(await invite(fresh()), { name: "x".repeat(500) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: "name", message: expect.any(String) }]);
    const extra = await join(await invite(fresh()), { password: "sneaky extra field" });
    expect(extra.statusCode).toBe(400);
    expect(await count(sql`select count(*)::int as n from users`)).toBe(users);
  });
});
