/**
 * Test support for the QCEW commands (import-qcew, fetch-qcew) run in-process by runCli: a
 * database of their own on the engine under test (a PGlite data directory, or a PostgreSQL
 * database made from the test template) named by the environment as the command reads it, and
 * a run that captures what the command printed. Tests only.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, inject, vi } from "vitest";
import { runCli } from "./run.js";
import { openDatabase, type Database } from "../db/open.js";
import { dropTestDatabase } from "../server/test-support.js";

export interface CliDatabase {
  /** A temporary folder of the test file's own, removed after it. */
  folder: string;
  /** The PostgreSQL URL, or undefined on PGlite (then DATA_DIR names the data directory). */
  url(): string | undefined;
  /** Opens the database the command wrote; close it before the next command (PGlite serves one opener). */
  open(): Promise<Database>;
}

/** Registers the hooks that make and remove the database; `env` lists more variables to restore. */
export function useCliDatabase(prefix: string, env: readonly string[] = []): CliDatabase {
  const folder = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const keys = ["DATABASE_URL", "DATA_DIR", ...env];
  const saved = new Map(keys.map((k) => [k, process.env[k]]));
  let url: string | undefined;
  let dropDatabase = async () => {};

  beforeAll(async () => {
    if (process.env.TEST_ENGINE === "postgres") {
      const base = process.env.TEST_DATABASE_URL!;
      const name = `st_test_${prefix.replace(/\W/g, "_")}_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      const template = inject("postgresTemplate");
      await admin.query(`create database ${name}${template ? ` template ${template}` : ""}`);
      await admin.end();
      const u = new URL(base);
      u.pathname = `/${name}`;
      url = u.toString();
      process.env.DATABASE_URL = url;
      dropDatabase = () => dropTestDatabase(base, name);
    } else {
      delete process.env.DATABASE_URL;
      process.env.DATA_DIR = join(folder, "data");
    }
  });

  afterAll(async () => {
    for (const [key, value] of saved)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    await dropDatabase();
    rmSync(folder, { recursive: true, force: true });
  });

  return {
    folder,
    url: () => url,
    open: () => openDatabase(url ? { url } : { dataDir: process.env.DATA_DIR }),
  };
}

/** Runs the command in this process: its exit code and the lines it printed to each stream. */
export async function runCommand(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = vi
    .spyOn(console, "error")
    .mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  try {
    return { code: await runCli(args), out, err };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
