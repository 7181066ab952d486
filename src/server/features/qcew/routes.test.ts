import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";

// A real BLS area slice (fixtures/README.md); never the full files beside the repository.
const franklin = readFileSync(
  new URL("../../../../fixtures/qcew/morpc-qcew-2020-a-39049.csv", import.meta.url),
  "utf8",
);

let ctx: TestContext;
let admin: string;
let member: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const a = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${a.userId}`);
  admin = a.cookie;
  member = (await signUp(ctx, "Mo Member")).cookie;
});
afterAll(() => ctx.close());

const upload = (body: string, cookie?: string, contentType = "text/csv", name = "39049.csv") =>
  ctx.app.inject({
    method: "POST",
    url: `/api/admin/qcew/imports?name=${name}`,
    headers: { "content-type": contentType, ...(cookie ? { cookie } : {}) },
    payload: body,
  });
const list = (cookie?: string) =>
  ctx.app.inject({ url: "/api/admin/qcew/imports", headers: cookie ? { cookie } : {} });
const franklinRows = async () =>
  (
    await queryRows<{ n: number; jobs: number | null }>(
      ctx.deps.db,
      sql`select count(*)::int as n, sum(employment) filter (where agglvl_code = 70)::int as jobs
          from qcew_rows where area_fips = '39049'`,
    )
  )[0];

describe("the QCEW admin import API", () => {
  it("is for community admins only: 401 signed out, 403 for others, nothing stored", async () => {
    for (const [cookie, status] of [
      [undefined, 401],
      [member, 403],
    ] as const) {
      const posted = await upload(franklin, cookie);
      expect(posted.statusCode).toBe(status);
      expect(posted.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect((await list(cookie)).statusCode).toBe(status);
    }
    expect(await franklinRows()).toEqual({ n: 0, jobs: null });
  });

  it("imports an uploaded file and lists it", async () => {
    const generation = ctx.deps.answers.generation;
    const posted = await upload(franklin, admin);
    expect(posted.statusCode).toBe(201);
    // The import wrote BLS QCEW indicator values: cached benchmarks and roll-ups are dropped.
    expect(ctx.deps.answers.generation).toBeGreaterThan(generation);
    expect(posted.json()).toMatchObject({
      fileName: "39049.csv",
      layout: "annual",
      year: 2020,
      quarter: 0,
      rows: 411,
      areas: ["39049"],
    });
    expect(await franklinRows()).toEqual({ n: 411, jobs: 727_016 });
    // Windows sends a .csv as Excel's type; it is read the same.
    expect((await upload(franklin, admin, "application/vnd.ms-excel", "again.csv")).statusCode).toBe(201);
    expect(await franklinRows()).toEqual({ n: 411, jobs: 727_016 });
    const listed = await list(admin);
    expect(listed.statusCode).toBe(200);
    const items = listed.json<{
      items: { fileName: string; via: string; importedBy: string | null; rows: number }[];
    }>().items;
    expect(items.map((i) => i.fileName)).toEqual(["again.csv", "39049.csv"]);
    expect(items[0]).toMatchObject({ via: "upload", rows: 411, importedBy: expect.any(String) });
  });

  it("answers 400 listing every bad row's line and column, and keeps nothing of the file", async () => {
    const lines = franklin.split("\n");
    const header = lines[0].split(",");
    const set = (line: number, column: string, value: string) => {
      const cells = lines[line - 1].split(",");
      cells[header.indexOf(column)] = value;
      lines[line - 1] = cells.join(",");
    };
    set(2, "annual_avg_emplvl", "1");
    set(5, "annual_avg_emplvl", "12x");
    set(9, "own_code", "7");
    const posted = await upload(lines.join("\n"), admin);
    expect(posted.statusCode).toBe(400);
    expect(posted.headers["content-type"]).toMatch(/application\/problem\+json/);
    const problem = posted.json<{ detail: string; errors: unknown[] }>();
    expect(problem.detail).toMatch(/Nothing was imported from 39049\.csv/);
    expect(problem.errors).toEqual([
      {
        field: "rows.4.annual_avg_emplvl",
        row: 4,
        column: "annual_avg_emplvl",
        message: 'line 5: "12x" is not a whole number',
      },
      {
        field: "rows.8.own_code",
        row: 8,
        column: "own_code",
        message: expect.stringMatching(/^line 9: "7" is not/),
      },
    ]);
    expect(await franklinRows()).toEqual({ n: 411, jobs: 727_016 });
    expect((await list(admin)).json<{ items: unknown[] }>().items).toHaveLength(2);

    // The same file read by a Spanish-speaking admin: every reason in Spanish, the cells as written.
    const spanish = await ctx.app.inject({
      method: "POST",
      url: "/api/admin/qcew/imports?name=39049.csv",
      headers: { "content-type": "text/csv", cookie: admin, "accept-language": "es" },
      payload: lines.join("\n"),
    });
    expect(spanish.statusCode).toBe(400);
    expect(spanish.json<{ errors: { message: string }[] }>().errors.map((e) => e.message)).toEqual([
      'línea 5: "12x" no es un número entero',
      'línea 9: "7" no es un código de propiedad del BLS (0, 1, 2, 3, 4, 5, 8, 9)',
    ]);
    const notQcew = await ctx.app.inject({
      method: "POST",
      url: "/api/admin/qcew/imports?name=census.csv",
      headers: { "content-type": "text/csv", cookie: admin, "accept-language": "es" },
      payload: "code,title\n11,Farming\n",
    });
    expect(notQcew.json<{ errors: { message: string }[] }>().errors[0]?.message).toMatch(
      /^línea 1: No es un archivo CSV del QCEW del BLS: ninguna de sus 38 columnas/,
    );
    expect(await franklinRows()).toEqual({ n: 411, jobs: 727_016 });
  });

  it("answers 400 for a file that is not QCEW and 415 for a body that is not CSV", async () => {
    const notQcew = await upload("code,title\n11,Farming\n", admin);
    expect(notQcew.statusCode).toBe(400);
    expect(notQcew.json<{ detail: string }>().detail).toMatch(/Nothing was imported/);
    const json = await ctx.app.inject({
      method: "POST",
      url: "/api/admin/qcew/imports",
      headers: { cookie: admin, "content-type": "application/json" },
      payload: { rows: [] },
    });
    expect(json.statusCode).toBe(415);
    expect(json.headers["content-type"]).toMatch(/application\/problem\+json/);
  });
});
