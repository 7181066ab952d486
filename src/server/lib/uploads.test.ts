import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PENDING_SUGGESTIONS_MAX, RESOURCE_FILE_MAX_BYTES } from "../../core/resource-vocabulary.js";
import type { Resource } from "../../core/resources.js";
import { queryRows } from "../../db/query.js";
import { createTestContext, signUp, type TestContext } from "../test-support.js";
import { removeOrphanFiles } from "./file-cleanup.js";

let ctx: TestContext;
let admin: string;
let member: string;

const pdf = (fill: number, size = 4000) =>
  Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(size, fill), Buffer.from("\n%%EOF")]);

beforeAll(async () => {
  ctx = await createTestContext();
  const a = await signUp(ctx, "Files Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${a.userId}`);
  admin = a.cookie;
  member = (await signUp(ctx, "Files Member")).cookie;
});
afterAll(() => ctx.close());

async function createResource(cookie: string, title: string) {
  const response = await ctx.app.inject({
    method: "POST",
    url: "/api/resources",
    headers: { cookie },
    payload: { title, kind: "template", summary: "A file for the upload tests." },
  });
  return response;
}

async function attach(cookie: string, id: string, bytes: Buffer) {
  return ctx.app.inject({
    method: "PUT",
    url: `/api/resources/${id}/file?name=plan.pdf`,
    headers: { cookie, "content-type": "application/pdf" },
    payload: bytes,
  });
}

const storedFiles = async () =>
  queryRows<{ sha256: string; has_bytes: boolean }>(
    ctx.deps.db,
    sql`select sha256, bytes is not null as has_bytes from resource_files order by created_at`,
  );

/** The files kept on disk (none when the database keeps them). */
function filesOnDisk(): string[] {
  const root = ctx.deps.files.root;
  if (!root || !existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => d !== "incoming")
    .flatMap((d) => readdirSync(join(root, d)));
}

describe("where uploaded files are kept", () => {
  it("keeps a file by its SHA-256, once for identical files, and serves the same bytes back", async () => {
    const first = (await createResource(admin, "Plan one")).json<Resource>();
    const second = (await createResource(admin, "Plan two")).json<Resource>();
    const bytes = pdf(66);
    expect((await attach(admin, first.id, bytes)).statusCode).toBe(200);
    expect((await attach(admin, second.id, bytes)).statusCode).toBe(200);
    const rows = await storedFiles();
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    expect(rows.map((r) => r.sha256)).toEqual([sha256, sha256]);
    if (ctx.deps.files.kind === "disk") {
      // PGlite: the bytes are on disk, not in the database, and kept once.
      expect(rows.every((r) => !r.has_bytes)).toBe(true);
      expect(filesOnDisk()).toEqual([sha256]);
    } else {
      expect(rows.every((r) => r.has_bytes)).toBe(true);
    }
    const download = await ctx.app.inject({
      url: `/api/resources/${second.id}/file`,
      headers: { cookie: admin },
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
  });

  it("leaves nothing behind of a refused file", async () => {
    const resource = (await createResource(admin, "Refused plan")).json<Resource>();
    const before = filesOnDisk();
    const notPdf = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(3000, 1)]);
    expect((await attach(admin, resource.id, notPdf)).statusCode).toBe(415);
    const tooBig = Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(RESOURCE_FILE_MAX_BYTES, 1)]);
    expect((await attach(admin, resource.id, tooBig)).statusCode).toBe(413);
    expect(filesOnDisk()).toEqual(before);
    const root = ctx.deps.files.root;
    if (root) expect(readdirSync(join(root, "incoming"))).toEqual([]);
  });

  it("removes files on disk that no row names, after the grace period", async () => {
    const kept = filesOnDisk();
    const stray = await ctx.deps.files.receive(pdf(99), RESOURCE_FILE_MAX_BYTES);
    await stray.keep();
    if (ctx.deps.files.kind !== "disk") {
      expect(await removeOrphanFiles(ctx.deps, 0)).toBe(0);
      return;
    }
    expect(filesOnDisk()).toContain(stray.sha256);
    // Within the grace period an upload may still be about to commit its row.
    expect(await removeOrphanFiles(ctx.deps)).toBe(0);
    expect(await removeOrphanFiles(ctx.deps, 0)).toBe(1);
    expect(filesOnDisk().sort()).toEqual([...kept].sort());
  });
});

describe("quotas", () => {
  it(`keeps at most ${PENDING_SUGGESTIONS_MAX} suggestions of one person waiting for review`, async () => {
    for (let i = 0; i < PENDING_SUGGESTIONS_MAX; i++)
      expect((await createResource(member, `Suggestion ${i + 1}`)).statusCode).toBe(201);
    const [before] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from resources`,
    );
    const refused = await createResource(member, "One too many");
    expect(refused.statusCode).toBe(409);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json<{ detail: string }>().detail).toContain(
      `${PENDING_SUGGESTIONS_MAX} suggestions waiting`,
    );
    const [after] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from resources`,
    );
    expect(after?.n).toBe(before?.n);
    // Admins publish without a queue.
    expect((await createResource(admin, "Published at once")).statusCode).toBe(201);
  });
});

// Random bytes, like the compressed content of real PDF, DOCX and XLSX files.
const uploader = `
import { randomBytes } from "node:crypto";
const size = Number(process.env.SIZE);
const statuses = await Promise.all(process.env.IDS.split(",").map((id, i) => {
  const body = Buffer.concat([Buffer.from("%PDF-1.7\\n"), randomBytes(size)]);
  return fetch(process.env.BASE + "/api/resources/" + id + "/file?name=large.pdf", {
    method: "PUT",
    headers: { cookie: process.env.COOKIE, "content-type": "application/pdf" },
    body,
  }).then((r) => r.status);
}));
console.log(JSON.stringify(statuses));
`;

describe("uploads do not stop the server", () => {
  // Files on disk, as PGlite always keeps them (and PostgreSQL with FILE_STORAGE=disk): with the
  // bytes in PostgreSQL, a two-core machine spends itself writing them and health waits (p99
  // about 0.9 s measured here), which the README says.
  let disk: TestContext;
  let diskAdmin: string;
  beforeAll(async () => {
    disk = await createTestContext({ FILE_STORAGE: "disk" });
    const a = await signUp(disk, "Disk Admin");
    await disk.deps.db.execute(sql`update users set is_admin = true where id = ${a.userId}`);
    diskAdmin = a.cookie;
  });
  afterAll(() => disk.close());

  it("keeps answering /api/health while five 20 MB uploads run (p99 under a second, or 8x its idle p99 on a busy machine)", async () => {
    expect(disk.deps.files.kind).toBe("disk");
    const base = await disk.app.listen({ port: 0, host: "127.0.0.1" });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await disk.app.inject({
        method: "POST",
        url: "/api/resources",
        headers: { cookie: diskAdmin },
        payload: { title: `Large file ${i}`, kind: "template", summary: "A large file." },
      });
      ids.push(created.json<Resource>().id);
    }
    const p99Of = (samples: number[]) => {
      const sorted = [...samples].sort((x, y) => x - y);
      return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? Infinity;
    };
    const healthLatency = async () => {
      const started = performance.now();
      const health = await fetch(`${base}/api/health`);
      await health.arrayBuffer();
      return performance.now() - started;
    };
    // What this test guards is that uploads never block the server: one that did would keep
    // /api/health waiting for seconds. So the bar is a second, or eight times the same server's
    // idle p99 measured just before on this machine as busy as it is now (npm test runs the
    // browser journeys beside these tests). How fast it answers is the bench's business.
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) {
      idle.push(await healthLatency());
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const bar = Math.max(1000, 8 * p99Of(idle));
    // The uploads come from another process, as from other people's browsers: this process
    // only serves them and measures.
    let uploading = true;
    const uploads = new Promise<number[]>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        ["--input-type=module", "-e", uploader],
        {
          env: {
            ...process.env,
            BASE: base,
            COOKIE: diskAdmin,
            IDS: ids.join(","),
            SIZE: String(RESOURCE_FILE_MAX_BYTES - 64),
          },
        },
        (error, stdout) =>
          error ? reject(new Error(error.message)) : resolve(JSON.parse(stdout) as number[]),
      );
      child.on("exit", () => {
        uploading = false;
      });
    });
    const latencies: number[] = [];
    while (uploading) {
      latencies.push(await healthLatency());
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(await uploads).toEqual([200, 200, 200, 200, 200]);
    const p99 = p99Of(latencies);
    console.log(
      `health during five 20 MB uploads: ${latencies.length} requests, p99 ${p99.toFixed(0)} ms ` +
        `(idle p99 ${p99Of(idle).toFixed(0)} ms, bar ${bar.toFixed(0)} ms)`,
    );
    expect(latencies.length).toBeGreaterThan(5);
    expect(p99).toBeLessThan(bar);
  }, 120_000);
});
