import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { priorities } from "../../../db/schema/index.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
let convener: Awaited<ReturnType<typeof signUp>>;

const colorado = { counties: ["08031", "08005"], naics: ["31-33"] };
const ohio = { counties: ["39049"], naics: ["622"] };

async function call(
  method: "GET" | "POST" | "PATCH",
  url: string,
  payload?: object,
  cookie = convener.cookie,
) {
  return ctx.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
}

async function priority(partnershipId: string, title: string, theme: string) {
  const res = await call("POST", `/api/partnerships/${partnershipId}/priorities`, { title, theme });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number; theme: string }>();
}

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  // Five manufacturing partnerships in Colorado, two hospital partnerships in Ohio.
  const themesOf = [
    ["talent_pipeline", "supply_chain"],
    ["talent_pipeline"],
    ["supply_chain", "supply_chain"],
    ["innovation_technology"],
    ["talent_pipeline"],
  ];
  for (const [i, list] of themesOf.entries()) {
    const p = await createPartnership(ctx, convener.cookie, {
      name: `Colorado Makers ${i + 1}`,
      ...colorado,
    });
    for (const [j, theme] of list.entries())
      await priority(p.id, `Colorado priority ${i + 1}.${j + 1}`, theme);
    if (i === 1) {
      // Chosen before themes existed: counted apart, never guessed.
      await ctx.deps.db.insert(priorities).values({ partnershipId: p.id, title: "An older priority" });
    }
    if (i === 4) {
      const retired = await priority(p.id, "Retired image campaign", "industry_image");
      const res = await call("PATCH", `/api/priorities/${retired.id}`, {
        version: retired.version,
        status: "retired",
      });
      expect(res.statusCode).toBe(200);
    }
  }
  for (const [i, theme] of ["talent_pipeline", "regulation_policy"].entries()) {
    const p = await createPartnership(ctx, convener.cookie, { name: `Ohio Hospitals ${i + 1}`, ...ohio });
    await priority(p.id, `Ohio priority ${i + 1}`, theme);
  }
});
afterAll(() => ctx.close());

describe("the themes roll-up", () => {
  it("counts partnerships by the themes of their active priorities, and by industry and state in groups of 5 or more", async () => {
    const res = await call("GET", "/api/community/themes");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      industry: null,
      state: null,
      partnerships: 7,
      suppressed: false,
      minGroup: 5,
      unthemed: 1,
      foldedIndustries: 1,
      foldedStates: 1,
    });
    // Most partnerships first; the retired industry-image priority is not work in progress.
    expect(body.themes).toEqual([
      { theme: "talent_pipeline", partnerships: 4, priorities: 4, share: 0.571 },
      { theme: "supply_chain", partnerships: 2, priorities: 3, share: 0.286 },
      { theme: "innovation_technology", partnerships: 1, priorities: 1, share: 0.143 },
      { theme: "regulation_policy", partnerships: 1, priorities: 1, share: 0.143 },
    ]);
    // Ohio's two partnerships and the hospital sector are left out: fewer than 5 would expose them.
    expect(body.byState).toEqual([
      {
        key: "08",
        label: "Colorado",
        partnerships: 5,
        themes: [
          { theme: "talent_pipeline", partnerships: 3, priorities: 3, share: 0.6 },
          { theme: "supply_chain", partnerships: 2, priorities: 3, share: 0.4 },
          { theme: "innovation_technology", partnerships: 1, priorities: 1, share: 0.2 },
        ],
      },
    ]);
    expect(body.byIndustry).toHaveLength(1);
    expect(body.byIndustry[0]).toMatchObject({ key: "31-33", partnerships: 5 });
    expect(body.byIndustry[0].label).toMatch(/^Manufacturing/);
  });

  it("narrows to an industry and a state, and counts nothing for fewer than 5 partnerships", async () => {
    const manufacturing = (await call("GET", "/api/community/themes?industry=31-33")).json();
    expect(manufacturing.partnerships).toBe(5);
    expect(manufacturing.themes[0]).toEqual({
      theme: "talent_pipeline",
      partnerships: 3,
      priorities: 3,
      share: 0.6,
    });
    const ohioOnly = (await call("GET", "/api/community/themes?state=39")).json();
    expect(ohioOnly).toMatchObject({
      state: "39",
      partnerships: 2,
      suppressed: true,
      themes: [],
      byState: [],
    });
  });

  it("answers people who are signed in, and names the field of a bad filter", async () => {
    expect((await call("GET", "/api/community/themes", undefined, "")).statusCode).toBe(401);
    const state = await call("GET", "/api/community/themes?state=Ohio");
    expect(state.statusCode).toBe(400);
    expect(state.json().errors).toEqual([
      { field: "state", message: "must be a state's two-digit FIPS code, such as 39" },
    ]);
    const industry = await call("GET", "/api/community/themes?industry=3%00");
    expect(industry.statusCode).toBe(400);
    expect(industry.json().errors[0].field).toBe("industry");
    expect((await call("GET", "/api/community/themes?region=west")).statusCode).toBe(400);
  });

  it("makes choosing a theme part of raising an opportunity and of choosing a priority", async () => {
    const p = await createPartnership(ctx, convener.cookie, { name: "Theme Rules Partnership", ...colorado });
    const noTheme = await call("POST", `/api/partnerships/${p.id}/opportunities`, {
      title: "Shared welding lab",
    });
    expect(noTheme.statusCode).toBe(400);
    expect(noTheme.json().errors[0].field).toBe("theme");
    const raised = await call("POST", `/api/partnerships/${p.id}/opportunities`, {
      title: "Shared welding lab",
      theme: "innovation_technology",
    });
    expect(raised.statusCode).toBe(201);
    expect(raised.json().theme).toBe("innovation_technology");
    // A priority made from it takes its theme unless told otherwise.
    const fromIt = await call("POST", `/api/partnerships/${p.id}/priorities`, {
      title: "Shared welding lab",
      opportunityId: raised.json().id,
    });
    expect(fromIt.json().theme).toBe("innovation_technology");
    const bare = await call("POST", `/api/partnerships/${p.id}/priorities`, { title: "No theme at all" });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0].field).toBe("theme");
    const moved = await call("PATCH", `/api/priorities/${fromIt.json().id}`, {
      version: fromIt.json().version,
      theme: "incumbent_worker_skills",
    });
    expect(moved.json().theme).toBe("incumbent_worker_skills");
  });
});
