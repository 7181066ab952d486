import { createReadStream, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";
import { fetchQcew, QcewUnreachableError, type QcewFetchOptions } from "./fetch.js";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../fixtures/qcew/${name}`, import.meta.url));

/** The committed fixtures in the BLS open-data layout. */
const files: Record<string, string> = {
  "/api/2020/a/area/39049.csv": "morpc-qcew-2020-a-39049.csv",
  "/api/2020/a/area/39041.csv": "morpc-qcew-2020-a-39041.csv",
  "/api/2020/a/area/39045.csv": "morpc-qcew-2020-a-39045.csv",
  "/api/2020/a/area/39073.csv": "morpc-qcew-2020-a-39073.csv",
  "/api/2020/1/area/39041.csv": "morpc-qcew-2020-1-39041.csv",
  "/api/2020/a/area/US000.csv": "derived-US000-2020-a.csv",
};

/** Requests per path, and paths that misbehave: 503 for the first n requests, or never answer. */
const hits = new Map<string, number>();
const failFirst = new Map<string, number>();
const hang = new Set<string>();
/** Paths answered with half the file and then a dropped connection, for the first n requests. */
const cutFirst = new Map<string, number>();
/** Paths served as BLS serves them: every code cell quoted ("39049","0","10",...). */
const quoted = new Set<string>();

/** The BLS's quoting: the header and the eight code columns of each row in double quotes. */
function quoteLikeBls(csv: string): string {
  return csv
    .split("\n")
    .map((line, i) =>
      line === ""
        ? line
        : line
            .split(",")
            .map((cell, j) => (i === 0 || j < 8 ? `"${cell}"` : cell))
            .join(","),
    )
    .join("\n");
}

function serve(request: IncomingMessage, response: ServerResponse) {
  const path = request.url ?? "/";
  const n = (hits.get(path) ?? 0) + 1;
  hits.set(path, n);
  if (hang.has(path)) return; // accepts and never answers
  if (n <= (failFirst.get(path) ?? 0)) {
    response.writeHead(503, { "content-type": "text/plain" }).end("busy");
    return;
  }
  const name = files[path];
  if (!name) {
    response.writeHead(404, { "content-type": "text/html" }).end("<h1>Not Found</h1>");
    return;
  }
  response.writeHead(200, { "content-type": "text/csv" });
  if (quoted.has(path)) {
    response.end(quoteLikeBls(readFileSync(fixture(name), "utf8")));
    return;
  }
  if (n <= (cutFirst.get(path) ?? 0)) {
    const text = readFileSync(fixture(name));
    response.write(text.subarray(0, text.length >> 1), () => request.socket.destroy());
    return;
  }
  createReadStream(fixture(name)).pipe(response);
}

let server: Server;
let base = "";
/** A port nothing listens on: a server was opened there and closed. */
let deadBase = "";
let ctx: TestContext;
let admin: { cookie: string; userId: string };
let member: { cookie: string };

async function listen(s: Server): Promise<number> {
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return (s.address() as AddressInfo).port;
}

beforeAll(async () => {
  server = createServer(serve);
  base = `http://127.0.0.1:${await listen(server)}/api`;
  const closed = createServer();
  const deadPort = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  deadBase = `http://127.0.0.1:${deadPort}/api`;
  ctx = await createTestContext({ QCEW_BASE_URL: base });
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  member = await signUp(ctx, "Mina Member");
}, 60_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await ctx?.close();
});

const waits: number[] = [];
const options = (extra: Partial<QcewFetchOptions> = {}): QcewFetchOptions => ({
  baseUrl: base,
  via: "cli",
  sleep: async (ms) => {
    waits.push(ms);
  },
  ...extra,
});

async function employment(area: string, quarter: number, own = 0, industry = "10") {
  const rows = await queryRows<{ employment: number | null; month3: number | null }>(
    ctx.deps.db,
    sql`select employment, month3_employment as month3 from qcew_rows
        where year = 2020 and quarter = ${quarter} and area_fips = ${area}
          and own_code = ${own} and industry_code = ${industry} and size_code = 0`,
  );
  return rows[0];
}

async function count(area: string, quarter: number) {
  const [row] = await queryRows<{ n: number }>(
    ctx.deps.db,
    sql`select count(*)::int as n from qcew_rows where year = 2020 and quarter = ${quarter} and area_fips = ${area}`,
  );
  return row.n;
}

describe("fetchQcew", () => {
  it("fetches two counties' 2020 annual files and the national file, and stores their rows", async () => {
    const result = await fetchQcew(ctx.deps, { year: 2020, areas: ["39049", " 39041"] }, options());
    expect(result.files.map((f) => [f.area, f.status])).toEqual([
      ["39049", "imported"],
      ["39041", "imported"],
      ["US000", "imported"],
    ]);
    expect(result.files[0].url).toBe(`${base}/2020/a/area/39049.csv`);
    expect((await employment("39049", 0))?.employment).toBe(727_016);
    expect(await count("39049", 0)).toBe(result.files[0].rows);
    expect(await count("39041", 0)).toBe(result.files[1].rows);
    expect(await count("US000", 0)).toBeGreaterThan(100);
    expect(result.files[2].message).toMatch(/rows imported, 2020 annual$/);
  });

  it("does not fetch the national file again when it is already imported for the period", async () => {
    hits.clear();
    const result = await fetchQcew(ctx.deps, { year: 2020, areas: ["39049"] }, options());
    expect(result.files.map((f) => f.status)).toEqual(["imported", "skipped"]);
    expect(result.files[1].message).toContain("already imported");
    expect(hits.get("/api/2020/a/area/US000.csv")).toBeUndefined();
    expect((await employment("39049", 0))?.employment).toBe(727_016);
  });

  it("fetches quarter 1 of a county, and names the national quarter file BLS does not have", async () => {
    const result = await fetchQcew(ctx.deps, { year: 2020, quarter: 1, areas: ["39041"] }, options());
    expect(result.quarter).toBe(1);
    expect(result.files[0]).toMatchObject({ area: "39041", status: "imported" });
    expect(await count("39041", 1)).toBe(result.files[0].rows);
    expect((await employment("39041", 1))?.month3).toBeGreaterThan(0);
    expect(result.files[1]).toMatchObject({ area: "US000", status: "failed" });
    expect(result.files[1].message).toBe(
      `BLS has no 2020 Q1 file for area US000 (${base}/2020/1/area/US000.csv answered 404 Not Found)`,
    );
  });

  it("names the area and the address of a file BLS does not have, and goes on with the others", async () => {
    const result = await fetchQcew(ctx.deps, { year: 2020, areas: ["39099", "39045"] }, options());
    expect(result.files[0].status).toBe("failed");
    expect(result.files[0].message).toBe(
      `BLS has no 2020 annual file for area 39099 (${base}/2020/a/area/39099.csv answered 404 Not Found)`,
    );
    expect(result.files[1]).toMatchObject({ area: "39045", status: "imported" });
  });

  it("tries again after a 503, waiting longer each time, and imports the answer of the third try", async () => {
    hits.clear();
    waits.length = 0;
    failFirst.set("/api/2020/a/area/39073.csv", 2);
    const result = await fetchQcew(ctx.deps, { year: 2020, areas: ["39073"] }, options({ backoffMs: 50 }));
    expect(hits.get("/api/2020/a/area/39073.csv")).toBe(3);
    expect(waits).toEqual([50, 100]);
    expect(result.files[0]).toMatchObject({ area: "39073", status: "imported" });
    expect(await count("39073", 0)).toBe(result.files[0].rows);
  });

  it("tries again when the connection drops in the middle of a file, and keeps only the whole file", async () => {
    hits.clear();
    cutFirst.set("/api/2020/a/area/39049.csv", 1);
    const result = await fetchQcew(ctx.deps, { year: 2020, areas: ["39049"] }, options({ backoffMs: 1 }));
    expect(hits.get("/api/2020/a/area/39049.csv")).toBe(2);
    expect(result.files[0]).toMatchObject({ area: "39049", status: "imported" });
    expect(await count("39049", 0)).toBe(result.files[0].rows);
    expect((await employment("39049", 0))?.employment).toBe(727_016);
    cutFirst.delete("/api/2020/a/area/39049.csv");
  });

  it("reads the files as the BLS serves them, code cells quoted", async () => {
    const before = await employment("39041", 0);
    const rows = await count("39041", 0);
    quoted.add("/api/2020/a/area/39041.csv");
    const result = await fetchQcew(ctx.deps, { year: 2020, areas: ["39041"] }, options());
    quoted.delete("/api/2020/a/area/39041.csv");
    expect(result.files[0]).toMatchObject({ area: "39041", status: "imported", rows });
    expect(await count("39041", 0)).toBe(rows);
    expect(await employment("39041", 0)).toEqual(before);
    expect(before?.employment).toBe(84_743);
  });

  it("gives up on a file after three 503s and says so", async () => {
    hits.clear();
    failFirst.set("/api/2020/a/area/39047.csv", 99);
    const result = await fetchQcew(ctx.deps, { year: 2020, areas: ["39047"] }, options({ backoffMs: 1 }));
    expect(hits.get("/api/2020/a/area/39047.csv")).toBe(3);
    expect(result.files[0].status).toBe("failed");
    expect(result.files[0].message).toContain("answered 503 Service Unavailable (3 tries); try again later");
    failFirst.delete("/api/2020/a/area/39047.csv");
  });

  it("gives up on a server that never answers, after the timeout, three times", async () => {
    hits.clear();
    hang.add("/api/2020/a/area/39047.csv");
    const started = performance.now();
    const error = await fetchQcew(
      ctx.deps,
      { year: 2020, areas: ["39047"] },
      options({ timeoutMs: 150, backoffMs: 1 }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QcewUnreachableError);
    expect((error as Error).message).toBe(
      `Could not reach the BLS at ${base}: no answer within 0.15 s (3 tries). Check the connection, or download the files and use import-qcew.`,
    );
    expect(hits.get("/api/2020/a/area/39047.csv")).toBe(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(3 * 150 - 10);
    expect(await count("39047", 0)).toBe(0);
    hang.delete("/api/2020/a/area/39047.csv");
    server.closeAllConnections();
  });

  it("says the BLS could not be reached when nothing listens at the address", async () => {
    const error = await fetchQcew(
      ctx.deps,
      { year: 2020, areas: ["39047"] },
      options({ baseUrl: deadBase }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QcewUnreachableError);
    const message = (error as Error).message;
    expect(message).toMatch(
      new RegExp(
        `^Could not reach the BLS at ${deadBase.replace(/\./g, "\\.")}: connect ECONNREFUSED 127\\.0\\.0\\.1:\\d+`,
      ),
    );
    expect(message).toContain("(3 tries). Check the connection, or download the files and use import-qcew.");
  });

  it("refuses bad input by field", async () => {
    await expect(fetchQcew(ctx.deps, { year: 1989, areas: ["39049"] }, options())).rejects.toThrow(/1990/);
    await expect(fetchQcew(ctx.deps, { year: 2020, areas: ["3904"] }, options())).rejects.toThrow(
      /area code/,
    );
    await expect(fetchQcew(ctx.deps, { year: 2020, areas: [] }, options())).rejects.toThrow(/at least one/);
  });
});

describe("POST /api/admin/qcew/fetch", () => {
  const post = (payload: unknown, cookie?: string, app = ctx.app) =>
    app.inject({
      method: "POST",
      url: "/api/admin/qcew/fetch",
      headers: cookie ? { cookie } : {},
      payload: payload as Record<string, unknown>,
    });

  it("answers 401 to a visitor and 403 to a member who is not an admin", async () => {
    const anonymous = await post({ year: 2020, areas: ["39049"] });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const notAdmin = await post({ year: 2020, areas: ["39049"] }, member.cookie);
    expect(notAdmin.statusCode).toBe(403);
    expect(notAdmin.headers["content-type"]).toMatch(/^application\/problem\+json/);
  });

  it("answers 400 naming the field of bad input", async () => {
    const cases: [unknown, string][] = [
      [{ year: 2020, areas: ["39049", "not-a-code"] }, "areas.1"],
      [{ year: 1980, areas: ["39049"] }, "year"],
      [{ year: 2020, quarter: 5, areas: ["39049"] }, "quarter"],
      [{ year: 2020, areas: [] }, "areas"],
      [{ year: 2020, areas: Array.from({ length: 51 }, (_, i) => String(39001 + i)) }, "areas"],
      [{ areas: ["39049"] }, "year"],
    ];
    for (const [payload, field] of cases) {
      const res = await post(payload, admin.cookie);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
      expect(fields, JSON.stringify(payload)).toContain(field);
    }
  });

  it("fetches and imports for an admin, answering each file's result", async () => {
    const res = await post({ year: 2020, areas: ["39041", "39098"] }, admin.cookie);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      year: number;
      quarter: number;
      files: { area: string; status: string; message: string }[];
    }>();
    expect(body.year).toBe(2020);
    expect(body.quarter).toBe(0);
    expect(body.files.map((f) => [f.area, f.status])).toEqual([
      ["39041", "imported"],
      ["39098", "failed"],
      ["US000", "skipped"],
    ]);
    expect(body.files[1].message).toContain("BLS has no 2020 annual file for area 39098");
    const [imported] = await queryRows<{ via: string; importedBy: string }>(
      ctx.deps.db,
      sql`select via, imported_by as "importedBy" from qcew_imports order by imported_at desc limit 1`,
    );
    expect(imported).toEqual({ via: "upload", importedBy: admin.userId });
  });

  it("answers 502 with the offline message when the BLS cannot be reached, and 409 when fetching is off", async () => {
    const dead = await createTestContext({ QCEW_BASE_URL: deadBase });
    const off = await createTestContext();
    try {
      for (const other of [dead, off]) {
        const a = await signUp(other, "Ada Admin");
        await other.deps.db.execute(sql`update users set is_admin = true where id = ${a.userId}`);
        const res = await post({ year: 2020, areas: ["39049"] }, a.cookie, other.app);
        expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
        const problem = res.json<{ status: number; detail: string }>();
        if (other === dead) {
          expect(res.statusCode).toBe(502);
          expect(problem.detail).toMatch(
            /^Could not reach the BLS at http:\/\/127\.0\.0\.1:\d+\/api: connect ECONNREFUSED .*Check the connection, or download the files and use import-qcew\.$/,
          );
          // Backoff goes through the app's injected sleep: two waits, the second twice the first.
          expect(dead.sleeps).toEqual([1_000, 2_000]);
        } else {
          expect(res.statusCode).toBe(409);
          expect(problem.detail).toContain("QCEW_BASE_URL");
        }
      }
    } finally {
      await dead.close();
      await off.close();
    }
  });
});
