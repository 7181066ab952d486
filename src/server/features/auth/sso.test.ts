import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { readConfig } from "../../config.js";
import { createTestContext, sessionCookie, signUp, type TestContext } from "../../test-support.js";
import { followToCallback, startTestOidcProvider, type TestOidcProvider } from "./test-oidc-provider.js";

const PUBLIC_URL = "http://shared-table.test";
const callbackOf = (id: string) => `${PUBLIC_URL}/signin/sso/${id}/callback`;

let ctx: TestContext;
let idp: TestOidcProvider;
/** A second provider, whose e-mail claims come only from its UserInfo endpoint. */
let other: TestOidcProvider;
let existing: Awaited<ReturnType<typeof signUp>>;
let admin: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  idp = await startTestOidcProvider({
    redirectUris: [callbackOf("work"), callbackOf("trusted")],
    accounts: {
      alice: { email: "alice@acme.test", email_verified: true, name: "Alice Acme" },
      bob: { email: "placeholder@example.org", email_verified: true, name: "Bob Existing" },
      uma: { email: "uma@acme.test", email_verified: false, name: "Uma Unverified" },
      nora: { email: "nora@acme.test", name: "Nora No-Claim" },
      xena: { email: "xena@acme.test", xms_edov: true, name: "Xena Entra" },
      dave: { email: "dave.work@acme.test", email_verified: false, name: "Dave Work" },
      carol: { email: "carol@corp.test", email_verified: true, name: "Carol Corp" },
      erin: { email: "erin@corp.test", email_verified: true, name: "Erin Corp" },
    },
  });
  other = await startTestOidcProvider({
    redirectUris: [callbackOf("other")],
    emailInIdToken: false,
    accounts: {
      olga: { email: "olga@other.test", email_verified: true, name: "Olga Other" },
      carol: { email: "carol@corp.test", email_verified: true, name: "Carol Elsewhere" },
    },
  });
  ctx = await createTestContext({
    SSO_PROVIDERS: JSON.stringify([
      idp.providerConfig("work", "Work Account"),
      other.providerConfig("other", "Other Co"),
      // The same issuer again, as one whose addresses its administrators set (trustEmail).
      { ...idp.providerConfig("trusted", "Trusted Tenant"), trustEmail: true },
    ]),
  });
  existing = await signUp(ctx, "Bea Before");
  idp.accounts.bob.email = existing.email.toUpperCase();
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
}, 60_000);
afterAll(async () => {
  await ctx?.close();
  await idp?.close();
  await other?.close();
});

/** Starts a sign-in in a fresh browser (or `browser`'s), answers its cookie and the provider's address. */
async function start(providerId: string, body: object = {}, cookie?: string) {
  const response = await ctx.app.inject({
    method: "POST",
    url: `/api/auth/sso/${providerId}/start`,
    payload: body,
    ...(cookie ? { headers: { cookie } } : {}),
  });
  const set = response.cookies.find((c) => c.name === "st_sso_browser");
  const browser = set ? `st_sso_browser=${set.value}` : undefined;
  return { response, browser, url: response.statusCode === 200 ? response.json<{ url: string }>().url : "" };
}

/** Signs in at the provider as `account` and answers the callback's query string. */
async function atProvider(provider: TestOidcProvider, providerId: string, url: string, account: string) {
  provider.nextAccount = account;
  const back = await followToCallback(url, callbackOf(providerId));
  return back.search;
}

function callback(providerId: string, query: string, cookie?: string) {
  return ctx.app.inject({
    method: "POST",
    url: `/api/auth/sso/${providerId}/callback`,
    payload: { query },
    ...(cookie ? { headers: { cookie } } : {}),
  });
}

/** The whole journey: start, sign in at the provider, come back. */
async function signInWith(provider: TestOidcProvider, providerId: string, account: string, next?: string) {
  const started = await start(providerId, next ? { next } : {});
  expect(started.response.statusCode, started.response.body).toBe(200);
  const query = await atProvider(provider, providerId, started.url, account);
  return { response: await callback(providerId, query, started.browser), query, browser: started.browser };
}

/** What a refusal must leave as it was. */
async function snapshot() {
  const [row] = await queryRows<Record<string, string>>(
    ctx.deps.db,
    sql`select (select count(*) from users)::text as users,
               (select count(*) from people)::text as people,
               (select count(*) from sessions)::text as sessions,
               (select count(*) from user_identities)::text as identities,
               (select coalesce(max(last_used_at)::text, '') from user_identities) as last_used,
               (select count(*) from sso_logins where used_at is not null)::text as used_logins`,
  );
  return row;
}

function expectProblem(
  response: { statusCode: number; json: () => unknown; headers: Record<string, unknown> },
  status: number,
  reason: string,
) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers["content-type"])).toContain("application/problem+json");
  expect(response.json()).toMatchObject({ status, reason });
}

describe("work-account sign-in (OpenID Connect)", () => {
  it("lists the configured providers, without their secrets", async () => {
    const response = await ctx.app.inject({ url: "/api/auth/sso/providers" });
    expect(response.json()).toEqual({
      providers: [
        { id: "work", name: "Work Account" },
        { id: "other", name: "Other Co" },
        { id: "trusted", name: "Trusted Tenant" },
      ],
    });
    expect(response.body).not.toContain(idp.clientSecret);
  });

  it("sends the browser to the provider with PKCE, a nonce and a state, and binds the attempt to the browser", async () => {
    const { response, url, browser } = await start("work", { next: "/me/account" });
    expect(response.statusCode).toBe(200);
    expect(browser).toBeDefined();
    const asked = new URL(url);
    expect(asked.origin).toBe(idp.issuer);
    expect(asked.searchParams.get("code_challenge_method")).toBe("S256");
    expect(asked.searchParams.get("redirect_uri")).toBe(callbackOf("work"));
    expect(asked.searchParams.get("scope")).toBe("openid email profile");
    for (const p of ["code_challenge", "state", "nonce"]) expect(asked.searchParams.get(p)).toBeTruthy();
    const [login] = await queryRows<{ next_path: string; state_hash: string; used_at: Date | null }>(
      ctx.deps.db,
      sql`select next_path, state_hash, used_at from sso_logins order by created_at desc limit 1`,
    );
    expect(login).toMatchObject({ next_path: "/me/account", used_at: null });
    // Only the state's hash is kept.
    expect(login.state_hash).not.toBe(asked.searchParams.get("state"));
  });

  it("makes an account, without a password, for a new verified address and lands on next", async () => {
    const { response } = await signInWith(idp, "work", "alice", "/me/account");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      email: "alice@acme.test",
      name: "Alice Acme",
      hasPassword: false,
      next: "/me/account",
      linked: false,
    });
    const me = await ctx.app.inject({ url: "/api/me", headers: { cookie: sessionCookie(response) } });
    expect(me.json()).toMatchObject({ email: "alice@acme.test" });
    const identities = await queryRows<{
      provider_id: string;
      email: string;
      issuer: string;
      subject: string;
    }>(
      ctx.deps.db,
      sql`select i.provider_id, i.email, i.issuer, i.subject from user_identities i join users u on u.id = i.user_id
          where u.email = 'alice@acme.test'`,
    );
    expect(identities).toEqual([
      { provider_id: "work", email: "alice@acme.test", issuer: idp.issuer, subject: "alice" },
    ]);
  });

  it("signs the same work account in to the same account again, by issuer and subject", async () => {
    const first = await signInWith(idp, "work", "alice");
    idp.accounts.alice.email = "alice.renamed@acme.test";
    try {
      const second = await signInWith(idp, "work", "alice");
      expect(second.response.statusCode).toBe(200);
      expect(second.response.json<{ id: string }>().id).toBe(first.response.json<{ id: string }>().id);
      expect(second.response.json()).toMatchObject({ email: "alice@acme.test", next: null });
    } finally {
      idp.accounts.alice.email = "alice@acme.test";
    }
    const [{ n }] = (await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from users where email like 'alice%'`,
    )) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("signs in to the existing account of a verified address (any case) and links the work account", async () => {
    const { response } = await signInWith(idp, "work", "bob");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: existing.userId, email: existing.email, hasPassword: true });
    const mine = await ctx.app.inject({ url: "/api/me/sso", headers: { cookie: sessionCookie(response) } });
    expect(mine.json()).toMatchObject({
      identities: [
        { providerId: "work", providerName: "Work Account", configured: true, email: existing.email },
      ],
      providers: [{ id: "work" }, { id: "other" }, { id: "trusted" }],
      required: null,
    });
  });

  it("reads the address from UserInfo when the ID token does not carry it", async () => {
    const { response } = await signInWith(other, "other", "olga");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ email: "olga@other.test", name: "Olga Other" });
  });

  it("refuses an unverified address (email_verified false or missing) and changes nothing", async () => {
    for (const account of ["uma", "nora"]) {
      const started = await start("work");
      const query = await atProvider(idp, "work", started.url, account);
      const before = await snapshot();
      const response = await callback("work", query, started.browser);
      expectProblem(response, 403, "sso_email_unverified");
      expect(response.json<{ detail: string }>().detail).toContain(
        "did not say it verified your e-mail address",
      );
      expect(response.cookies.find((c) => c.name === "st_session")).toBeUndefined();
      expect(await snapshot()).toEqual(before);
    }
  });

  it("takes Entra ID's xms_edov as verified, and a trustEmail provider's address without a claim, never email_verified false", async () => {
    const xena = await signInWith(idp, "work", "xena");
    expect(xena.response.statusCode, xena.response.body).toBe(200);
    expect(xena.response.json()).toMatchObject({ email: "xena@acme.test" });
    const nora = await signInWith(idp, "trusted", "nora");
    expect(nora.response.statusCode, nora.response.body).toBe(200);
    expect(nora.response.json()).toMatchObject({ email: "nora@acme.test" });
    const started = await start("trusted");
    const query = await atProvider(idp, "trusted", started.url, "uma");
    expectProblem(await callback("trusted", query, started.browser), 403, "sso_email_unverified");
  });

  it("refuses a replayed callback (the same state and code again) and changes nothing", async () => {
    const { response, query, browser } = await signInWith(idp, "work", "alice");
    expect(response.statusCode).toBe(200);
    const before = await snapshot();
    const again = await callback("work", query, browser);
    expectProblem(again, 410, "sso_used");
    expect(again.cookies.find((c) => c.name === "st_session")).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an unknown state, and a state of another provider, changing nothing", async () => {
    const before = await snapshot();
    expectProblem(
      await callback("work", "code=abc&state=not-a-state-we-made", "st_sso_browser=x"),
      400,
      "sso_state",
    );
    const started = await start("other");
    const query = await atProvider(other, "other", started.url, "olga");
    expectProblem(await callback("work", query, started.browser), 400, "sso_state");
    expect(await snapshot()).toEqual(before);
    const missing = await callback("work", "code=abc", started.browser);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ errors: [{ field: "query" }] });
  });

  it("refuses a callback in another browser than the one that started, which may still finish", async () => {
    const started = await start("work");
    const query = await atProvider(idp, "work", started.url, "alice");
    const before = await snapshot();
    expectProblem(await callback("work", query), 403, "sso_other_browser");
    expectProblem(
      await callback("work", query, "st_sso_browser=someone-elses-browser"),
      403,
      "sso_other_browser",
    );
    expect(await snapshot()).toEqual(before);
    const mine = await callback("work", query, started.browser);
    expect(mine.statusCode, mine.body).toBe(200);
  });

  it("refuses an attempt older than ten minutes and changes nothing", async () => {
    const started = await start("work");
    const query = await atProvider(idp, "work", started.url, "alice");
    ctx.advance(10 * 60_000 + 1_000);
    const before = await snapshot();
    expectProblem(await callback("work", query, started.browser), 410, "sso_expired");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an answer naming another issuer, or an ID token from another issuer, and changes nothing", async () => {
    const started = await start("work");
    const query = await atProvider(idp, "work", started.url, "alice");
    const before = await snapshot();
    // The callback's iss parameter (RFC 9207) names another provider: a mix-up.
    const mixedUp = new URLSearchParams(query);
    mixedUp.set("iss", other.issuer);
    expectProblem(await callback("work", mixedUp.toString(), started.browser), 400, "sso_issuer");
    idp.idTokenIssuer = "http://127.0.0.1:1/impostor";
    try {
      const response = await callback("work", query, started.browser);
      expectProblem(response, 400, "sso_issuer");
      expect(response.json<{ detail: string }>().detail).toContain("did not come from Work Account");
    } finally {
      idp.idTokenIssuer = null;
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses the provider's error answer (the person cancelled) and changes nothing", async () => {
    const started = await start("work");
    const state = new URL(started.url).searchParams.get("state")!;
    const before = await snapshot();
    const response = await callback(
      "work",
      `error=access_denied&error_description=${encodeURIComponent("End-User aborted interaction")}&state=${state}&iss=${encodeURIComponent(idp.issuer)}`,
      started.browser,
    );
    expectProblem(response, 400, "sso_provider_error");
    expect(response.json<{ detail: string }>().detail).toContain("End-User aborted interaction");
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a provider that is not configured (404), and every malformed provider id (400)", async () => {
    const before = await snapshot();
    expectProblem((await start("ghost")).response, 404, "sso_not_configured");
    expectProblem(await callback("ghost", "code=a&state=b", "st_sso_browser=x"), 404, "sso_not_configured");
    const bad = await start("Not_An_Id");
    expect(bad.response.statusCode).toBe(400);
    expect(bad.response.json()).toMatchObject({ errors: [{ field: "providerId" }] });
    expect(await snapshot()).toEqual(before);
  });
});

describe("linking and unlinking work accounts on the account page", () => {
  it("links a work account to the signed-in account, which then signs in with it, and unlinks it", async () => {
    const person = await signUp(ctx, "Dave Desk");
    const started = await start("work", { link: true, next: "/me/account" }, person.cookie);
    expect(started.response.statusCode).toBe(200);
    const query = await atProvider(idp, "work", started.url, "dave");
    // The link ends in the session that began it; the work address need not match, nor be verified.
    const linked = await callback("work", query, `${started.browser}; ${person.cookie}`);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ id: person.userId, linked: true, next: "/me/account" });
    expect(linked.cookies.find((c) => c.name === "st_session")).toBeUndefined();
    const mine = await ctx.app.inject({ url: "/api/me/sso", headers: { cookie: person.cookie } });
    expect(mine.json()).toMatchObject({ identities: [{ providerId: "work", email: "dave.work@acme.test" }] });

    const again = await signInWith(idp, "work", "dave");
    expect(again.response.statusCode, again.response.body).toBe(200);
    expect(again.response.json()).toMatchObject({ id: person.userId, email: person.email });

    // Another account may not take the same work account.
    const someoneElse = await signUp(ctx, "Eve Else");
    const stolen = await start("work", { link: true }, someoneElse.cookie);
    const stolenQuery = await atProvider(idp, "work", stolen.url, "dave");
    const before = await snapshot();
    expectProblem(
      await callback("work", stolenQuery, `${stolen.browser}; ${someoneElse.cookie}`),
      403,
      "sso_linked_elsewhere",
    );
    expect(await snapshot()).toEqual(before);

    // Unlinking the last work account is allowed: e-mail links still sign in.
    const unlink = () =>
      ctx.app.inject({ method: "DELETE", url: "/api/me/sso/work", headers: { cookie: person.cookie } });
    expect((await unlink()).statusCode).toBe(204);
    expect((await unlink()).statusCode).toBe(404);
    const after = await ctx.app.inject({ url: "/api/me/sso", headers: { cookie: person.cookie } });
    expect(after.json()).toMatchObject({ identities: [] });
  });

  it("asks to be signed in to link, and refuses a link finished without the session that began it", async () => {
    expect((await start("work", { link: true })).response.statusCode).toBe(401);
    const person = await signUp(ctx, "Lena Link");
    const started = await start("work", { link: true }, person.cookie);
    const query = await atProvider(idp, "work", started.url, "uma");
    const before = await snapshot();
    expectProblem(await callback("work", query, started.browser), 403, "sso_link_session");
    expect(await snapshot()).toEqual(before);
  });

  it("lets only the signed-in person see and unlink their work accounts", async () => {
    expect((await ctx.app.inject({ url: "/api/me/sso" })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: "DELETE", url: "/api/me/sso/work" })).statusCode).toBe(401);
  });
});

describe("e-mail domains that must sign in with their work account", () => {
  const put = (domain: string, providerId: string, cookie?: string) =>
    ctx.app.inject({
      method: "PUT",
      url: `/api/admin/sso-domains/${domain}`,
      payload: { providerId },
      ...(cookie ? { headers: { cookie } } : {}),
    });

  it("are kept by the community admin only, with a configured provider", async () => {
    expect((await put("corp.test", "work")).statusCode).toBe(401);
    expect((await put("corp.test", "work", existing.cookie)).statusCode).toBe(403);
    expect(
      (await ctx.app.inject({ url: "/api/admin/sso-domains", headers: { cookie: existing.cookie } }))
        .statusCode,
    ).toBe(403);
    const unknown = await put("corp.test", "ghost", admin.cookie);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ field: "providerId" }] });
    const bad = await put("not a domain", "work", admin.cookie);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ field: "domain" }] });

    const made = await put("Corp.TEST", "other", admin.cookie);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ domain: "corp.test", providerId: "other", providerName: "Other Co" });
    const changed = await put("corp.test", "work", admin.cookie);
    expect(changed.statusCode).toBe(200);
    const list = await ctx.app.inject({ url: "/api/admin/sso-domains", headers: { cookie: admin.cookie } });
    expect(list.json()).toMatchObject({
      domains: [{ domain: "corp.test", providerId: "work", providerName: "Work Account", configured: true }],
    });
  });

  it("refuse password and e-mail-link sign-in and sign-up for such addresses, pointing to the provider, whether or not an account exists", async () => {
    const requirement = await ctx.app.inject({ url: "/api/auth/sso/requirement?email=Someone@Corp.test" });
    expect(requirement.json()).toEqual({ provider: { id: "work", name: "Work Account" } });
    const none = await ctx.app.inject({ url: "/api/auth/sso/requirement?email=someone@acme.test" });
    expect(none.json()).toEqual({ provider: null });

    // carol@corp.test gets an account by the work account; nobody@corp.test has none. The answers are the same.
    expect((await signInWith(idp, "work", "carol")).response.statusCode).toBe(200);
    const before = await snapshot();
    for (const email of ["carol@corp.test", "nobody@corp.test"]) {
      const login = await ctx.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email, password: "correct horse battery" },
      });
      expectProblem(login, 403, "sso_required");
      expect(login.json<{ detail: string }>().detail).toBe(
        'Your organization signs in with Work Account: use the "Sign in with Work Account" button.',
      );
      expectProblem(
        await ctx.app.inject({ method: "POST", url: "/api/auth/email-link", payload: { email } }),
        403,
        "sso_required",
      );
      expectProblem(
        await ctx.app.inject({
          method: "POST",
          url: "/api/auth/signup",
          payload: { email, name: "Someone" },
        }),
        403,
        "sso_required",
      );
    }
    expect(await snapshot()).toEqual(before);
    const [{ n }] = (await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from sign_in_link_requests where email like '%@corp.test'`,
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it("refuse signing in with another provider, and unlinking the required provider's last work account", async () => {
    const started = await start("other");
    const query = await atProvider(other, "other", started.url, "carol");
    const before = await snapshot();
    expectProblem(await callback("other", query, started.browser), 403, "sso_required");
    expect(await snapshot()).toEqual(before);

    const erin = await signInWith(idp, "work", "erin");
    const cookie = sessionCookie(erin.response);
    const mine = await ctx.app.inject({ url: "/api/me/sso", headers: { cookie } });
    expect(mine.json()).toMatchObject({ required: { id: "work", name: "Work Account" } });
    const unlink = () => ctx.app.inject({ method: "DELETE", url: "/api/me/sso/work", headers: { cookie } });
    expectProblem(await unlink(), 409, "sso_required");
    const removed = await ctx.app.inject({
      method: "DELETE",
      url: "/api/admin/sso-domains/corp.test",
      headers: { cookie: admin.cookie },
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (
        await ctx.app.inject({
          method: "DELETE",
          url: "/api/admin/sso-domains/corp.test",
          headers: { cookie: admin.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect((await unlink()).statusCode).toBe(204);
  });
});

describe("an account's data and deletion", () => {
  it("exports the linked work accounts without a sign-in's secrets, and deleting the account unlinks them", async () => {
    const pending = await start("work", { link: true }, existing.cookie);
    expect(pending.response.statusCode).toBe(200);
    const [attempt] = await queryRows<{ code_verifier: string; nonce: string }>(
      ctx.deps.db,
      sql`select code_verifier, nonce from sso_logins where link_user_id = ${existing.userId}`,
    );
    const exported = await ctx.app.inject({ url: "/api/me/export", headers: { cookie: existing.cookie } });
    expect(exported.statusCode).toBe(200);
    const data = exported.json<{ other: Record<string, Record<string, unknown>[]> }>();
    expect(data.other.user_identities).toEqual([
      expect.objectContaining({ provider_id: "work", subject: "bob", email: existing.email }),
    ]);
    expect(exported.body).not.toContain(attempt.code_verifier);
    expect(exported.body).not.toContain(attempt.nonce);

    const deleted = await ctx.app.inject({
      method: "DELETE",
      url: "/api/me",
      payload: { currentPassword: "correct horse battery" },
      headers: { cookie: existing.cookie },
    });
    expect(deleted.statusCode).toBe(204);
    const left = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select (select count(*) from user_identities where user_id = ${existing.userId})::int
               + (select count(*) from sso_logins where link_user_id = ${existing.userId})::int as n`,
    );
    expect(left).toEqual([{ n: 0 }]);
    // The work account no longer reaches the deleted account: its address makes a new one.
    const again = await signInWith(idp, "work", "bob");
    expect(again.response.statusCode, again.response.body).toBe(200);
    expect(again.response.json<{ id: string }>().id).not.toBe(existing.userId);
  });
});

describe("without providers configured", () => {
  let plain: TestContext;
  beforeAll(async () => {
    plain = await createTestContext();
  });
  afterAll(() => plain?.close());

  it("offers no work-account sign-in and requires it of no domain", async () => {
    expect((await plain.app.inject({ url: "/api/auth/sso/providers" })).json()).toEqual({ providers: [] });
    const started = await plain.app.inject({ method: "POST", url: "/api/auth/sso/work/start", payload: {} });
    expect(started.statusCode).toBe(404);
    expect(started.json()).toMatchObject({ reason: "sso_not_configured" });
    expect((await plain.app.inject({ url: "/api/auth/sso/requirement?email=a@corp.test" })).json()).toEqual({
      provider: null,
    });
  });
});

describe("SSO_PROVIDERS", () => {
  const provider = {
    id: "entra",
    name: "Contoso",
    issuer: "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0",
    clientId: "client",
    clientSecret: "secret",
  };
  const read = (value: unknown) =>
    readConfig({ SSO_PROVIDERS: typeof value === "string" ? value : JSON.stringify(value) });

  it("reads providers in order, and none when unset", () => {
    expect(readConfig({}).ssoProviders).toEqual([]);
    expect(
      read([provider, { ...provider, id: "google", issuer: "https://accounts.google.com" }]).ssoProviders.map(
        (p) => p.id,
      ),
    ).toEqual(["entra", "google"]);
    expect(read([{ ...provider, issuer: "http://localhost:9000" }]).ssoProviders[0]?.issuer).toBe(
      "http://localhost:9000",
    );
  });

  it("says what to fix", () => {
    expect(() => read("[{id: entra}]")).toThrow(/SSO_PROVIDERS: must be a JSON array such as/);
    expect(() => read({ ...provider })).toThrow(/SSO_PROVIDERS: must be a JSON array of providers/);
    expect(() => read([provider, provider])).toThrow(/SSO_PROVIDERS\.1\.id: "entra" is used twice/);
    expect(() => read([{ ...provider, issuer: "http://idp.example.org" }])).toThrow(
      /SSO_PROVIDERS\.0\.issuer: must start with https:\/\//,
    );
    expect(() => read([{ ...provider, clientSecret: "" }])).toThrow(
      /SSO_PROVIDERS\.0\.clientSecret: is required/,
    );
    expect(() => read([{ ...provider, id: "Entra ID" }])).toThrow(
      /SSO_PROVIDERS\.0\.id: must be 1 to 40 lower-case/,
    );
    expect(() => read([{ ...provider, secret: "x" }])).toThrow(/SSO_PROVIDERS\.0: Unrecognized key/);
  });
});
