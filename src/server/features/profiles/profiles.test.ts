import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Profile, ProfileList } from "../../../core/profiles.js";
import { benchmarkProfileRevisions, memberships } from "../../../db/schema/index.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

type User = Awaited<ReturnType<typeof signUp>>;
let ctx: TestContext;
let convener: User;
let business: User;
let stranger: User;
let admin: User;
let denver: { id: string; slug: string };
let ohio: { id: string; slug: string };
let quiet: { id: string; slug: string };
const stories: Record<"public" | "community" | "partnership", string> = {
  public: "",
  community: "",
  partnership: "",
};
let ownKey = "";

const blank = {
  motivations: "",
  mechanisms: "",
  moments: "",
  results: "",
  ingredients: "",
  plans: "",
  indicators: [] as string[],
  stories: [] as string[],
};

async function call(method: "GET" | "PUT" | "POST", url: string, user?: User, payload?: object) {
  return ctx.app.inject({
    method,
    url,
    headers: user ? { cookie: user.cookie } : {},
    ...(payload ? { payload } : {}),
  });
}

async function ok<T>(method: "GET" | "PUT" | "POST", url: string, user?: User, payload?: object) {
  const res = await call(method, url, user, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json<T>();
}

const profileUrl = (p: { id: string }) => `/api/partnerships/${p.id}/benchmark-profile`;
const fields = (res: { json: () => { errors?: { field: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.field);

async function measure(p: { id: string }, items: object[]) {
  await ok("PUT", `/api/partnerships/${p.id}/measurements`, convener, {
    items: items.map((i) => ({ kind: "actual", ...i })),
  });
}

async function story(p: { id: string }, title: string, visibility: string) {
  const created = await ok<{ id: string }>("POST", `/api/partnerships/${p.id}/stories`, convener, {
    title,
    date: "2025-05-01",
    area: "people",
    body: `**${title}**`,
    visibility,
  });
  return created.id;
}

/** Saves a whole draft of a partnership's profile at its current revision. */
async function save(p: { id: string }, body: Partial<typeof blank>, user = convener) {
  const current = await ok<Profile>("GET", profileUrl(p), user);
  return ok<Profile>("PUT", profileUrl(p), user, { ...blank, ...body, revision: current.revision });
}

async function publish(p: { id: string }, visibility: string) {
  const current = await ok<Profile>("GET", profileUrl(p), convener);
  return ok<Profile>("POST", `${profileUrl(p)}/publish`, convener, {
    revision: current.revision,
    visibility,
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  business = await signUp(ctx, "Bo Business");
  stranger = await signUp(ctx, "Sam Stranger");
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  denver = await createPartnership(ctx, convener.cookie, { name: "Denver Makers Partnership", stage: "act" });
  ohio = await createPartnership(ctx, convener.cookie, {
    name: "Ohio River Hospitals Partnership",
    naics: ["622"],
    counties: ["39061"],
    setting: "rural",
    stage: "sustain",
  });
  quiet = await createPartnership(ctx, convener.cookie, { name: "Quiet Valley Partnership" });
  await ctx.deps.db
    .insert(memberships)
    .values({ partnershipId: denver.id, personId: business.personId, role: "business_member" });
  await measure(denver, [
    { indicator: "jobs_created", period: "2023", value: 30, visibility: "public" },
    { indicator: "jobs_created", period: "2024", value: 40, visibility: "public" },
    { indicator: "jobs_created", period: "2025", value: 45, visibility: "partnership" },
    { indicator: "time_to_hire_days", period: "2024", value: 60, visibility: "public" },
    { indicator: "time_to_hire_days", period: "2025", value: 48, visibility: "public" },
  ]);
  const own = await ok<{ key: string }>("POST", `/api/partnerships/${denver.id}/own-indicators`, convener, {
    name: "Teachers hosted at member sites",
    area: "people",
    unit: "count",
    direction: "higher",
  });
  ownKey = own.key;
  await measure(denver, [
    { indicator: ownKey, period: "2025-Q1", value: 5, visibility: "public" },
    { indicator: ownKey, period: "2025-Q3", value: 9, visibility: "public" },
  ]);
  stories.public = await story(denver, "Apprentices finish their first year", "public");
  stories.community = await story(denver, "Three advisory boards become one", "community");
  stories.partnership = await story(denver, "What our members told us", "partnership");
});
afterAll(() => ctx.close());

describe("writing a profile", () => {
  it("starts as a blank draft at revision 0 for the convener, and is not there for anyone else", async () => {
    const empty = await ok<Profile>("GET", profileUrl(denver), convener);
    expect(empty).toMatchObject({ exists: false, status: "draft", revision: 0, canEdit: true });
    expect(empty.parts.map((p) => p.key)).toEqual([
      "motivations",
      "mechanisms",
      "moments",
      "results",
      "ingredients",
      "plans",
    ]);
    expect((await call("GET", profileUrl(denver))).statusCode).toBe(404);
    expect((await call("GET", profileUrl(denver), stranger)).statusCode).toBe(404);
  });

  it("saves a draft, features indicators and stories, and answers 409 to a stale revision with the current profile", async () => {
    const first = await ok<Profile>("PUT", profileUrl(denver), convener, {
      ...blank,
      revision: 0,
      motivations: "Manufacturers could not find machinists.",
      indicators: ["jobs_created", "time_to_hire_days", ownKey],
      stories: [stories.public, stories.community, stories.partnership],
    });
    expect(first).toMatchObject({ exists: true, status: "draft", revision: 1 });
    expect(first.chosen?.indicators).toEqual(["jobs_created", "time_to_hire_days", ownKey]);
    const second = await ok<Profile>("PUT", profileUrl(denver), convener, {
      ...blank,
      revision: 1,
      motivations: "Manufacturers could not find machinists, so they met.",
      indicators: ["jobs_created", "time_to_hire_days", ownKey],
      stories: [stories.public, stories.community, stories.partnership],
    });
    expect(second.revision).toBe(2);
    const stale = await call("PUT", profileUrl(denver), convener, {
      ...blank,
      revision: 1,
      motivations: "Old",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers["content-type"]).toContain("application/problem+json");
    expect(stale.json().current.revision).toBe(2);
    expect(stale.json().current.parts[0].text).toBe("Manufacturers could not find machinists, so they met.");
    // Each change kept what was there before it.
    const kept = await ctx.deps.db.select().from(benchmarkProfileRevisions);
    expect(kept.map((r) => r.revision)).toEqual([1]);
    expect(kept[0].content.motivations).toBe("Manufacturers could not find machinists.");
  });

  it("lets only conveners and community admins write: a business member and an outsider get 403, anonymous 401", async () => {
    const body = { ...blank, revision: 2, motivations: "Not mine to write" };
    expect((await call("PUT", profileUrl(denver), business, body)).statusCode).toBe(403);
    expect((await call("PUT", profileUrl(denver), stranger, body)).statusCode).toBe(403);
    expect((await call("PUT", profileUrl(denver))).statusCode).toBe(401);
    expect(
      (await call("POST", `${profileUrl(denver)}/publish`, business, { revision: 2, visibility: "public" }))
        .statusCode,
    ).toBe(403);
    // The business member reads the draft, the outsider does not.
    const draft = await ok<Profile>("GET", profileUrl(denver), business);
    expect(draft).toMatchObject({ canEdit: false, revision: 2 });
    expect((await call("GET", profileUrl(denver), stranger)).statusCode).toBe(404);
    const byAdmin = await ok<Profile>("PUT", profileUrl(quiet), admin, {
      ...blank,
      revision: 0,
      plans: "Admin help",
    });
    expect(byAdmin).toMatchObject({ revision: 1, canEdit: true });
  });

  it("refuses bad input field by field, all or nothing", async () => {
    const base = {
      ...blank,
      revision: 2,
      motivations: "Changed",
      indicators: ["jobs_created"],
    };
    const cases: [object, string][] = [
      [{ mechanisms: "bad \u0000 byte" }, "mechanisms"],
      [{ moments: "x".repeat(8001) }, "moments"],
      [{ revision: 1e20 }, "revision"],
      [{ revision: -1 }, "revision"],
      [{ indicators: ["a1", "a2", "a3", "a4", "a5", "a6", "a7"] }, "indicators"],
      [{ stories: ["not-a-uuid"] }, "stories.0"],
      [{ indicators: ["no_such_indicator"] }, "indicators.0"],
      [{ indicators: ["jobs_created", "jobs_created"] }, "indicators.1"],
      [{ indicators: ["placements"] }, "indicators.0"],
      [{ stories: ["00000000-0000-4000-8000-000000000000"] }, "stories.0"],
      [{ colour: "red" }, "colour"],
    ];
    for (const [change, field] of cases) {
      const res = await call("PUT", profileUrl(denver), convener, { ...base, ...change });
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(fields(res), JSON.stringify(change).slice(0, 80)).toContain(field);
    }
    const after = await ok<Profile>("GET", profileUrl(denver), convener);
    expect(after.revision).toBe(2);
    expect(after.parts[0].text).toBe("Manufacturers could not find machinists, so they met.");
    const publishBad = await call("POST", `${profileUrl(denver)}/publish`, convener, {
      revision: 2,
      visibility: "everyone",
    });
    expect(publishBad.statusCode).toBe(400);
    expect(fields(publishBad)).toEqual(["visibility"]);
  });

  it("renders Markdown sanitized: no script, no javascript: link", async () => {
    const saved = await save(quiet, {
      motivations:
        'We **met**.<script>alert("x")</script> [click](javascript:alert(1)) [site](https://example.org)',
    });
    const html = saved.parts[0].html;
    expect(html).toContain("<strong>met</strong>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("alert(");
    expect(html).not.toContain("javascript:");
    expect(html).toContain('href="https://example.org"');
  });
});

describe("publishing and who reads it", () => {
  const read = (user?: User) => call("GET", profileUrl(denver), user);
  const listed = async (user?: User) =>
    (await ok<ProfileList>("GET", "/api/profiles", user)).items.map((i) => i.partnership.slug);

  it("members only: the partnership's members read it, a signed-in outsider and the public do not", async () => {
    const published = await publish(denver, "partnership");
    expect(published).toMatchObject({ status: "published", visibility: "partnership", revision: 3 });
    expect((await read(business)).statusCode).toBe(200);
    expect((await read(stranger)).statusCode).toBe(404);
    expect((await read()).statusCode).toBe(404);
    expect(await listed(business)).toEqual([denver.slug]);
    expect(await listed(stranger)).toEqual([]);
    expect(await listed()).toEqual([]);
  });

  it("community: anyone signed in reads it, the public does not", async () => {
    await publish(denver, "community");
    expect((await read(stranger)).statusCode).toBe(200);
    expect((await read()).statusCode).toBe(404);
    expect(await listed(stranger)).toEqual([denver.slug]);
    expect(await listed()).toEqual([]);
  });

  it("public: anyone reads it, each reader seeing only the values and stories they may", async () => {
    await publish(denver, "public");
    const visitor = await ok<Profile>("GET", `/api/partnerships/${denver.slug}/benchmark-profile`);
    expect(visitor).toMatchObject({
      status: "published",
      visibility: "public",
      canEdit: false,
      chosen: null,
    });
    expect(await listed()).toEqual([denver.slug]);
    const [jobs, hire, own] = visitor.results.indicators;
    // The 2025 value is members-only: counted, never shown, to the public.
    expect(jobs).toMatchObject({
      key: "jobs_created",
      unit: "count",
      latest: { period: "2024", value: 40 },
      yearBefore: { period: "2023", value: 30 },
      first: { period: "2023", value: 30 },
      basis: "year_before",
      change: 10,
      trend: "better",
      hiddenValues: 1,
    });
    const shownValues = visitor.results.indicators.flatMap((i) =>
      [i.latest, i.yearBefore, i.first].map((v) => v?.value),
    );
    expect(shownValues).not.toContain(45);
    expect(hire).toMatchObject({
      key: "time_to_hire_days",
      unit: "days",
      direction: "lower",
      latest: { period: "2025", value: 48 },
      yearBefore: { period: "2024", value: 60 },
      change: -12,
      trend: "better",
      hiddenValues: 0,
    });
    // Two quarters of one year: compared with the first value, there is none a year before.
    expect(own).toMatchObject({
      key: ownKey,
      custom: true,
      latest: { period: "2025-Q3", value: 9 },
      yearBefore: null,
      first: { period: "2025-Q1", value: 5 },
      basis: "first",
      change: 4,
      trend: "better",
    });
    expect(visitor.results.stories.map((s) => s.id)).toEqual([stories.public]);
    const practitioner = await ok<Profile>("GET", profileUrl(denver), stranger);
    expect(practitioner.results.stories.map((s) => s.id)).toEqual([stories.public, stories.community]);
    expect(practitioner.results.indicators[0]).toMatchObject({ latest: { value: 40 }, hiddenValues: 1 });
    const member = await ok<Profile>("GET", profileUrl(denver), business);
    expect(member.results.stories).toHaveLength(3);
    expect(member.results.indicators[0]).toMatchObject({
      latest: { period: "2025", value: 45 },
      yearBefore: { period: "2024", value: 40 },
      change: 5,
      trend: "better",
      hiddenValues: 0,
    });
  });

  it("reads the results live: a new value changes the published profile at once", async () => {
    await measure(denver, [
      { indicator: "time_to_hire_days", period: "2026", value: 52, visibility: "public" },
    ]);
    const visitor = await ok<Profile>("GET", profileUrl(denver));
    expect(visitor.results.indicators[1]).toMatchObject({
      latest: { period: "2026", value: 52 },
      yearBefore: { period: "2025", value: 48 },
      first: { period: "2024", value: 60 },
      change: 4,
      trend: "worse",
    });
    // Made members-only later, the value leaves the public profile too.
    await measure(denver, [
      { indicator: "time_to_hire_days", period: "2026", value: 52, visibility: "partnership" },
    ]);
    const again = await ok<Profile>("GET", profileUrl(denver));
    expect(again.results.indicators[1]).toMatchObject({
      latest: { period: "2025", value: 48 },
      hiddenValues: 1,
    });
  });

  it("unpublishes back to a draft that only members see", async () => {
    const current = await ok<Profile>("GET", profileUrl(denver), convener);
    const stale = await call("POST", `${profileUrl(denver)}/unpublish`, convener, {
      revision: current.revision - 1,
    });
    expect(stale.statusCode).toBe(409);
    const draft = await ok<Profile>("POST", `${profileUrl(denver)}/unpublish`, convener, {
      revision: current.revision,
    });
    expect(draft).toMatchObject({ status: "draft", publishedAt: null, revision: current.revision + 1 });
    expect((await read()).statusCode).toBe(404);
    expect((await read(stranger)).statusCode).toBe(404);
    expect(await listed()).toEqual([]);
    expect((await read(business)).statusCode).toBe(200);
    await publish(denver, "public");
  });
});

describe("a blank profile", () => {
  it("cannot be published: 400 naming the first part, and it stays a draft", async () => {
    const empty = await createPartnership(ctx, convener.cookie, { name: "Empty Page Partnership" });
    const saved = await save(empty, {});
    const res = await call("POST", `${profileUrl(empty)}/publish`, convener, {
      revision: saved.revision,
      visibility: "public",
    });
    expect(res.statusCode).toBe(400);
    expect(fields(res)).toEqual(["motivations"]);
    expect((await ok<Profile>("GET", profileUrl(empty), convener)).status).toBe("draft");
  });
});

describe("the collection and comparing profiles", () => {
  beforeAll(async () => {
    await save(ohio, { motivations: "Hospitals along the river shared one **nursing** shortage." });
    await publish(ohio, "public");
  });
  const slugs = async (query: string) => {
    const res = await call("GET", `/api/profiles${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json<ProfileList>()
      .items.map((i) => i.partnership.slug)
      .sort();
  };

  it("filters by industry sector, state, stage and setting, and offers the choices there are", async () => {
    expect(await slugs("")).toEqual([denver.slug, ohio.slug].sort());
    expect(await slugs("?industry=31-33")).toEqual([denver.slug]);
    expect(await slugs("?industry=62")).toEqual([ohio.slug]);
    expect(await slugs("?industry=54")).toEqual([]);
    expect(await slugs("?state=OH")).toEqual([ohio.slug]);
    expect(await slugs("?state=co")).toEqual([denver.slug]);
    expect(await slugs("?stage=act")).toEqual([denver.slug]);
    expect(await slugs("?setting=rural")).toEqual([ohio.slug]);
    expect(await slugs("?industry=62&state=CO")).toEqual([]);
    expect(await slugs(`?partnership=${ohio.slug}`)).toEqual([ohio.slug]);
    expect(await slugs(`?partnership=${denver.id}`)).toEqual([denver.slug]);
    const list = await ok<ProfileList>("GET", "/api/profiles");
    expect(list.facets.industries.map((i) => i.code)).toEqual(["31-33", "62"]);
    expect(list.facets.states).toEqual([
      { abbr: "CO", name: "Colorado" },
      { abbr: "OH", name: "Ohio" },
    ]);
    const ohioItem = list.items.find((i) => i.partnership.slug === ohio.slug);
    expect(ohioItem).toMatchObject({
      summary: "Hospitals along the river shared one nursing shortage.",
      indicators: 0,
    });
  });

  it("answers 400 naming the field for a bad filter", async () => {
    for (const [query, field] of [
      ["industry=99", "industry"],
      ["industry=31", "industry"],
      ["state=ZZ", "state"],
      ["state=Colorado", "state"],
      ["stage=flying", "stage"],
      ["setting=suburban", "setting"],
      ["colour=red", "colour"],
      ["partnership=not%20a%20slug", "partnership"],
    ]) {
      const res = await call("GET", `/api/profiles?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(fields(res), query).toContain(field);
    }
  });

  it("compares two or three published profiles part by part, by id or slug", async () => {
    const res = await call("GET", `/api/profiles/compare?ids=${denver.slug},${ohio.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Profile[] }>().items;
    expect(items.map((p) => p.partnership.slug)).toEqual([denver.slug, ohio.slug]);
    expect(items[1].parts[0].html).toContain("<strong>nursing</strong>");
    expect(items[0].results.indicators.map((i) => i.key)).toEqual([
      "jobs_created",
      "time_to_hire_days",
      ownKey,
    ]);
    // The quiet partnership's draft becomes the third once published.
    await publish(quiet, "community");
    const three = await call(
      "GET",
      `/api/profiles/compare?ids=${denver.slug},${ohio.slug},${quiet.slug}`,
      stranger,
    );
    expect(three.json<{ items: Profile[] }>().items).toHaveLength(3);
  });

  it("answers 400 naming ids for one, four, unknown, unreadable or repeated profiles", async () => {
    for (const ids of [
      denver.slug,
      `${denver.slug},${ohio.slug},${quiet.slug},another`,
      `${denver.slug},no-such-partnership`,
      // Community only: the public may not compare it.
      `${denver.slug},${quiet.slug}`,
      `${denver.slug},${denver.id}`,
      `${denver.slug},${denver.slug}`,
      `${denver.slug},bad%00byte`,
    ]) {
      const res = await call("GET", `/api/profiles/compare?ids=${ids}`);
      expect(res.statusCode, ids).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(
        fields(res).some((f) => f === "ids" || f.startsWith("ids")),
        `${ids}: ${res.body}`,
      ).toBe(true);
    }
    const missing = await call("GET", "/api/profiles/compare");
    expect(missing.statusCode).toBe(400);
    expect(fields(missing)).toContain("ids");
  });
});
