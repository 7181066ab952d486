import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RubricContent } from "../../../core/assessment-scoring.js";
import { assessmentRubrics } from "../../../db/schema/index.js";
import { createTestContext, type TestContext } from "../../test-support.js";
import { rubricV1 } from "./rubric-v1.js";

let ctx: TestContext;

/** Version 1 as it was first released: the attendance link sent people to the members page. */
const releasedV1: RubricContent = JSON.parse(
  JSON.stringify(rubricV1).replace(
    '{"title":"Meeting attendance in your workspace","href":"meetings"',
    '{"title":"Meeting attendance in your workspace","href":"members"',
  ),
) as RubricContent;

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.deps.db
    .insert(assessmentRubrics)
    .values({ version: 1, status: "published", content: releasedV1, publishedAt: new Date() });
});
afterAll(() => ctx.close());

type Served = { characteristics: { statements: { key: string; text: string; resources: unknown[] }[] }[] };

describe("links of a released rubric", () => {
  it("sends 'Meeting attendance in your workspace' to the meetings page, the statement unchanged", async () => {
    expect(JSON.stringify(releasedV1)).toContain('"href":"members"');
    const res = await ctx.app.inject({ method: "GET", url: "/api/assessment/rubrics/1" });
    expect(res.statusCode).toBe(200);
    const statement = res.json<Served>().characteristics[0].statements[0];
    expect(statement.key).toBe("business_majority");
    expect(statement.text).toBe(rubricV1.characteristics[0].statements[0].text);
    expect(statement.resources).toEqual([
      { title: "Toolkit: Recruit business leaders to the launch" },
      { title: "Meeting attendance in your workspace", href: "meetings", workspace: true },
    ]);
    // "Who is at your table" is about members and still opens the members page.
    expect(JSON.stringify(res.json())).toContain(
      '{"title":"Who is at your table","href":"members","workspace":true}',
    );
  });
});
