import { sql } from "drizzle-orm";
import { queryRows } from "../../../db/query.js";
import { createPartnership, signUp, type TestContext } from "../../test-support.js";

type Cookie = Awaited<ReturnType<typeof signUp>>;

/**
 * For API tests: a partnership with a convener, a signed-in business member who joined by
 * invitation, an outsider, and people from businesses and public partners at its table.
 */
export async function tableFixture(ctx: TestContext, body: Record<string, unknown> = {}) {
  const convener = await signUp(ctx, "Casey Convener");
  const member = await signUp(ctx, "Bea Business");
  const outsider = await signUp(ctx, "Olive Outsider");
  const partnership = await createPartnership(ctx, convener.cookie, body);
  const call = async <T>(method: "POST" | "PUT", url: string, payload: object, who: Cookie = convener) => {
    const res = await ctx.app.inject({ method, url, headers: { cookie: who.cookie }, payload });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };
  const org = (name: string, kind: string) =>
    call<{ id: string }>("POST", `/api/partnerships/${partnership.id}/organizations`, { name, kind });
  const acme = await org("Acme Precision Machining", "business");
  const bolt = await org("Bolt Fabrication", "business");
  const college = await org("Front Range Community College", "postsecondary_education");
  const board = await org("Metro Workforce Board", "workforce_development");
  const person = async (name: string, role: string, organizationId: string) =>
    (
      await call<{ personId: string }>("POST", `/api/partnerships/${partnership.id}/members`, {
        name,
        role,
        organizationId,
      })
    ).personId;
  const business = [
    await person("Ada Owner", "champion", acme.id),
    await person("Ben Plant", "business_member", bolt.id),
  ];
  const publicPeople = [
    await person("Pat College", "support", college.id),
    await person("Quinn Board", "support", board.id),
    await person("Rae Board", "support", board.id),
  ];
  await call("POST", `/api/partnerships/${partnership.id}/invitations`, {
    email: member.email,
    name: "Bea Business",
    role: "business_member",
    organizationId: acme.id,
  });
  const [mail] = await queryRows<{ text: string }>(
    ctx.deps.db,
    sql`select text from outbox where "to" = ${member.email}`,
  );
  const token = /\/invitations\/([\w-]+)/.exec(mail.text)?.[1] ?? "";
  await call("POST", `/api/invitations/${token}/accept`, {}, member);
  return {
    convener,
    member,
    outsider,
    partnership,
    business,
    publicPeople,
    orgs: { acme, bolt, college, board },
  };
}

export const countRows = async (ctx: TestContext, table: string) =>
  (await queryRows<{ n: number }>(ctx.deps.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;
