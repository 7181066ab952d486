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
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const PASSWORD = "correct horse battery";
const row = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(ctx.deps.db, query))[0];
const userRow = (userId: string) =>
  row<{ email: string; name: string; password_hash: string; deleted_at: Date | null }>(
    sql`select email, name, password_hash, deleted_at from users where id = ${userId}`,
  );
const login = (email: string, password: string) =>
  ctx.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
const patchMe = (cookie: string, payload: Record<string, unknown>) =>
  ctx.app.inject({ method: "PATCH", url: "/api/me", headers: { cookie }, payload });

describe("who may use the account routes", () => {
  it("answers 401 to a visitor for every change and the export", async () => {
    for (const [method, url] of [
      ["PATCH", "/api/me"],
      ["POST", "/api/me/email"],
      ["POST", "/api/me/sessions/end-others"],
      ["GET", "/api/me/export"],
      ["DELETE", "/api/me"],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: method === "GET" ? undefined : {} });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });
});

describe("PATCH /api/me", () => {
  it("renames the account and its person", async () => {
    const { cookie, userId, personId } = await signUp(ctx, "Old Name");
    const res = await patchMe(cookie, { name: "  New Name " });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: "New Name" });
    expect((await userRow(userId)).name).toBe("New Name");
    expect((await row<{ name: string }>(sql`select name from people where id = ${personId}`)).name).toBe(
      "New Name",
    );
  });

  it("changes the password only with the current one, and signs out the other sessions", async () => {
    const { cookie, email, userId } = await signUp(ctx);
    const other = sessionCookie(await login(email, PASSWORD));
    const before = (await userRow(userId)).password_hash;

    const missing = await patchMe(cookie, { newPassword: "lantern orchard quietly" });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([
      { field: "currentPassword", message: expect.stringContaining("required") },
    ]);
    const wrong = await patchMe(cookie, {
      currentPassword: "not it at all",
      newPassword: "lantern orchard quietly",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      { field: "currentPassword", message: expect.stringContaining("not your current") },
    ]);
    const weak = await patchMe(cookie, { currentPassword: PASSWORD, newPassword: "password1234" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([
      { field: "newPassword", message: expect.stringContaining("add another word") },
    ]);
    expect((await userRow(userId)).password_hash).toBe(before);
    expect((await ctx.app.inject({ url: "/api/me", headers: { cookie: other } })).json()).toMatchObject({
      email,
    });

    const ok = await patchMe(cookie, { currentPassword: PASSWORD, newPassword: "lantern orchard quietly" });
    expect(ok.statusCode).toBe(200);
    expect((await ctx.app.inject({ url: "/api/me", headers: { cookie } })).json()).toMatchObject({ email });
    expect((await ctx.app.inject({ url: "/api/me", headers: { cookie: other } })).json()).toBeNull();
    expect((await login(email, PASSWORD)).statusCode).toBe(401);
    expect((await login(email, "lantern orchard quietly")).statusCode).toBe(200);
  });

  it("refuses an empty body and unknown fields", async () => {
    const { cookie } = await signUp(ctx);
    expect((await patchMe(cookie, {})).statusCode).toBe(400);
    const res = await patchMe(cookie, { isAdmin: true });
    expect(res.json().errors).toEqual(
      expect.arrayContaining([{ field: "isAdmin", message: expect.any(String) }]),
    );
  });
});

describe("changing the e-mail address", () => {
  it("changes it only when the link sent to the new address is opened, once", async () => {
    const { cookie, email, userId } = await signUp(ctx);
    const newEmail = `moved-${userId.slice(0, 8)}@example.org`;
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/me/email",
      headers: { cookie },
      payload: { email: newEmail, currentPassword: PASSWORD },
    });
    expect(res.statusCode).toBe(202);
    expect((await userRow(userId)).email).toBe(email);
    const mail = await row<{ text: string }>(sql`select text from outbox where "to" = ${newEmail}`);
    const token = /\/me\/email\/([\w-]+)/.exec(mail.text)![1];
    const notice = await row<{ subject: string }>(
      sql`select subject from outbox where "to" = ${email} order by created_at desc, id desc limit 1`,
    );
    expect(notice.subject).toContain("about to change");
    const confirm = () =>
      ctx.app.inject({ method: "POST", url: "/api/me/email/confirm", payload: { token } });
    expect((await confirm()).json()).toEqual({ email: newEmail });
    expect((await userRow(userId)).email).toBe(newEmail);
    expect(
      (await row<{ email: string }>(sql`select email from people where user_id = ${userId}`)).email,
    ).toBe(newEmail);
    expect((await confirm()).statusCode).toBe(410);
    expect((await login(newEmail, PASSWORD)).statusCode).toBe(200);
  });

  it("refuses an address another account uses, and a wrong password, sending nothing", async () => {
    const a = await signUp(ctx);
    const b = await signUp(ctx);
    const outbox = async () => (await row<{ n: number }>(sql`select count(*)::int as n from outbox`)).n;
    const before = await outbox();
    const taken = await ctx.app.inject({
      method: "POST",
      url: "/api/me/email",
      headers: { cookie: a.cookie },
      payload: { email: b.email, currentPassword: PASSWORD },
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors).toEqual([
      { field: "email", message: expect.stringContaining("another account") },
    ]);
    const wrong = await ctx.app.inject({
      method: "POST",
      url: "/api/me/email",
      headers: { cookie: a.cookie },
      payload: { email: "fresh@example.org", currentPassword: "not my password" },
    });
    expect(wrong.json().errors).toEqual([{ field: "currentPassword", message: expect.any(String) }]);
    expect(await outbox()).toBe(before);
    expect(await row(sql`select * from email_changes where user_id = ${a.userId}`)).toBeUndefined();
  });
});

describe("signing out of other sessions", () => {
  it("ends every session but this one", async () => {
    const { cookie, email } = await signUp(ctx);
    const others = [sessionCookie(await login(email, PASSWORD)), sessionCookie(await login(email, PASSWORD))];
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/me/sessions/end-others",
      headers: { cookie },
    });
    expect(res.json()).toEqual({ ended: 2 });
    for (const other of others) {
      expect((await ctx.app.inject({ url: "/api/me", headers: { cookie: other } })).json()).toBeNull();
    }
    expect((await ctx.app.inject({ url: "/api/me", headers: { cookie } })).json()).toMatchObject({ email });
  });
});

describe("GET /api/me/export", () => {
  it("holds the account, person, memberships, posts and no secrets", async () => {
    const { cookie, email, userId } = await signUp(ctx, "Exporting Person");
    const p = await createPartnership(ctx, cookie, { name: "Export Valley Manufacturing" });
    const thread = await ctx.app.inject({
      method: "POST",
      url: "/api/discussions",
      headers: { cookie },
      payload: { title: "My exported question", category: "launching", body: "What do you export?" },
    });
    expect(thread.statusCode).toBe(201);
    const res = await ctx.app.inject({ url: "/api/me/export", headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("attachment");
    const data = res.json();
    expect(data.account).toMatchObject({ id: userId, email, name: "Exporting Person" });
    expect(data.person).toMatchObject({ name: "Exporting Person", email });
    expect(data.memberships).toEqual([expect.objectContaining({ partnership_id: p.id, role: "convener" })]);
    expect(data.posts).toEqual([expect.objectContaining({ kind: "thread", title: "My exported question" })]);
    expect(data.ballots).toEqual([]);
    expect(data.attendance).toEqual([]);
    expect(res.body).not.toContain("token_hash");
    expect(res.body).not.toContain("scrypt$");
  });
});

describe("DELETE /api/me", () => {
  it("is refused with 409 while I am a partnership's last convener, changing nothing", async () => {
    const { cookie, userId } = await signUp(ctx, "Last Convener");
    await createPartnership(ctx, cookie, { name: "Handover Needed Partnership" });
    const before = await userRow(userId);
    const res = await ctx.app.inject({
      method: "DELETE",
      url: "/api/me",
      headers: { cookie },
      payload: { currentPassword: PASSWORD },
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().detail).toContain("Hand over first");
    expect(res.json().detail).toContain("Handover Needed Partnership");
    expect(await userRow(userId)).toEqual(before);
  });

  it("erases personal data, ends sessions and keeps contributions", async () => {
    const owner = await signUp(ctx, "Staying Convener");
    const p = await createPartnership(ctx, owner.cookie, { name: "Contributions Kept Partnership" });
    const { cookie, email, userId, personId } = await signUp(ctx, "Leaving Member");
    // A second convener: deleting is allowed when someone else can run the partnership.
    await ctx.deps.db.execute(
      sql`insert into memberships (partnership_id, person_id, role) values (${p.id}, ${personId}, 'convener')`,
    );
    const other = sessionCookie(await login(email, PASSWORD));
    const thread = await ctx.app.inject({
      method: "POST",
      url: "/api/discussions",
      headers: { cookie },
      payload: { title: "A question that stays", category: "launching", body: "Still useful to others." },
    });
    const wrong = await ctx.app.inject({
      method: "DELETE",
      url: "/api/me",
      headers: { cookie },
      payload: { currentPassword: "not my password" },
    });
    expect(wrong.statusCode).toBe(400);
    expect((await userRow(userId)).deleted_at).toBeNull();

    const res = await ctx.app.inject({
      method: "DELETE",
      url: "/api/me",
      headers: { cookie },
      payload: { currentPassword: PASSWORD },
    });
    expect(res.statusCode).toBe(204);
    const user = await userRow(userId);
    expect(user.name).toBe("Former member");
    expect(user.email).not.toContain(email.split("@")[0]);
    expect(user.deleted_at).not.toBeNull();
    const person = await row<{ name: string; email: string | null }>(
      sql`select name, email from people where id = ${personId}`,
    );
    expect(person).toEqual({ name: "Former member", email: null });
    expect(
      (await row<{ n: number }>(sql`select count(*)::int as n from sessions where user_id = ${userId}`)).n,
    ).toBe(0);
    for (const c of [cookie, other]) {
      expect((await ctx.app.inject({ url: "/api/me", headers: { cookie: c } })).json()).toBeNull();
    }
    expect((await login(email, PASSWORD)).statusCode).toBe(401);
    const kept = await row<{ title: string; author_id: string }>(
      sql`select title, author_id from discussion_threads where id = ${thread.json<{ id: string }>().id}`,
    );
    expect(kept).toEqual({ title: "A question that stays", author_id: userId });
    // The address is free for a new account.
    const again = await signUp(ctx, "Someone New", { email });
    expect(again.userId).not.toBe(userId);
  });
});
