import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  RegionalTeamDetail,
  RegionalTeamList,
  StartedPartnership,
} from "../../../core/regional-teams.js";
import { queryRows } from "../../../db/query.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";

/*
 * Regional support teams: conveners run them, partners write notes and candidates, the admin and
 * coordinators of the region read them, everyone else gets 404. Starting a partnership copies the
 * team's organizations, people and first-stage steps in one transaction.
 */

type User = Awaited<ReturnType<typeof signUp>>;
let ctx: TestContext;
let convener: User;
let partner: User;
let coloradoCoordinator: User;
let ohioCoordinator: User;
let stranger: User;
let admin: User;
let team: RegionalTeamDetail;

const DENVER_CBSA = "19740";
const DENVER_COUNTIES = ["08001", "08005", "08031"];
/** An id nothing has: the body is checked before anything is looked up. */
const NO_ID = "00000000-0000-4000-8000-000000000000";

function call(
  who: User | null,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  payload?: object,
) {
  return ctx.app.inject({
    method,
    url: `/api${url}`,
    headers: who ? { cookie: who.cookie } : {},
    ...(payload === undefined ? {} : { payload }),
  });
}

function fieldOf(body: string): string | undefined {
  return (JSON.parse(body) as { errors?: { field: string }[] }).errors?.[0]?.field;
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await queryRows<{ n: number }>(ctx.deps.db, query);
  return row.n;
}

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Cora Convener");
  partner = await signUp(ctx, "Pat Partner");
  coloradoCoordinator = await signUp(ctx, "Stella State");
  ohioCoordinator = await signUp(ctx, "Otis Ohio");
  stranger = await signUp(ctx, "Sam Stranger");
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  // The reference data ships without CBSAs: three Denver counties make a metro area here.
  await ctx.deps.db.execute(
    sql`update counties set cbsa_code = ${DENVER_CBSA}, cbsa_title = 'Denver-Aurora-Centennial, CO', cbsa_type = 'metro'
        where fips in ('08001', '08005', '08031')`,
  );
  for (const [who, state] of [
    [coloradoCoordinator, "08"],
    [ohioCoordinator, "39"],
  ] as const) {
    const res = await call(admin, "POST", "/coordinators", {
      email: who.email,
      kind: "state",
      stateFips: state,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}, 120_000);
afterAll(() => ctx.close());

describe("a regional support team", () => {
  it("is created for a CBSA, expanded to its counties; the creator is its convener", async () => {
    const res = await call(convener, "POST", "/regional-teams", {
      name: "Metro Denver Support Team",
      cbsaCode: DENVER_CBSA,
      description: "Workforce, education and economic development of metro Denver.",
    });
    expect(res.statusCode, res.body).toBe(201);
    team = res.json<RegionalTeamDetail>();
    expect(team.counties.map((c) => c.fips)).toEqual(DENVER_COUNTIES);
    expect(team).toMatchObject({
      slug: "metro-denver-support-team",
      regionName: "Denver-Aurora-Centennial, CO",
      cbsaCode: DENVER_CBSA,
      stateFips: "08",
      access: "convener",
      version: 1,
      permissions: { manage: true, contribute: true },
    });
    expect(team.members.map((m) => [m.name, m.role])).toEqual([["Cora Convener", "convener"]]);
    expect(team.steps.map((s) => s.key)).toEqual([
      "conveners_agreed",
      "support_team_formed",
      "partners_mapped",
      "region_agreed",
      "industry_chosen",
    ]);
  });

  it("answers 400 naming the field on every bad body", async () => {
    const slug = team.slug;
    const cases: [string, "POST" | "PATCH" | "PUT", string, object, string][] = [
      ["create without region", "POST", "/regional-teams", { name: "No region" }, "counties"],
      [
        "create with bad county",
        "POST",
        "/regional-teams",
        { name: "Bad", counties: ["8031"] },
        "counties.0",
      ],
      ["create unknown CBSA", "POST", "/regional-teams", { name: "Bad", cbsaCode: "99999" }, "cbsaCode"],
      ["create with extra", "POST", "/regional-teams", { name: "Bad", counties: ["08031"], x: 1 }, ""],
      ["patch without version", "PATCH", `/regional-teams/${slug}`, { name: "Renamed" }, "version"],
      ["patch short name", "PATCH", `/regional-teams/${slug}`, { name: "A", version: 1 }, "name"],
      [
        "organization kind",
        "POST",
        `/regional-teams/${slug}/organizations`,
        { name: "X Co", kind: "spaceship" },
        "kind",
      ],
      [
        "member e-mail",
        "POST",
        `/regional-teams/${slug}/members`,
        { name: "X", email: "nope", role: "partner" },
        "email",
      ],
      [
        "member role",
        "POST",
        `/regional-teams/${slug}/members`,
        { name: "X", email: "x@example.org", role: "boss" },
        "role",
      ],
      ["note empty", "POST", `/regional-teams/${slug}/notes`, { body: "  " }, "body"],
      [
        "note edit without version",
        "PATCH",
        `/regional-teams/${slug}/notes/${NO_ID}`,
        { body: "x" },
        "version",
      ],
      [
        "candidate note too long",
        "PATCH",
        `/regional-teams/${slug}/candidates/${NO_ID}`,
        { note: "x".repeat(2001), version: 1 },
        "note",
      ],
      ["candidate code", "POST", `/regional-teams/${slug}/candidates`, { naicsCode: "abc" }, "naicsCode"],
      [
        "candidate unknown code",
        "POST",
        `/regional-teams/${slug}/candidates`,
        { naicsCode: "999999" },
        "naicsCode",
      ],
      [
        "step done",
        "PUT",
        `/regional-teams/${slug}/steps`,
        { step: "conveners_agreed", done: "yes" },
        "done",
      ],
      [
        "start without naics",
        "POST",
        `/regional-teams/${slug}/partnerships`,
        { name: "Denver Health" },
        "naics",
      ],
      [
        "start bad setting",
        "POST",
        `/regional-teams/${slug}/partnerships`,
        { name: "Denver Health", naics: ["622"], setting: "moon" },
        "setting",
      ],
      [
        "start county outside",
        "POST",
        `/regional-teams/${slug}/partnerships`,
        { name: "Denver Health", naics: ["622"], counties: ["39035"] },
        "counties",
      ],
    ];
    for (const [what, method, url, body, field] of cases) {
      const res = await call(convener, method, url, body);
      expect([what, res.statusCode]).toEqual([what, 400]);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      if (field) expect([what, fieldOf(res.body)]).toEqual([what, field]);
    }
    expect(await count(sql`select count(*)::int as n from regional_teams`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from partnerships`)).toBe(0);
  });

  it("refuses business-side organizations", async () => {
    for (const kind of ["business", "industry_association"]) {
      const res = await call(convener, "POST", `/regional-teams/${team.slug}/organizations`, {
        name: "Acme Co",
        kind,
      });
      expect([kind, res.statusCode, fieldOf(res.body)]).toEqual([kind, 400, "kind"]);
    }
    expect(await count(sql`select count(*)::int as n from regional_team_organizations`)).toBe(0);
  });

  it("takes organizations and people; an account's e-mail links to its person", async () => {
    for (const [name, kind] of [
      ["Arapahoe/Douglas Works!", "workforce_development"],
      ["Community College of Denver", "postsecondary_education"],
      ["Metro Denver EDC", "economic_development"],
      ["Old Chamber", "chamber_of_commerce"],
    ]) {
      const res = await call(convener, "POST", `/regional-teams/${team.slug}/organizations`, { name, kind });
      expect(res.statusCode, res.body).toBe(200);
      team = res.json<RegionalTeamDetail>();
    }
    const chamber = team.organizations.find((o) => o.name === "Old Chamber")!;
    const removed = await call(
      convener,
      "DELETE",
      `/regional-teams/${team.slug}/organizations/${chamber.id}`,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    team = removed.json<RegionalTeamDetail>();
    expect(team.organizations.map((o) => o.name)).toEqual([
      "Arapahoe/Douglas Works!",
      "Community College of Denver",
      "Metro Denver EDC",
    ]);
    const works = team.organizations[0];
    const college = team.organizations[1];
    const add = (body: object) => call(convener, "POST", `/regional-teams/${team.slug}/members`, body);
    let res = await add({
      name: "Pat P.",
      email: partner.email.toUpperCase(),
      organizationId: works.id,
      role: "partner",
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await add({
      name: "Nora Noaccount",
      email: "nora@example.org",
      organizationId: college.id,
      role: "convener",
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await add({ name: "Leo Leaving", email: "leo@example.org", role: "partner" });
    team = res.json<RegionalTeamDetail>();
    const again = await add({ name: "Pat", email: partner.email, role: "partner" });
    expect([again.statusCode, fieldOf(again.body)]).toEqual([400, "email"]);
    const leo = team.members.find((m) => m.name === "Leo Leaving")!;
    res = await call(convener, "DELETE", `/regional-teams/${team.slug}/members/${leo.id}`);
    team = res.json<RegionalTeamDetail>();
    expect(team.members.map((m) => [m.name, m.role, m.organization, m.hasAccount])).toEqual([
      ["Cora Convener", "convener", null, true],
      ["Nora Noaccount", "convener", "Community College of Denver", false],
      ["Pat Partner", "partner", "Arapahoe/Douglas Works!", true],
    ]);
    const pat = team.members.find((m) => m.name === "Pat Partner")!;
    expect(pat.personId).toBe(partner.personId);
    expect(team.organizations.map((o) => o.people)).toEqual([1, 1, 0]);
  });

  it("refuses a stale edit with 409 and changes nothing; a fresh edit bumps the version", async () => {
    const fresh = await call(convener, "PATCH", `/regional-teams/${team.slug}`, {
      version: 1,
      regionName: "Metro Denver",
    });
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(fresh.json<RegionalTeamDetail>()).toMatchObject({ version: 2, regionName: "Metro Denver" });
    const stale = await call(convener, "PATCH", `/regional-teams/${team.slug}`, {
      version: 1,
      name: "Someone Else's Name",
      counties: ["08031"],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ current: RegionalTeamDetail }>().current.version).toBe(2);
    const now = (await call(convener, "GET", `/regional-teams/${team.slug}`)).json<RegionalTeamDetail>();
    expect(now.name).toBe("Metro Denver Support Team");
    expect(now.counties.map((c) => c.fips)).toEqual(DENVER_COUNTIES);
    expect(now.version).toBe(2);
    team = now;
  });

  it("lets a partner write notes and candidates, never edit the team or tick steps (403)", async () => {
    const note = await call(partner, "POST", `/regional-teams/${team.slug}/notes`, {
      body: "Hospitals **lead** hiring. <script>alert(1)</script>",
    });
    expect(note.statusCode, note.body).toBe(200);
    const written = note.json<RegionalTeamDetail>().notes[0];
    expect(written).toMatchObject({ author: "Pat Partner", mine: true, version: 1 });
    expect(written.html).toContain("<strong>lead</strong>");
    expect(written.html).not.toContain("<script");
    // Only the author edits a note; a stale edit is 409.
    const notMine = await call(convener, "PATCH", `/regional-teams/${team.slug}/notes/${written.id}`, {
      body: "Taken over",
      version: 1,
    });
    expect(notMine.statusCode).toBe(403);
    const edited = await call(partner, "PATCH", `/regional-teams/${team.slug}/notes/${written.id}`, {
      body: "Hospitals lead hiring.",
      version: 1,
    });
    expect(edited.json<RegionalTeamDetail>().notes[0]).toMatchObject({
      body: "Hospitals lead hiring.",
      version: 2,
    });
    const staleNote = await call(partner, "PATCH", `/regional-teams/${team.slug}/notes/${written.id}`, {
      body: "Late",
      version: 1,
    });
    expect(staleNote.statusCode).toBe(409);

    const candidate = await call(partner, "POST", `/regional-teams/${team.slug}/candidates`, {
      naicsCode: "622",
      note: "Largest employer",
    });
    expect(candidate.statusCode, candidate.body).toBe(200);
    const c = candidate.json<RegionalTeamDetail>().candidates[0];
    expect(c).toMatchObject({
      naicsCode: "622",
      title: "Hospitals",
      note: "Largest employer",
      addedBy: "Pat Partner",
    });
    const dup = await call(convener, "POST", `/regional-teams/${team.slug}/candidates`, { naicsCode: "622" });
    expect([dup.statusCode, fieldOf(dup.body)]).toEqual([400, "naicsCode"]);
    const renoted = await call(convener, "PATCH", `/regional-teams/${team.slug}/candidates/${c.id}`, {
      note: "Largest employer; nurses short",
      version: 1,
    });
    expect(renoted.json<RegionalTeamDetail>().candidates[0]).toMatchObject({ version: 2 });

    const refusals = [
      await call(partner, "PATCH", `/regional-teams/${team.slug}`, {
        version: team.version,
        name: "Mine now",
      }),
      await call(partner, "POST", `/regional-teams/${team.slug}/organizations`, {
        name: "Library",
        kind: "other",
      }),
      await call(partner, "PUT", `/regional-teams/${team.slug}/steps`, {
        step: "conveners_agreed",
        done: true,
      }),
      await call(partner, "POST", `/regional-teams/${team.slug}/partnerships`, {
        name: "Denver Health",
        naics: ["622"],
      }),
    ];
    expect(refusals.map((r) => r.statusCode)).toEqual([403, 403, 403, 403]);
    expect(await count(sql`select count(*)::int as n from partnerships`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from regional_team_steps`)).toBe(0);
    const read = (await call(partner, "GET", `/regional-teams/${team.slug}`)).json<RegionalTeamDetail>();
    expect(read).toMatchObject({ name: "Metro Denver Support Team", access: "partner" });
  });

  it("ticks first-stage steps only: another stage's step is 400 naming the field", async () => {
    const outside = await call(convener, "PUT", `/regional-teams/${team.slug}/steps`, {
      step: "launch_held",
      done: true,
    });
    expect([outside.statusCode, fieldOf(outside.body)]).toEqual([400, "step"]);
    for (const step of ["conveners_agreed", "support_team_formed", "partners_mapped", "region_agreed"]) {
      const res = await call(convener, "PUT", `/regional-teams/${team.slug}/steps`, { step, done: true });
      expect(res.statusCode, res.body).toBe(200);
    }
    const untick = await call(convener, "PUT", `/regional-teams/${team.slug}/steps`, {
      step: "region_agreed",
      done: false,
    });
    team = untick.json<RegionalTeamDetail>();
    expect(team.steps.filter((s) => s.done).map((s) => s.key)).toEqual([
      "conveners_agreed",
      "support_team_formed",
      "partners_mapped",
    ]);
    expect(team.steps[0]).toMatchObject({ doneBy: "Cora Convener" });
  });

  it("is read by the admin and a coordinator of its state, who cannot write (403)", async () => {
    for (const reader of [coloradoCoordinator, admin]) {
      const res = await call(reader, "GET", `/regional-teams/${team.slug}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<RegionalTeamDetail>()).toMatchObject({
        access: "reader",
        permissions: { manage: false, contribute: false },
      });
      const writes = [
        await call(reader, "PATCH", `/regional-teams/${team.slug}`, {
          version: team.version,
          name: "Read only",
        }),
        await call(reader, "POST", `/regional-teams/${team.slug}/notes`, { body: "A coordinator's note" }),
        await call(reader, "POST", `/regional-teams/${team.slug}/candidates`, { naicsCode: "31-33" }),
        await call(reader, "PUT", `/regional-teams/${team.slug}/steps`, {
          step: "industry_chosen",
          done: true,
        }),
        await call(reader, "POST", `/regional-teams/${team.slug}/partnerships`, {
          name: "Taken",
          naics: ["622"],
        }),
      ];
      expect(writes.map((w) => w.statusCode)).toEqual([403, 403, 403, 403, 403]);
    }
    expect(await count(sql`select count(*)::int as n from regional_team_notes`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from regional_team_candidates`)).toBe(1);
    const list = (await call(coloradoCoordinator, "GET", "/regional-teams")).json<RegionalTeamList>();
    expect(list.items.map((t) => [t.name, t.access, t.states, t.counties, t.members, t.stepsDone])).toEqual([
      ["Metro Denver Support Team", "reader", ["CO"], 3, 3, 3],
    ]);
  });

  it("is 404 for a coordinator of another state, a stranger and anyone signed out", async () => {
    for (const who of [ohioCoordinator, stranger]) {
      const read = await call(who, "GET", `/regional-teams/${team.slug}`);
      expect(read.statusCode).toBe(404);
      const write = await call(who, "POST", `/regional-teams/${team.slug}/notes`, { body: "Hello" });
      expect(write.statusCode).toBe(404);
      expect((await call(who, "GET", "/regional-teams")).json<RegionalTeamList>().items).toEqual([]);
    }
    expect((await call(null, "GET", `/regional-teams/${team.slug}`)).statusCode).toBe(401);
    // Nothing of a team is in the public directory.
    const directory = await call(null, "GET", "/partnerships?q=Denver");
    expect(directory.body).not.toContain("Support Team");
  });

  it("starts a partnership all or nothing: a bad NAICS code leaves nothing behind", async () => {
    const bad = await call(convener, "POST", `/regional-teams/${team.slug}/partnerships`, {
      name: "Metro Denver Health Care Partnership",
      naics: ["622", "999999"],
    });
    expect([bad.statusCode, fieldOf(bad.body)]).toEqual([400, "naics"]);
    expect(await count(sql`select count(*)::int as n from partnerships`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from memberships`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from organizations`)).toBe(0);
  });

  it("starts a partnership with the team's organizations, people and done steps", async () => {
    const res = await call(convener, "POST", `/regional-teams/${team.slug}/partnerships`, {
      name: "Metro Denver Health Care Partnership",
      naics: ["622"],
      counties: ["08031", "08005"],
    });
    expect(res.statusCode, res.body).toBe(201);
    const started = res.json<StartedPartnership>();
    expect(started).toMatchObject({
      slug: "metro-denver-health-care-partnership",
      stage: "civic_infrastructure",
      organizations: 3,
      memberships: 3,
      stepsCopied: 3,
    });
    const orgs = await queryRows<{ name: string; kind: string }>(
      ctx.deps.db,
      sql`select name, kind from organizations where partnership_id = ${started.id} order by name`,
    );
    expect(orgs).toEqual([
      { name: "Arapahoe/Douglas Works!", kind: "workforce_development" },
      { name: "Community College of Denver", kind: "postsecondary_education" },
      { name: "Metro Denver EDC", kind: "economic_development" },
    ]);
    const seats = await queryRows<{ name: string; role: string; organization: string | null }>(
      ctx.deps.db,
      sql`select p.name, m.role, o.name as organization from memberships m
          join people p on p.id = m.person_id left join organizations o on o.id = m.organization_id
          where m.partnership_id = ${started.id} order by p.name`,
    );
    expect(seats).toEqual([
      { name: "Cora Convener", role: "convener", organization: null },
      { name: "Nora Noaccount", role: "convener", organization: "Community College of Denver" },
      { name: "Pat Partner", role: "support", organization: "Arapahoe/Douglas Works!" },
    ]);
    const steps = await queryRows<{ step_key: string; note: string }>(
      ctx.deps.db,
      sql`select step_key, note from stage_steps where partnership_id = ${started.id} order by step_key`,
    );
    expect(steps).toEqual(
      ["conveners_agreed", "partners_mapped", "support_team_formed"].map((step_key) => ({
        step_key,
        note: "Done by the Metro Denver Support Team regional support team",
      })),
    );
    const [p] = await queryRows<{ regional_team_id: string; setting: string }>(
      ctx.deps.db,
      sql`select regional_team_id, setting from partnerships where id = ${started.id}`,
    );
    expect(p).toEqual({ regional_team_id: team.id, setting: "metro" });
    const counties = await queryRows<{ fips: string }>(
      ctx.deps.db,
      sql`select fips from partnership_counties where partnership_id = ${started.id} order by fips`,
    );
    expect(counties.map((c) => c.fips)).toEqual(["08005", "08031"]);
    // The partner now sits at the new partnership's table as a support team member.
    const workspace = await call(partner, "GET", `/partnerships/${started.slug}/members`);
    expect(workspace.statusCode, workspace.body).toBe(200);
    const detail = (await call(convener, "GET", `/regional-teams/${team.slug}`)).json<RegionalTeamDetail>();
    expect(detail.partnerships.map((x) => [x.name, x.stage])).toEqual([
      ["Metro Denver Health Care Partnership", "civic_infrastructure"],
    ]);
  });

  it("starts a second partnership in the prepare stage once every first-stage step is done", async () => {
    for (const step of ["region_agreed", "industry_chosen"]) {
      const res = await call(convener, "PUT", `/regional-teams/${team.slug}/steps`, { step, done: true });
      expect(res.statusCode, res.body).toBe(200);
    }
    const res = await call(convener, "POST", `/regional-teams/${team.slug}/partnerships`, {
      name: "Metro Denver Manufacturing Partnership",
      naics: ["31-33"],
      setting: "mixed",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<StartedPartnership>()).toMatchObject({
      stage: "prepare",
      stepsCopied: 5,
      memberships: 3,
    });
    const list = (await call(convener, "GET", "/regional-teams")).json<RegionalTeamList>();
    expect(list.items.map((t) => [t.access, t.partnerships, t.stepsDone])).toEqual([["convener", 2, 5]]);
  });
});
