import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resource, ResourceList } from "../../../core/resources.js";
import { queryRows } from "../../../db/query.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";
import { starterLibrary } from "./starter-library.js";
import { starterLibraryEs } from "./starter-library.es.js";
import { ensureStarterResources } from "./starter.js";

/**
 * The library in the reader's language: a translation where one exists, else the original with
 * `lang` saying so (the page notes it); community admins write and remove translations.
 */

let ctx: TestContext;
let admin: string;
let member: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const a = await signUp(ctx, "Library Translator");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${a.userId}`);
  admin = a.cookie;
  member = (await signUp(ctx, "Library Reader")).cookie;
});
afterAll(async () => ctx.close());

async function read<T>(url: string, lang: string, cookie?: string) {
  const response = await ctx.app.inject({
    url,
    headers: { "accept-language": lang, ...(cookie ? { cookie } : {}) },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

async function send(method: "PUT" | "DELETE", url: string, cookie: string, payload?: object) {
  return ctx.app.inject({ method, url, headers: { cookie, "accept-language": "en" }, payload });
}

const starter = starterLibrary[1];

describe("the library in the reader's language", () => {
  it("gives the starter library in Spanish to a Spanish reader and in English to another", async () => {
    const es = await read<Resource>(`/api/resources/${starter.slug}`, "es-MX,es;q=0.9");
    const en = await read<Resource>(`/api/resources/${starter.slug}`, "en-US");
    expect(es.lang).toBe("es");
    expect(es.title).toBe(starterLibraryEs[starter.slug].title);
    expect(es.summary).toBe(starterLibraryEs[starter.slug].summary);
    expect(es.html).toContain("<h2>");
    expect(en.lang).toBe("en");
    expect(en.title).toBe(starter.title);
    // Only admins get the original and the translations to edit.
    expect(es.translations).toBeUndefined();
    const list = await read<ResourceList>("/api/resources?pageSize=50", "es");
    expect(list.items.every((item) => item.lang === "es")).toBe(true);
    expect(list.items.map((item) => item.title)).toContain(starterLibraryEs[starter.slug].title);
    // Once each: a second start adds no translation twice.
    await ensureStarterResources(ctx.deps.db);
    const [row] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from resource_translations`,
    );
    expect(row?.n).toBe(starterLibrary.length);
  });

  it("shows a resource without a translation in English, marked, until an admin writes one", async () => {
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/resources",
      headers: { cookie: admin },
      payload: { title: "Harvest crew scheduling template", summary: "A shared calendar for the season." },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, slug } = created.json<Resource>();
    const before = await read<Resource>(`/api/resources/${slug}`, "es");
    expect(before.lang).toBe("en");
    expect(before.title).toBe("Harvest crew scheduling template");

    const saved = await send("PUT", `/api/resources/${id}/translations/es`, admin, {
      title: "Plantilla de turnos de cosecha",
      summary: "Un calendario compartido para la temporada.",
      body: "## Cómo usarla\n\nAnote los **turnos** de cada cuadrilla.",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<Resource>().translations?.map((t) => t.lang)).toEqual(["es"]);
    expect(saved.json<Resource>().original?.title).toBe("Harvest crew scheduling template");

    const after = await read<Resource>(`/api/resources/${slug}`, "es");
    expect(after.lang).toBe("es");
    expect(after.title).toBe("Plantilla de turnos de cosecha");
    expect(after.html).toContain("<strong>turnos</strong>");
    expect((await read<Resource>(`/api/resources/${slug}`, "en")).title).toBe(
      "Harvest crew scheduling template",
    );

    // A Spanish reader finds it by its Spanish words (stemmed: "cuadrillas" finds "cuadrilla").
    const found = await read<ResourceList>("/api/resources?q=cuadrillas", "es");
    expect(found.items.map((item) => item.slug)).toEqual([slug]);
    expect(found.items[0].highlight).toContain("<mark>cuadrilla</mark>");
    expect((await read<ResourceList>("/api/resources?q=cuadrillas", "en")).total).toBe(0);

    const removed = await send("DELETE", `/api/resources/${id}/translations/es`, admin);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await read<Resource>(`/api/resources/${slug}`, "es")).lang).toBe("en");
  });

  it("lets only community admins translate, and names what is wrong", async () => {
    const refused = await send("PUT", `/api/resources/${starter.slug}/translations/es`, member, {
      title: "Otro título",
    });
    expect(refused.statusCode).toBe(403);
    const french = await send("PUT", `/api/resources/${starter.slug}/translations/fr`, admin, {
      title: "Titre",
    });
    expect(french.statusCode).toBe(400);
    expect(french.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(["lang"]);
    const english = await send("PUT", `/api/resources/${starter.slug}/translations/en`, admin, {
      title: "Title",
    });
    expect(english.statusCode).toBe(400);
    const short = await send("PUT", `/api/resources/${starter.slug}/translations/es`, admin, {
      title: "Tí\u0000tulo",
    });
    expect(short.statusCode).toBe(400);
    expect(short.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(["title"]);
    const missing = await send("PUT", "/api/resources/no-such-resource/translations/es", admin, {
      title: "Título",
    });
    expect(missing.statusCode).toBe(404);
  });
});
