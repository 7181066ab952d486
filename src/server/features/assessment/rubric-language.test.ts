import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuickResponse, Rubric } from "../../../core/assessment.js";
import type { Answers, RubricContent } from "../../../core/assessment-scoring.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";
import { rubricV2 } from "./rubric-v2.js";
import { rubricV2Es } from "./rubric-v2.es.js";

/**
 * The rubric in the reader's language: a released version arrives with its Spanish, a draft's
 * translation is edited beside its English, a text without one stays English and is named, and
 * scores never depend on the language.
 */

let ctx: TestContext;
let admin: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const a = await signUp(ctx, "Rubric Translator");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${a.userId}`);
  admin = a.cookie;
});
afterAll(async () => ctx.close());

async function get(url: string, lang: string, cookie?: string) {
  const response = await ctx.app.inject({
    url,
    headers: { "accept-language": lang, ...(cookie ? { cookie } : {}) },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Rubric>();
}

const firstStatement = (rubric: { characteristics: RubricContent["characteristics"] }) =>
  rubric.characteristics[0].statements[0];

describe("the rubric in the reader's language", () => {
  it("reads the released version whole in Spanish for one reader and in English for another", async () => {
    const es = await get("/api/assessment/rubric", "es-MX,es;q=0.9");
    const en = await get("/api/assessment/rubric", "en-US");
    expect(es.language).toBe("es");
    expect(es.untranslated).toBe(0);
    expect(es.inEnglish).toEqual([]);
    const key = rubricV2.characteristics[0].key;
    expect(es.characteristics[0].name).toBe(rubricV2Es.characteristics[key]!.name);
    expect(firstStatement(es).text).toBe(rubricV2Es.statements[firstStatement(rubricV2).key].text);
    expect(firstStatement(es).levels.exemplary).toBe(
      rubricV2Es.statements[firstStatement(rubricV2).key].levels!.exemplary,
    );
    expect(firstStatement(es).resources[0].title).toBe(
      rubricV2Es.resourceTitles[firstStatement(rubricV2).resources[0].title],
    );
    // Same keys, same order, same links: only the words differ.
    expect(es.characteristics.map((c) => c.statements.map((s) => s.key))).toEqual(
      en.characteristics.map((c) => c.statements.map((s) => s.key)),
    );
    expect(firstStatement(es).resources.map((r) => r.href)).toEqual(
      firstStatement(en).resources.map((r) => r.href),
    );
    expect(en.language).toBe("en");
    expect(en.characteristics[0].name).toBe(rubricV2.characteristics[0].name);
    expect(en.source).toBeUndefined();
    expect(en.translations).toBeUndefined();
  });

  it("scores a quick check the same in every language", async () => {
    const answers: Answers = Object.fromEntries(
      rubricV2.characteristics.flatMap((c, i) => c.statements.map((s) => [s.key, i % 4])),
    );
    const score = async (lang: string) => {
      const response = await ctx.app.inject({
        method: "POST",
        url: "/api/assessment/quick",
        headers: { "accept-language": lang },
        payload: { answers },
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<QuickResponse>();
    };
    expect(await score("es")).toEqual(await score("en"));
  });

  it("edits a draft's translation beside its English, and reads what is missing in English, named", async () => {
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/assessment/rubrics",
      headers: { cookie: admin, "accept-language": "es" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json<Rubric>();
    // Read in Spanish, the draft still carries its English as written and its translations.
    expect(draft.source?.characteristics[0]!.name).toBe(rubricV2.characteristics[0].name);
    expect(draft.translations?.es?.characteristics[rubricV2.characteristics[0].key]?.name).toBe(
      rubricV2Es.characteristics[rubricV2.characteristics[0].key]!.name,
    );

    // The admin rewrites one statement's English and drops its Spanish; another key is stale.
    const changed = firstStatement(rubricV2).key;
    const source = draft.source!.characteristics.map((c, i) =>
      i === 0
        ? {
            ...c,
            statements: c.statements.map((s, j) =>
              j === 0
                ? { ...s, text: "Our region is drawn where our businesses' workers live and commute." }
                : s,
            ),
          }
        : c,
    );
    const { [changed]: _dropped, ...kept } = rubricV2Es.statements;
    const saved = await ctx.app.inject({
      method: "PUT",
      url: `/api/assessment/rubrics/${draft.version}`,
      headers: { cookie: admin, "accept-language": "es" },
      payload: {
        revision: draft.revision,
        characteristics: source,
        translations: {
          es: { ...rubricV2Es, statements: { ...kept, gone_statement: { text: "Ya no existe." } } },
        },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const es = saved.json<Rubric>();
    expect(es.untranslated).toBe(5); // the statement's text and its four levels
    expect(es.inEnglish).toEqual([changed]);
    expect(firstStatement(es).text).toBe(
      "Our region is drawn where our businesses' workers live and commute.",
    );
    expect(es.characteristics[0].name).toBe(
      rubricV2Es.characteristics[rubricV2.characteristics[0].key]!.name,
    );
    // A translation of a statement the English no longer has is not kept.
    expect(es.translations?.es?.statements).not.toHaveProperty("gone_statement");

    const en = await get(`/api/assessment/rubrics/${draft.version}`, "en", admin);
    expect(en.untranslated).toBe(0);
    expect(firstStatement(en).text).toBe(
      "Our region is drawn where our businesses' workers live and commute.",
    );
  });

  it("refuses a translation that is not text, naming the field", async () => {
    const draft = await get("/api/assessment/rubrics", "en", admin);
    const version = (draft as unknown as { items: { version: number; status: string }[] }).items.find(
      (v) => v.status === "draft",
    )!.version;
    const current = await get(`/api/assessment/rubrics/${version}`, "en", admin);
    const response = await ctx.app.inject({
      method: "PUT",
      url: `/api/assessment/rubrics/${version}`,
      headers: { cookie: admin, "accept-language": "es" },
      payload: {
        revision: current.revision,
        characteristics: current.source!.characteristics,
        translations: {
          es: { characteristics: {}, statements: { x: { text: "y".repeat(5000) } }, resourceTitles: {} },
        },
      },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(
      "translations.es.statements.x.text",
    );
    const french = await ctx.app.inject({
      method: "PUT",
      url: `/api/assessment/rubrics/${version}`,
      headers: { cookie: admin },
      payload: {
        revision: current.revision,
        characteristics: current.source!.characteristics,
        translations: { fr: { characteristics: {}, statements: {}, resourceTitles: {} } },
      },
    });
    expect(french.statusCode, french.body).toBe(400);
  });
});
