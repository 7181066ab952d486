import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommunityStats, CommunityStories } from "../../../core/home.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe("the community on the home page", () => {
  it("counts partnerships, states, sectors and businesses", async () => {
    const { cookie } = await signUp(ctx);
    const denver = await createPartnership(ctx, cookie);
    await createPartnership(ctx, cookie, {
      name: "Cheyenne Health Care Partnership",
      counties: ["56021"],
      naics: ["622", "621"],
    });
    for (const name of ["Acme Metal", "Front Range Plastics"])
      await ctx.app.inject({
        method: "POST",
        url: `/api/partnerships/${denver.id}/organizations`,
        headers: { cookie },
        payload: { name, kind: "business", naics: "3363", sizeBand: "10-49" },
      });
    await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${denver.id}/organizations`,
      headers: { cookie },
      payload: { name: "Community College", kind: "postsecondary" },
    });
    const stats = (await ctx.app.inject({ url: "/api/community/stats" })).json<CommunityStats>();
    expect(stats).toEqual({ partnerships: 2, states: 2, industries: 2, businesses: 2 });

    for (const [title, visibility] of [
      ["Public story of welders", "public"],
      ["Members-only story", "partnership"],
      ["Community story", "community"],
    ] as const) {
      const r = await ctx.app.inject({
        method: "POST",
        url: `/api/partnerships/${denver.id}/stories`,
        headers: { cookie },
        payload: {
          title,
          date: "2025-05-01",
          area: "businesses",
          body: "**Four** shops share a class.",
          visibility,
        },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const stories = (await ctx.app.inject({ url: "/api/community/stories" })).json<CommunityStories>();
    expect(stories.items.map((s) => s.title)).toEqual(["Public story of welders"]);
    expect(stories.items[0]?.excerpt).toBe("Four shops share a class.");
    expect(stories.items[0]?.partnershipSlug).toBe(denver.slug);
  });
});
