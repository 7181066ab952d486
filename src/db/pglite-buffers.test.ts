import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./open.js";
import { queryRows } from "./query.js";
import { sharedBuffersFor } from "./pglite-buffers.js";

const MB = 1024 * 1024;
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "st-buffers-"));
  made.push(dir);
  return dir;
}

/** A data directory whose databases hold files of these sizes (sparse: nothing is written). */
function cluster(databases: Record<string, number[]>): string {
  const dir = tempDir();
  for (const [oid, sizes] of Object.entries(databases)) {
    mkdirSync(join(dir, "base", oid), { recursive: true });
    sizes.forEach((size, i) => {
      const file = join(dir, "base", oid, String(16_384 + i));
      writeFileSync(file, "");
      truncateSync(file, size);
    });
  }
  return dir;
}

describe("the PGlite buffer cache for a data directory", () => {
  it("is the least for a directory without a cluster yet", () => {
    expect(sharedBuffersFor(tempDir())).toBe(32);
  });

  it("holds the application's database and a quarter more, in steps of 16 MB", () => {
    // The templates (1 and 4) are as large as a new database and never counted twice.
    const templates = { "1": [7 * MB], "4": [7 * MB] };
    expect(sharedBuffersFor(cluster({ ...templates, "5": [10 * MB, 8 * MB] }))).toBe(32);
    expect(sharedBuffersFor(cluster({ ...templates, "5": [40 * MB, 20 * MB] }))).toBe(80);
    expect(sharedBuffersFor(cluster({ ...templates, "5": [100 * MB] }))).toBe(128);
    expect(sharedBuffersFor(cluster({ ...templates, "5": [900 * MB, 300 * MB] }))).toBe(128);
  });

  it("is what a server's database opens with, unless a command asks for its own", async () => {
    const dataDir = tempDir();
    const showBuffers = async (sharedBuffersMb?: number) => {
      const database = await openDatabase({ dataDir, sharedBuffersMb });
      try {
        const [row] = await queryRows<{ shared_buffers: string }>(database.db, sql`show shared_buffers`);
        return row?.shared_buffers;
      } finally {
        await database.close();
      }
    };
    expect(await showBuffers()).toBe("32MB");
    expect(await showBuffers(16)).toBe("16MB");
  });
});
