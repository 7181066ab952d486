import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import {
  actionTeamMembers,
  actionTeams,
  actions,
  actionUpdates,
  activity,
  meetingAttendance,
  meetings,
  opportunities,
  priorities,
} from "../../../db/schema/index.js";
import { agendaFixture, type AgendaFixture, type User } from "../agenda/test-fixture.js";
import { signUp } from "../../test-support.js";

let f: AgendaFixture;
let orgs: Record<string, { id: string; version: number; name: string }>;
const base = () => `/api/partnerships/${f.partnership.id}`;

interface MemberJson {
  membershipId: string;
  personId: string;
  name: string;
  title: string | null;
  email: string | null;
  role: string;
  organization: string | null;
  version: number;
}
interface InvitationJson {
  id: string;
  email: string;
  status: string;
  version: number;
}

async function table() {
  const res = await f.call(f.convener, "GET", `${base()}/members`);
  expect(res.statusCode).toBe(200);
  return res.json<{
    items: MemberJson[];
    organizations: { id: string; name: string; version: number; memberCount: number }[];
    invitations: InvitationJson[];
  }>();
}
const member = async (name: string) => (await table()).items.find((m) => m.name === name)!;

/** Every row of the tables a members write may touch, so a refused write can be proven harmless. */
async function snapshot() {
  const out: Record<string, string | null> = {};
  for (const t of [
    "memberships",
    "people",
    "organizations",
    "invitations",
    "outbox",
    "activity",
    "action_team_members",
  ]) {
    const [row] = await queryRows<{ h: string | null }>(
      f.ctx.deps.db,
      sql.raw(`select md5(string_agg(t::text, '|' order by t::text)) as h from ${t} t`),
    );
    out[t] = row.h;
  }
  return out;
}

async function activityKinds(): Promise<string[]> {
  const rows = await queryRows<{ kind: string }>(
    f.ctx.deps.db,
    sql`select kind from activity where partnership_id = ${f.partnership.id} order by created_at`,
  );
  return rows.map((r) => r.kind);
}

async function invite(email: string, name: string, role: string, organizationId: string) {
  const res = await f.call(f.convener, "POST", `${base()}/invitations`, {
    email,
    name,
    role,
    organizationId,
  });
  expect(res.statusCode).toBe(201);
  return res.json<InvitationJson>();
}

async function tokenFor(email: string): Promise<string> {
  const rows = await queryRows<{ text: string }>(
    f.ctx.deps.db,
    sql`select text from outbox where "to" = ${email} order by created_at desc`,
  );
  return /\/invitations\/([\w-]+)/.exec(rows[0].text)![1];
}

beforeAll(async () => {
  f = await agendaFixture();
  orgs = Object.fromEntries((await table()).organizations.map((o) => [o.name, o]));
});
afterAll(() => f.ctx.close());

describe("editing a membership", () => {
  it("changes the name, title and e-mail of a person without an account, and records it", async () => {
    const pat = await member("Pat Public");
    const res = await f.call(f.convener, "PATCH", `${base()}/members/${pat.membershipId}`, {
      version: pat.version,
      name: "Pat Publico",
      title: "Dean of workforce programs",
      email: "pat@frcc.example.edu",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: "Pat Publico",
      title: "Dean of workforce programs",
      email: "pat@frcc.example.edu",
      version: pat.version + 1,
    });
    expect(await member("Pat Publico")).toMatchObject({ title: "Dean of workforce programs" });
    const [entry] = await queryRows<{ summary: string; actor_person_id: string }>(
      f.ctx.deps.db,
      sql`select summary, actor_person_id from activity where kind = 'member.updated' order by created_at desc limit 1`,
    );
    expect(entry).toEqual({ summary: "Pat Publico: details updated", actor_person_id: f.convener.personId });
  });

  it("answers 409 with the current record on a stale version, changing nothing", async () => {
    const pat = await member("Pat Publico");
    const before = await snapshot();
    const res = await f.call(f.convener, "PATCH", `${base()}/members/${pat.membershipId}`, {
      version: pat.version - 1,
      title: "Stale title",
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain("Reload");
    expect(res.json().current).toMatchObject({ title: "Dean of workforce programs", version: pat.version });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses to move a champion to a public partner, naming the person and the field", async () => {
    const cleo = await member("Cleo Champion");
    const before = await snapshot();
    const res = await f.call(f.convener, "PATCH", `${base()}/members/${cleo.membershipId}`, {
      version: cleo.version,
      organizationId: orgs["Front Range Community College"].id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        field: "organizationId",
        message: expect.stringContaining("Cleo Champion would be a business champion"),
      },
    ]);
    const role = await f.call(
      f.convener,
      "PATCH",
      `${base()}/members/${(await member("Sam Support")).membershipId}`,
      {
        version: 1,
        role: "business_member",
      },
    );
    expect(role.statusCode).toBe(400);
    expect(role.json().errors[0]).toMatchObject({
      field: "role",
      message: expect.stringContaining("Sam Support"),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("moves a person to another organization with a fitting role", async () => {
    const bea = await member("Bea Builder");
    const res = await f.call(f.convener, "PATCH", `${base()}/members/${bea.membershipId}`, {
      version: bea.version,
      organizationId: orgs["Bolt Fabrication"].id,
      role: "champion",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ organization: "Bolt Fabrication", role: "champion" });
    const summaries = await queryRows<{ summary: string }>(
      f.ctx.deps.db,
      sql`select summary from activity where kind = 'member.updated' order by created_at desc limit 1`,
    );
    expect(summaries[0].summary).toBe("Bea Builder: moved to Bolt Fabrication, now business champion");
    // The timeline reads the same line in its reader's language.
    const timeline = await f.ctx.app.inject({
      url: `${base()}/activity?limit=1`,
      headers: { cookie: f.convener.cookie, "accept-language": "es" },
    });
    expect(timeline.json<{ items: { summary: string }[] }>().items[0]?.summary).toBe(
      "Bea Builder: pasó a Bolt Fabrication, ahora es líder empresarial",
    );
  });

  it("leaves an account holder's name and e-mail to them", async () => {
    const sam = await member("Sam Support");
    const res = await f.call(f.convener, "PATCH", `${base()}/members/${sam.membershipId}`, {
      version: sam.version,
      email: "other@example.org",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: "email",
      message: expect.stringContaining("Sam Support"),
    });
  });

  it("sets the convener's own organization", async () => {
    const casey = await member("Casey Convener");
    expect(casey.organization).toBeNull();
    const res = await f.call(f.convener, "PATCH", `${base()}/members/${casey.membershipId}`, {
      version: casey.version,
      organizationId: orgs["City of Denver"].id,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ organization: "City of Denver", role: "convener" });
  });
});

describe("the last convener", () => {
  it("can neither lose the role, nor be removed, nor leave (409 with the reason)", async () => {
    const casey = await member("Casey Convener");
    const before = await snapshot();
    const demote = await f.call(f.convener, "PATCH", `${base()}/members/${casey.membershipId}`, {
      version: casey.version,
      role: "observer",
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().detail).toContain("last convener");
    const remove = await f.ctx.app.inject({
      method: "DELETE",
      url: `${base()}/members/${casey.membershipId}`,
      headers: { cookie: f.convener.cookie },
      payload: { version: casey.version, openActionIds: [] },
    });
    expect(remove.statusCode).toBe(409);
    expect(remove.json().detail).toContain("last convener");
    const leave = await f.call(f.convener, "POST", `${base()}/members/me/leave`);
    expect(leave.statusCode).toBe(409);
    expect(leave.json().detail).toContain("make someone else a convener");
    expect(await snapshot()).toEqual(before);
  });
});

describe("removing a person", () => {
  let openId: string;
  let doneId: string;
  let teamId: string;
  let meetingId: string;
  beforeAll(async () => {
    const db = f.ctx.deps.db;
    const [meeting] = await db
      .insert(meetings)
      .values({
        partnershipId: f.partnership.id,
        kind: "full_partnership",
        title: "Spring meeting",
        startsAt: new Date("2026-03-10T15:00:00Z"),
        timeZone: "America/Denver",
      })
      .returning();
    meetingId = meeting.id;
    await db.insert(meetingAttendance).values([
      { meetingId, personId: f.business2.personId, sector: "business" },
      { meetingId, personId: f.business1.personId, sector: "business" },
    ]);
    await db.insert(opportunities).values({
      partnershipId: f.partnership.id,
      title: "Shared welding lab",
      raisedBy: f.business2.personId,
    });
    await db.insert(activity).values({
      partnershipId: f.partnership.id,
      kind: "opportunity.raised",
      summary: "Opportunity raised: Shared welding lab",
      actorPersonId: f.business2.personId,
    });
    const [priority] = await db
      .insert(priorities)
      .values({ partnershipId: f.partnership.id, title: "Welding pipeline" })
      .returning();
    const [team] = await db
      .insert(actionTeams)
      .values({ partnershipId: f.partnership.id, priorityId: priority.id, name: "Welding team" })
      .returning();
    teamId = team.id;
    await db.insert(actionTeamMembers).values({ teamId, personId: f.business2.personId, role: "member" });
    const [open, done] = await db
      .insert(actions)
      .values([
        {
          partnershipId: f.partnership.id,
          teamId,
          title: "Host a plant tour",
          ownerId: f.business2.personId,
        },
        {
          partnershipId: f.partnership.id,
          teamId,
          title: "Survey welders",
          ownerId: f.business2.personId,
          status: "done",
        },
      ])
      .returning();
    openId = open.id;
    doneId = done.id;
    await db
      .insert(actionUpdates)
      .values({ actionId: done.id, note: "Survey sent", authorId: f.business2.personId });
  });

  it("previews the open actions to reassign and the teams they leave", async () => {
    const ben = await member("Ben Bolt");
    const res = await f.call(f.convener, "GET", `${base()}/members/${ben.membershipId}/removal-preview`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      member: { name: "Ben Bolt" },
      openActions: [
        { id: openId, title: "Host a plant tour", team: "Welding team", priority: "Welding pipeline" },
      ],
      teams: ["Welding team"],
      lastConvener: false,
    });
  });

  it("refuses when the convener did not see the current open actions, changing nothing", async () => {
    const ben = await member("Ben Bolt");
    const before = await snapshot();
    const res = await f.ctx.app.inject({
      method: "DELETE",
      url: `${base()}/members/${ben.membershipId}`,
      headers: { cookie: f.convener.cookie },
      payload: { version: ben.version, openActionIds: [] },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain("open actions changed");
    expect(res.json().current.openActions).toHaveLength(1);
    expect(await snapshot()).toEqual(before);
  });

  it("soft-removes them: history keeps their name, their open action waits for a new owner", async () => {
    const ben = await member("Ben Bolt");
    const res = await f.ctx.app.inject({
      method: "DELETE",
      url: `${base()}/members/${ben.membershipId}`,
      headers: { cookie: f.convener.cookie },
      payload: { version: ben.version, openActionIds: [openId] },
    });
    expect(res.statusCode).toBe(200);
    expect((await table()).items.map((m) => m.name)).not.toContain("Ben Bolt");
    const [row] = await queryRows<{ left: boolean }>(
      f.ctx.deps.db,
      sql`select left_at is not null as left from memberships where id = ${ben.membershipId}`,
    );
    expect(row.left).toBe(true);
    const [team] = await queryRows<{ left: boolean }>(
      f.ctx.deps.db,
      sql`select left_at is not null as left from action_team_members where team_id = ${teamId} and person_id = ${f.business2.personId}`,
    );
    expect(team.left).toBe(true);
    const action = await f.call(f.convener, "GET", `/api/actions/${openId}`);
    expect(action.statusCode).toBe(200);
    expect(action.json().owner).toMatchObject({ personId: f.business2.personId });
    const [update] = await queryRows<{ author_id: string }>(
      f.ctx.deps.db,
      sql`select author_id from action_updates where note = 'Survey sent'`,
    );
    expect(update.author_id).toBe(f.business2.personId);
    // They no longer see the partnership's table.
    expect((await f.call(f.business2, "GET", `${base()}/members`)).statusCode).toBe(403);
    const [entry] = await queryRows<{ summary: string }>(
      f.ctx.deps.db,
      sql`select summary from activity where kind = 'member.removed'`,
    );
    expect(entry.summary).toBe("Ben Bolt was removed from the partnership; 1 open action to reassign");
  });

  it("labels them a former member wherever the partnership's history names them", async () => {
    const ben = { personId: f.business2.personId, name: "Ben Bolt", former: true };
    expect((await f.call(f.convener, "GET", `/api/actions/${openId}`)).json().owner).toEqual(ben);
    const done = (await f.call(f.convener, "GET", `/api/actions/${doneId}`)).json();
    expect(done.updates.map((u: { author: unknown }) => u.author)).toEqual([ben]);
    const ideas = (await f.call(f.convener, "GET", `${base()}/opportunities`)).json();
    expect(ideas.items.find((o: { title: string }) => o.title === "Shared welding lab").raisedBy).toEqual(
      ben,
    );
    const meeting = (await f.call(f.convener, "GET", `/api/meetings/${meetingId}`)).json();
    expect(
      meeting.attendees.map((a: { name: string; former: boolean }) => [a.name, a.former]).sort(),
    ).toEqual(
      [
        ["Ben Bolt", true],
        ["Bea Builder", false],
      ].sort(),
    );
    const timeline = (await f.call(f.convener, "GET", `${base()}/activity`)).json();
    const raised = timeline.items.find((i: { kind: string }) => i.kind === "opportunity.raised");
    expect(raised).toMatchObject({ actor: "Ben Bolt", actorFormer: true });
    // The convener who removed him still sits at the table; nobody else is labelled.
    const removal = timeline.items.find((i: { kind: string }) => i.kind === "member.removed");
    expect(removal.actorFormer).toBe(false);
  });
});

describe("leaving", () => {
  it("lets a member leave, once", async () => {
    const res = await f.call(f.observer, "POST", `${base()}/members/me/leave`);
    expect(res.statusCode).toBe(204);
    expect((await table()).items.map((m) => m.name)).not.toContain("Olga Observer");
    expect(await activityKinds()).toContain("member.left");
    const again = await f.call(f.observer, "POST", `${base()}/members/me/leave`);
    expect(again.statusCode).toBe(403);
  });
});

describe("organizations", () => {
  it("renames one and refuses a stale version", async () => {
    const city = orgs["City of Denver"];
    const res = await f.call(f.convener, "PATCH", `${base()}/organizations/${city.id}`, {
      version: city.version,
      name: "City and County of Denver",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: "City and County of Denver", version: city.version + 1 });
    const stale = await f.call(f.convener, "PATCH", `${base()}/organizations/${city.id}`, {
      version: city.version,
      name: "Denver",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ name: "City and County of Denver" });
  });

  it("refuses to make a business public while its champions sit at the table", async () => {
    const acme = orgs["Acme Precision Machining"];
    const before = await snapshot();
    const res = await f.call(f.convener, "PATCH", `${base()}/organizations/${acme.id}`, {
      version: acme.version,
      kind: "government",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      field: "kind",
      message: expect.stringContaining("Cleo Champion would be a business champion"),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("removes one only when nobody sits at the table for it", async () => {
    const acme = orgs["Acme Precision Machining"];
    const before = await snapshot();
    const busy = await f.ctx.app.inject({
      method: "DELETE",
      url: `${base()}/organizations/${acme.id}`,
      headers: { cookie: f.convener.cookie },
      payload: { version: acme.version },
    });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().detail).toBe(
      "Acme Precision Machining still has 1 member (Cleo Champion): move them to another organization or remove them first.",
    );
    expect(await snapshot()).toEqual(before);

    const empty = await f.call(f.convener, "POST", `${base()}/organizations`, {
      name: "Gone Soon Inc",
      kind: "business",
    });
    const made = empty.json<{ id: string; version: number }>();
    const removed = await f.ctx.app.inject({
      method: "DELETE",
      url: `${base()}/organizations/${made.id}`,
      headers: { cookie: f.convener.cookie },
      payload: { version: made.version },
    });
    expect(removed.statusCode).toBe(204);
    expect((await table()).organizations.map((o) => o.name)).not.toContain("Gone Soon Inc");
    expect(await f.count("organizations", `id = '${made.id}' and removed_at is not null`)).toBe(1);
    const add = await f.call(f.convener, "POST", `${base()}/members`, {
      name: "Late Larry",
      role: "business_member",
      organizationId: made.id,
    });
    expect(add.statusCode).toBe(400);
  });
});

describe("invitations", () => {
  it("lists pending, accepted, expired and revoked invitations with their status", async () => {
    const accepter = await signUp(f.ctx, "Ada Accepter");
    await invite(accepter.email, "Ada Accepter", "support", orgs["Front Range Community College"].id);
    const accepted = await f.call(
      accepter,
      "POST",
      `/api/invitations/${await tokenFor(accepter.email)}/accept`,
    );
    expect(accepted.statusCode).toBe(200);
    const old = await invite("old@example.org", "Olly Old", "observer", orgs["City of Denver"].id);
    f.ctx.advance(15 * 86_400_000);
    const fresh = await invite(
      "fresh@example.org",
      "Fran Fresh",
      "business_member",
      orgs["Bolt Fabrication"].id,
    );
    const statuses = Object.fromEntries((await table()).invitations.map((i) => [i.email, i.status]));
    expect(statuses).toMatchObject({
      [accepter.email]: "accepted",
      [old.email]: "expired",
      [fresh.email]: "pending",
    });

    const res = await f.ctx.app.inject({
      method: "DELETE",
      url: `${base()}/invitations/${fresh.id}`,
      headers: { cookie: f.convener.cookie },
      payload: { version: fresh.version },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "revoked", version: fresh.version + 1 });
    const link = await f.call(f.convener, "GET", `/api/invitations/${await tokenFor("fresh@example.org")}`);
    expect(link.json()).toMatchObject({ revoked: true });
    expect(await activityKinds()).toContain("invitation.revoked");
  });

  it("refuses to accept, revoke again or resend a revoked invitation", async () => {
    const fresh = (await table()).invitations.find((i) => i.email === "fresh@example.org")!;
    const token = await tokenFor("fresh@example.org");
    const before = await snapshot();
    const again = await f.ctx.app.inject({
      method: "DELETE",
      url: `${base()}/invitations/${fresh.id}`,
      headers: { cookie: f.convener.cookie },
      payload: { version: fresh.version },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain("was revoked");
    const resend = await f.call(f.convener, "POST", `${base()}/invitations/${fresh.id}/resend`, {
      version: fresh.version,
    });
    expect(resend.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);
    const { cookie } = await signUp(f.ctx, "Fran Fresh", { email: "fresh@example.org" });
    const accept = await f.ctx.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      headers: { cookie },
    });
    expect(accept.statusCode).toBe(410);
    expect(accept.json().detail).toContain("withdrawn");
  });

  it("resends an expired invitation with a new link; the old link stops working", async () => {
    const old = (await table()).invitations.find((i) => i.email === "old@example.org")!;
    const oldToken = await tokenFor("old@example.org");
    const outbox = await f.count("outbox");
    const res = await f.call(f.convener, "POST", `${base()}/invitations/${old.id}/resend`, {
      version: old.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "pending", version: old.version + 1 });
    expect(await f.count("outbox")).toBe(outbox + 1);
    const newToken = await tokenFor("old@example.org");
    expect(newToken).not.toBe(oldToken);
    expect((await f.call(null, "GET", `/api/invitations/${oldToken}`)).statusCode).toBe(404);
    expect((await f.call(null, "GET", `/api/invitations/${newToken}`)).json()).toMatchObject({
      expired: false,
    });
    expect(await activityKinds()).toContain("invitation.resent");
  });

  it("changes a pending invitation's role only to one that fits its organization", async () => {
    const old = (await table()).invitations.find((i) => i.email === "old@example.org")!;
    const bad = await f.call(f.convener, "PATCH", `${base()}/invitations/${old.id}`, {
      version: old.version,
      role: "champion",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({
      field: "role",
      message: expect.stringContaining("Olly Old"),
    });
    const good = await f.call(f.convener, "PATCH", `${base()}/invitations/${old.id}`, {
      version: old.version,
      role: "support",
    });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ status: "pending", version: old.version + 1 });
  });
});

describe("who may manage the table", () => {
  it("refuses every write by an outsider and by a member who is not a convener, changing nothing", async () => {
    const t = await table();
    const cleo = t.items.find((m) => m.name === "Cleo Champion")!;
    const org = t.organizations.find((o) => o.name === "Bolt Fabrication")!;
    const inv = t.invitations.find((i) => i.status === "pending")!;
    const writes: [string, string, object | undefined][] = [
      ["PATCH", `${base()}/members/${cleo.membershipId}`, { version: cleo.version, title: "Boss" }],
      ["DELETE", `${base()}/members/${cleo.membershipId}`, { version: cleo.version, openActionIds: [] }],
      ["GET", `${base()}/members/${cleo.membershipId}/removal-preview`, undefined],
      ["PATCH", `${base()}/organizations/${org.id}`, { version: org.version, name: "Hijacked" }],
      ["DELETE", `${base()}/organizations/${org.id}`, { version: org.version }],
      ["PATCH", `${base()}/invitations/${inv.id}`, { version: inv.version, name: "Hijacked" }],
      ["DELETE", `${base()}/invitations/${inv.id}`, { version: inv.version }],
      ["POST", `${base()}/invitations/${inv.id}/resend`, { version: inv.version }],
    ];
    const before = await snapshot();
    for (const who of [f.outsider, f.support] as User[]) {
      for (const [method, url, payload] of writes) {
        const res = await f.ctx.app.inject({
          method: method as "GET",
          url,
          headers: { cookie: who.cookie },
          ...(payload ? { payload } : {}),
        });
        expect([403, 404], `${method} ${url}`).toContain(res.statusCode);
        expect(res.json().detail).toBeTruthy();
      }
    }
    const anonymous = await f.ctx.app.inject({
      method: "PATCH",
      url: `${base()}/members/${cleo.membershipId}`,
      payload: { version: cleo.version, title: "Boss" },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await f.call(f.outsider, "POST", `${base()}/members/me/leave`)).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 404 for a member, organization or invitation of another partnership", async () => {
    const other = await f.call(f.outsider, "POST", "/api/partnerships", {
      name: "Other Partnership",
      setting: "rural",
      counties: ["08069"],
      naics: ["622"],
    });
    const otherId = other.json<{ id: string }>().id;
    const cleo = await member("Cleo Champion");
    const res = await f.call(
      f.outsider,
      "PATCH",
      `/api/partnerships/${otherId}/members/${cleo.membershipId}`,
      {
        version: cleo.version,
        title: "Boss",
      },
    );
    expect(res.statusCode).toBe(404);
    expect((await member("Cleo Champion")).title).toBe(cleo.title);
  });
});
