import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { importReferenceFile } from "../reference/import.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  const { cookie } = await signUp(ctx);
  await createPartnership(ctx, cookie, {
    name: "Auto Parts Makers of Metro Denver",
    naics: ["3363"],
    counties: ["08031", "08005"],
    setting: "metro",
    stage: "act",
    launchDate: "2024-05-01",
    description: "Suppliers of motor vehicle parts working on welding and machining talent.",
  });
  await createPartnership(ctx, cookie, {
    name: "Cheyenne and Northern Colorado Hospitals",
    naics: ["622"],
    counties: ["56021", "08069"],
    setting: "mixed",
    stage: "launch",
    launchDate: "2025-09-15",
  });
  await createPartnership(ctx, cookie, {
    name: "Delta Farm to Table",
    naics: ["111", "311"],
    counties: ["28151"],
    setting: "rural",
    stage: "prepare",
  });
  await createPartnership(ctx, cookie, {
    name: "Colorado Manufacturing Sector Partnership",
    naics: ["31-33"],
    counties: ["08041"],
    setting: "metro",
    stage: "sustain",
    launchDate: "2019-02-01",
  });
});
afterAll(() => ctx.close());

async function names(query: string): Promise<string[]> {
  const res = await ctx.app.inject({ url: `/api/partnerships?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { name: string }[] }>().items.map((i) => i.name);
}

describe("the public directory", () => {
  it("lists partnerships without sign-in, with industry, states and counts", async () => {
    const res = await ctx.app.inject({ url: "/api/partnerships?q=auto" });
    expect(res.json()).toMatchObject({
      total: 1,
      items: [
        {
          slug: "auto-parts-makers-of-metro-denver",
          naics: ["3363"],
          industry: "Motor Vehicle Parts Manufacturing",
          states: ["CO"],
          counties: ["08005", "08031"],
          stage: "act",
          setting: "metro",
          businessCount: 0,
          publicCount: 0,
        },
      ],
    });
  });

  it("finds a 3363 partnership under the sector 31-33, and a 31-33 one under 3363", async () => {
    // 311 (food manufacturing) is inside 31-33 too.
    expect(await names("naics=31-33")).toEqual([
      "Auto Parts Makers of Metro Denver",
      "Colorado Manufacturing Sector Partnership",
      "Delta Farm to Table",
    ]);
    expect(await names("naics=336")).toEqual([
      "Auto Parts Makers of Metro Denver",
      "Colorado Manufacturing Sector Partnership",
    ]);
    expect(await names("naics=62")).toEqual(["Cheyenne and Northern Colorado Hospitals"]);
    expect(await names("naics=11,622")).toEqual([
      "Cheyenne and Northern Colorado Hospitals",
      "Delta Farm to Table",
    ]);
  });

  it("filters by state, county, stage and setting", async () => {
    expect(await names("state=WY")).toEqual(["Cheyenne and Northern Colorado Hospitals"]);
    expect(await names("state=co")).toHaveLength(3);
    expect(await names("county=28151")).toEqual(["Delta Farm to Table"]);
    expect(await names("stage=launch,prepare")).toEqual([
      "Cheyenne and Northern Colorado Hospitals",
      "Delta Farm to Table",
    ]);
    expect(await names("setting=rural")).toEqual(["Delta Farm to Table"]);
    expect(await names("state=CO&setting=metro&naics=31-33")).toHaveLength(2);
    expect(await names("state=MS&naics=31-33")).toEqual(["Delta Farm to Table"]);
    // A state's industry is asked of the cards' state-and-industry keys: codes deeper in it,
    // broader codes that hold it, several states at once, and (past 64 pairs) the two apart.
    expect(await names("state=CO&naics=336")).toEqual([
      "Auto Parts Makers of Metro Denver",
      "Colorado Manufacturing Sector Partnership",
    ]);
    expect(await names("state=WY&naics=336")).toEqual([]);
    expect(await names("state=MS&naics=62")).toEqual([]);
    expect(await names("state=WY,MS&naics=62,11")).toEqual([
      "Cheyenne and Northern Colorado Hospitals",
      "Delta Farm to Table",
    ]);
    // 31-33 is four keys (31-33, 31, 32, 33): 17 states make 68 pairs, 16 make 64.
    const seventeenStates = "CO,WY,MS,TX,GA,VA,IN,TN,KY,MO,OH,UT,NM,AZ,NV,ID,MT";
    expect(await names(`state=${seventeenStates}&naics=31-33`)).toEqual([
      "Auto Parts Makers of Metro Denver",
      "Colorado Manufacturing Sector Partnership",
      "Delta Farm to Table",
    ]);
    expect(await names(`state=${seventeenStates.replace("CO,", "")}&naics=31-33`)).toEqual([
      "Delta Farm to Table",
    ]);
    // A partnership that matches through several counties or codes is listed and counted once.
    const total = async (query: string) =>
      (await ctx.app.inject({ url: `/api/partnerships?${query}` })).json<{ total: number }>().total;
    expect(await names("state=WY,CO")).toHaveLength(3);
    expect(await total("state=WY,CO")).toBe(3);
    expect(await names("naics=111,311&county=28151,08069")).toEqual(["Delta Farm to Table"]);
    expect(await total("naics=111,311&county=28151,08069")).toBe(1);
  });

  it("searches words of the description", async () => {
    expect(await names("q=welding")).toEqual(["Auto Parts Makers of Metro Denver"]);
    expect(await names("q=hospital")).toEqual(["Cheyenne and Northern Colorado Hospitals"]);
  });

  it("finds partnerships by the title of their industry at any NAICS level, best match first", async () => {
    // 311 is Food Manufacturing; 3363's parent 336 is Transportation Equipment Manufacturing.
    expect(await names("q=food manufacturing")).toEqual(["Delta Farm to Table"]);
    expect(await names("q=transportation equipment")).toEqual(["Auto Parts Makers of Metro Denver"]);
    expect(await names("q=crop production")).toEqual(["Delta Farm to Table"]);
    // A word typed halfway still finds it.
    expect(await names("q=hospit")).toEqual(["Cheyenne and Northern Colorado Hospitals"]);
    // A name match ranks above an industry match, without a sort asked for.
    const manufacturing = await names("q=manufacturing");
    expect(manufacturing[0]).toBe("Colorado Manufacturing Sector Partnership");
    expect([...manufacturing].sort()).toEqual([
      "Auto Parts Makers of Metro Denver",
      "Colorado Manufacturing Sector Partnership",
      "Delta Farm to Table",
    ]);
    // An explicit sort still wins over the ranking.
    expect(await names("q=manufacturing&sort=name")).toEqual([...manufacturing].sort());
    // Pages of a search keep its order and its count, ranked or sorted.
    for (const order of ["", "&sort=-launch", "&sort=stage"]) {
      const all = await names(`q=manufacturing${order}`);
      const pages = await Promise.all(
        [1, 2].map((n) =>
          ctx.app.inject({ url: `/api/partnerships?q=manufacturing${order}&pageSize=2&page=${n}` }),
        ),
      );
      const bodies = pages.map((r) => r.json<{ total: number; items: { name: string }[] }>());
      expect(bodies.map((b) => b.total)).toEqual([3, 3]);
      expect(bodies.flatMap((b) => b.items.map((i) => i.name))).toEqual(all);
    }
  });

  it("finds partnerships by county, state and metro area names", async () => {
    expect(await names("q=Laramie County")).toEqual(["Cheyenne and Northern Colorado Hospitals"]);
    expect(await names("q=Wyoming")).toEqual(["Cheyenne and Northern Colorado Hospitals"]);
    expect(await names("q=Mississippi")).toEqual(["Delta Farm to Table"]);
    expect(await names("q=El Paso County")).toEqual(["Colorado Manufacturing Sector Partnership"]);
    // Metro areas come with the Census delineation: imported, every document is refreshed.
    expect(await names("q=Colorado Springs")).toEqual([]);
    await importReferenceFile(
      ctx.deps.db,
      readFileSync(
        new URL("../../../../fixtures/reference/census_cbsa_delineation_2023_sample.csv", import.meta.url),
        "utf8",
      ),
    );
    // The import runs from the command line; this server's cached answers are cleared as by a write.
    ctx.deps.answers.invalidate();
    expect(await names("q=Colorado Springs")).toEqual(["Colorado Manufacturing Sector Partnership"]);
    expect(await names("q=Denver-Aurora")).toEqual(["Auto Parts Makers of Metro Denver"]);
  });

  it("treats a search of symbols only as a name search, never an error", async () => {
    const res = await ctx.app.inject({ url: "/api/partnerships?q=%26%7C!%3A*" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 0 });
  });

  it("sorts and paginates", async () => {
    expect(await names("sort=-launch")).toEqual([
      "Cheyenne and Northern Colorado Hospitals",
      "Auto Parts Makers of Metro Denver",
      "Colorado Manufacturing Sector Partnership",
      "Delta Farm to Table",
    ]);
    const page = await ctx.app.inject({ url: "/api/partnerships?pageSize=3&page=2" });
    expect(page.json()).toMatchObject({
      total: 4,
      page: 2,
      pageSize: 3,
      items: [{ name: "Delta Farm to Table" }],
    });
    const beyond = await ctx.app.inject({ url: "/api/partnerships?pageSize=3&page=9" });
    expect(beyond.json()).toMatchObject({ total: 4, items: [] });
  });

  it("refuses bad filters with the field named", async () => {
    const res = await ctx.app.inject({ url: "/api/partnerships?state=ZZ&pageSize=1000&color=red" });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["pageSize", "color"]));
    const unknownState = await ctx.app.inject({ url: "/api/partnerships?state=ZZ" });
    expect(unknownState.json().errors).toEqual([{ field: "state", message: expect.stringContaining("ZZ") }]);
  });

  it("counts partnerships per state and county for the map", async () => {
    const res = await ctx.app.inject({ url: "/api/partnerships/map" });
    const body = res.json<{ states: { abbr: string; count: number }[]; counties: { fips: string }[] }>();
    expect(body.states).toEqual([
      { fips: "08", abbr: "CO", count: 3 },
      { fips: "28", abbr: "MS", count: 1 },
      { fips: "56", abbr: "WY", count: 1 },
    ]);
    expect(body.counties.map((c) => c.fips)).toContain("56021");
    const filtered = await ctx.app.inject({ url: "/api/partnerships/map?naics=62" });
    expect(filtered.json().states.map((s: { abbr: string }) => s.abbr)).toEqual(["CO", "WY"]);
  });
});

describe("the directory's search document", () => {
  let own: TestContext;
  beforeAll(async () => {
    own = await createTestContext();
  });
  afterAll(() => own.close());
  const namesIn = async (c: TestContext, query: string) =>
    (await c.app.inject({ url: `/api/partnerships?${query}` }))
      .json<{ items: { name: string }[] }>()
      .items.map((i) => i.name);

  it("keeps the search current when a partnership's industries or counties change", async () => {
    const { cookie } = await signUp(own);
    const created = await createPartnership(own, cookie, {
      name: "Plains Growers",
      naics: ["111"],
      counties: ["08123"],
      setting: "rural",
      stage: "prepare",
    });
    expect(await namesIn(own, "q=Plains Growers hospitals")).toEqual([]);
    const res = await own.app.inject({
      method: "PATCH",
      url: `/api/partnerships/${created.id}`,
      headers: { cookie },
      payload: { version: created.version, naics: ["622"], counties: ["46013"] },
    });
    expect(res.statusCode).toBe(200);
    expect(await namesIn(own, "q=Plains hospitals")).toEqual(["Plains Growers"]);
    expect(await namesIn(own, "q=Plains South Dakota")).toEqual(["Plains Growers"]);
    expect(await namesIn(own, "q=Plains Weld County")).toEqual([]);
    expect(await namesIn(own, "q=Plains crop")).toEqual([]);
  });
});

/** Each card as the migration's backfill builds it from the rows themselves. */
const cardsFromRows = sql`
  select p.id, p.slug, p.name, p.setting, p.stage, p.launch_date::text as launch_date, p.deleted_at is null as listed,
         coalesce((select array_agg(n.code order by n.position, n.code) from partnership_naics n
                   where n.partnership_id = p.id), '{}') as naics,
         coalesce((select array_agg(distinct left(n.code, k.len) order by left(n.code, k.len))
                   from partnership_naics n, generate_series(2, length(n.code)) as k(len)
                   where n.partnership_id = p.id), '{}') as naics_keys,
         coalesce((select array_agg(c.fips order by c.fips) from partnership_counties c
                   where c.partnership_id = p.id), '{}') as counties,
         coalesce((select array_agg(distinct c.state_fips order by c.state_fips) from partnership_counties c
                   where c.partnership_id = p.id), '{}') as state_fips,
         coalesce((select array_agg(distinct s.state_fips || ':' || left(n.code, k.len)
                                    order by s.state_fips || ':' || left(n.code, k.len))
                   from partnership_counties s, partnership_naics n, generate_series(2, length(n.code)) as k(len)
                   where s.partnership_id = p.id and n.partnership_id = p.id), '{}') as state_industry_keys,
         (select count(*)::int from organizations o
           where o.partnership_id = p.id and o.kind = 'business' and o.removed_at is null) as business_count,
         (select count(*)::int from organizations o
           where o.partnership_id = p.id and o.kind <> 'business' and o.removed_at is null) as public_count
  from partnerships p order by p.id`;

const cardsKept = sql`
  select id, slug, name, setting, stage, launch_date::text as launch_date, listed, naics, naics_keys,
         counties, state_fips, state_industry_keys, business_count, public_count
  from directory_cards order by id`;

describe("the directory's cards", () => {
  let own: TestContext;
  beforeAll(async () => {
    own = await createTestContext();
  });
  afterAll(() => own.close());

  async function expectCardsTrue(): Promise<void> {
    const kept = await queryRows(own.deps.db, cardsKept);
    expect(kept).toEqual(await queryRows(own.deps.db, cardsFromRows));
    expect(kept.length).toBeGreaterThan(0);
    // The state-and-industry keys follow the listed cards (migration 0025).
    expect(
      await queryRows(own.deps.db, sql`select key, name, id from directory_card_keys order by 1, 2, 3`),
    ).toEqual(
      await queryRows(
        own.deps.db,
        sql`select distinct k as key, c.name, c.id from directory_cards c, unnest(c.state_industry_keys) as k
            where c.listed order by 1, 2, 3`,
      ),
    );
    // A page read from the keys answers as the cards do: asking for every stage too takes the
    // cards' path to the same answer.
    const everyStage = "&stage=civic_infrastructure,prepare,launch,act,sustain";
    for (const query of [
      "state=CO,WY&naics=31-33",
      "state=CO&naics=11,23",
      "state=WY&naics=31-33&sort=-name",
    ]) {
      for (const paging of ["", "&pageSize=1&page=2"]) {
        const fromKeys = await own.app.inject({ url: `/api/partnerships?${query}${paging}` });
        const fromCards = await own.app.inject({ url: `/api/partnerships?${query}${paging}${everyStage}` });
        expect(fromKeys.statusCode).toBe(200);
        expect(fromKeys.json()).toEqual(fromCards.json());
      }
    }
  }

  it("stay true whatever writes the partnership, its industries, counties or organizations", async () => {
    const { cookie } = await signUp(own);
    const plains = await createPartnership(own, cookie, {
      name: "Plains Growers",
      naics: ["111", "31-33"],
      counties: ["08123", "08069"],
      setting: "rural",
      stage: "prepare",
    });
    const other = await createPartnership(own, cookie, {
      name: "Front Range Builders",
      naics: ["236"],
      counties: ["08031"],
    });
    await expectCardsTrue();

    const add = (payload: Record<string, string>) =>
      own.app.inject({
        method: "POST",
        url: `/api/partnerships/${plains.id}/organizations`,
        headers: { cookie },
        payload,
      });
    expect(
      (await add({ name: "Acme Farms", kind: "business", naics: "111", sizeBand: "10-49" })).statusCode,
    ).toBe(201);
    expect(
      (await add({ name: "Weld Growers", kind: "business", naics: "111", sizeBand: "1-9" })).statusCode,
    ).toBe(201);
    const college = await add({ name: "Aims Community College", kind: "postsecondary_education" });
    expect(college.statusCode).toBe(201);
    await expectCardsTrue();
    const listed = async (query: string) =>
      (await own.app.inject({ url: `/api/partnerships?${query}` })).json<{
        items: {
          name: string;
          businessCount: number;
          publicCount: number;
          naics: string[];
          states: string[];
        }[];
        total: number;
      }>();
    expect((await listed("q=Plains")).items[0]).toMatchObject({ businessCount: 2, publicCount: 1 });

    const removed = await own.app.inject({
      method: "DELETE",
      url: `/api/partnerships/${plains.id}/organizations/${college.json<{ id: string }>().id}`,
      headers: { cookie },
      payload: { version: college.json<{ version: number }>().version },
    });
    expect(removed.statusCode).toBe(204);
    const changed = await own.app.inject({
      method: "PATCH",
      url: `/api/partnerships/${plains.id}`,
      headers: { cookie },
      payload: { version: plains.version, name: "High Plains Growers", naics: ["3363"], counties: ["56021"] },
    });
    expect(changed.statusCode).toBe(200);
    await expectCardsTrue();
    expect((await listed("naics=31-33&state=WY")).items).toMatchObject([
      { name: "High Plains Growers", businessCount: 2, publicCount: 0, naics: ["3363"], states: ["WY"] },
    ]);
    expect((await listed("state=CO")).items.map((i) => i.name)).toEqual(["Front Range Builders"]);

    // Writes that do not go through the app: a tool, a script, a bulk sync.
    await own.deps.db.execute(
      sql`update organizations set kind = 'workforce_development' where name = 'Weld Growers'`,
    );
    await own.deps.db.execute(sql`update organizations set removed_at = now() where name = 'Acme Farms'`);
    await own.deps.db.execute(
      sql`update organizations set partnership_id = ${other.id} where name = 'Weld Growers'`,
    );
    await own.deps.db.execute(
      sql`insert into partnership_naics (partnership_id, code, position) values (${other.id}, '31-33', 1)`,
    );
    await own.deps.db.execute(
      sql`update partnership_counties set fips = '08005' where partnership_id = ${other.id}`,
    );
    await own.deps.db.execute(sql`update partnerships set deleted_at = now() where id = ${plains.id}`);
    await expectCardsTrue();
    expect(await listed("naics=3363")).toMatchObject({
      total: 1,
      items: [{ name: "Front Range Builders", businessCount: 0, publicCount: 1 }],
    });
    await own.deps.db.execute(sql`delete from organizations where partnership_id = ${other.id}`);
    await own.deps.db.execute(
      sql`delete from partnership_naics where partnership_id = ${other.id} and code = '236'`,
    );
    await own.deps.db.execute(sql`delete from partnerships where id = ${plains.id}`);
    await expectCardsTrue();
    expect((await listed("naics=23")).total).toBe(0);
  });
});
