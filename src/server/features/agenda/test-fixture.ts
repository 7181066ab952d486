/**
 * A partnership with people in every role, for the agenda's API tests: a convener, two business
 * members and a champion with accounts, a support partner and an observer with accounts, a
 * support partner without one, and an outsider.
 */
import { sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { queryRows } from "../../../db/query.js";
import { memberships } from "../../../db/schema/index.js";
import type { Role } from "../../../core/vocabulary.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

export type User = Awaited<ReturnType<typeof signUp>>;

export interface AgendaFixture {
  ctx: TestContext;
  partnership: { id: string; slug: string };
  convener: User;
  business1: User;
  business2: User;
  champion: User;
  support: User;
  observer: User;
  outsider: User;
  /** A support team member without an account. */
  patPublic: { personId: string };
  /** Calls the API as `who` (a cookie, or nobody). */
  call(
    who: User | null,
    method: "GET" | "POST" | "PUT" | "PATCH",
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  count(table: string, where?: string): Promise<number>;
}

export async function agendaFixture(): Promise<AgendaFixture> {
  const ctx = await createTestContext();
  const convener = await signUp(ctx, "Casey Convener");
  const partnership = await createPartnership(ctx, convener.cookie);
  const call: AgendaFixture["call"] = (who, method, url, payload) =>
    ctx.app.inject({
      method,
      url,
      headers: who ? { cookie: who.cookie } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const org = async (name: string, kind: string) => {
    const res = await call(convener, "POST", `/api/partnerships/${partnership.id}/organizations`, {
      name,
      kind,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json<{ id: string }>().id;
  };
  const acme = await org("Acme Precision Machining", "business");
  const bolt = await org("Bolt Fabrication", "business");
  const college = await org("Front Range Community College", "postsecondary_education");
  const city = await org("City of Denver", "government");

  const join = async (name: string, role: Role, organizationId: string) => {
    const user = await signUp(ctx, name);
    await ctx.deps.db
      .insert(memberships)
      .values({ partnershipId: partnership.id, personId: user.personId, organizationId, role });
    return user;
  };
  const business1 = await join("Bea Builder", "business_member", acme);
  const business2 = await join("Ben Bolt", "business_member", bolt);
  const champion = await join("Cleo Champion", "champion", acme);
  const support = await join("Sam Support", "support", college);
  const observer = await join("Olga Observer", "observer", city);
  const outsider = await signUp(ctx, "Otto Outsider");
  const pat = await call(convener, "POST", `/api/partnerships/${partnership.id}/members`, {
    name: "Pat Public",
    role: "support",
    organizationId: college,
  });
  if (pat.statusCode !== 201) throw new Error(pat.body);

  return {
    ctx,
    partnership,
    convener,
    business1,
    business2,
    champion,
    support,
    observer,
    outsider,
    patPublic: { personId: pat.json<{ personId: string }>().personId },
    call,
    count: async (table, where) =>
      (
        await queryRows<{ n: number }>(
          ctx.deps.db,
          sql.raw(`select count(*)::int as n from ${table}${where ? ` where ${where}` : ""}`),
        )
      )[0].n,
  };
}

/** Raises opportunities as `who` and answers their ids. */
export async function raise(f: AgendaFixture, who: User, titles: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const title of titles) {
    const res = await f.call(who, "POST", `/api/partnerships/${f.partnership.id}/opportunities`, {
      title,
      theme: "talent_pipeline",
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    ids.push(res.json<{ id: string }>().id);
  }
  return ids;
}
