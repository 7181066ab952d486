import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { readConfig } from "./config.js";
import { redactUrl, startServer } from "./main.js";
import { dropTestDatabase } from "./test-support.js";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "shared-table-main-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const usePostgres = process.env.TEST_ENGINE === "postgres";

/** Asks again every 20 ms, for up to 2 s, until the answer is the one expected; the last answer. */
async function until<T>(ask: () => Promise<T>, done: (answer: T) => boolean): Promise<T> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const answer = await ask();
    if (done(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(usePostgres)("the embedded database's data directory", () => {
  it("refuses a second server on the same directory, and opens again after a clean stop", async () => {
    const dataDir = tempDir();
    const config = readConfig({ PORT: "0", DATA_DIR: dataDir, DEMO_DATA: "false", NODE_ENV: "test" });
    const first = await startServer(config);
    await expect(startServer(config)).rejects.toThrow(
      /Another Shared Table server \(pid \d+\) is using the data directory/,
    );
    await first.stop();
    const again = await startServer({
      ...config,
      ADMIN_EMAIL: "boss@example.org",
      ADMIN_PASSWORD: "boss-password-1",
    });
    const login = await again.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "boss@example.org", password: "boss-password-1" },
    });
    expect(login.json()).toMatchObject({ isAdmin: true });
    await again.stop();
  });

  it("opens again after the server was killed", async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", "serve"], {
      env: { ...process.env, PORT: "0", DATA_DIR: dataDir, DEMO_DATA: "false", NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("Shared Table is running")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`server exited early with ${code}`)));
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const server = await startServer(readConfig({ PORT: "0", DATA_DIR: dataDir, DEMO_DATA: "false" }));
    const health = await server.app.inject({ url: "/api/health" });
    expect(health.json()).toEqual({ status: "ok", database: "pglite" });
    await server.stop();
  });
});

describe.skipIf(!usePostgres)("several servers on one PostgreSQL database", () => {
  it("start together, migrate once, and share sessions", async () => {
    const baseUrl = process.env.TEST_DATABASE_URL!;
    const name = `st_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const config = readConfig({
      PORT: "0",
      DATABASE_URL: url.toString(),
      DEMO_DATA: "false",
      NODE_ENV: "test",
    });
    const [a, b] = await Promise.all([startServer(config), startServer(config)]);
    try {
      // Asked on one server, the link opened on the other: they share the signing key.
      const signup = await fetch(`${a.url}/api/auth/signup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "shared@example.org", name: "Shared" }),
      });
      expect(signup.status).toBe(202);
      const browser = signup.headers.get("set-cookie")!.split(";")[0];
      const reader = new pg.Client({ connectionString: url.toString() });
      await reader.connect();
      const { rows } = await reader.query<{ text: string }>(
        `select text from outbox where "to" = 'shared@example.org'`,
      );
      await reader.end();
      const token = /token=([\w.-]+)/.exec(rows[0].text)![1];
      const made = await fetch(`${b.url}/api/auth/sign-up-link`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: browser },
        body: JSON.stringify({ token }),
      });
      expect(made.status).toBe(201);
      const cookie = made.headers.get("set-cookie")!.split(";")[0];
      const me = await fetch(`${b.url}/api/me`, { headers: { cookie } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ email: "shared@example.org" });
      expect(await (await fetch(`${b.url}/api/health`)).json()).toEqual({
        status: "ok",
        database: "postgres",
      });

      // Each server remembers the session it served, and forgets it when the database announces
      // a change, whichever server (or tool) made it.
      expect(b.sessions?.size).toBe(1);
      const nameOnB = async () =>
        ((await (await fetch(`${b.url}/api/me`, { headers: { cookie } })).json()) as { name: string } | null)
          ?.name ?? null;
      const renamed = await fetch(`${a.url}/api/me`, {
        method: "PATCH",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ name: "Renamed" }),
      });
      expect(renamed.status).toBe(200);
      expect(await until(nameOnB, (name) => name === "Renamed")).toBe("Renamed");
      // A session ended by hand in the database.
      const tool = new pg.Client({ connectionString: url.toString() });
      await tool.connect();
      await tool.query(`delete from sessions`);
      await tool.end();
      expect(await until(nameOnB, (name) => name === null)).toBeNull();
      expect(b.sessions?.size).toBe(0);
    } finally {
      await a.stop();
      await b.stop();
      await admin.end();
      await dropTestDatabase(baseUrl, name);
    }
  });
});

describe("logs", () => {
  it("never carry the secret tokens of invitation, reset, sign-in, e-mail and calendar links", () => {
    expect(redactUrl("/api/invitations/abcDEF123_-x/accept")).toBe("/api/invitations/[token]/accept");
    expect(redactUrl("/signin/link/abc123")).toBe("/signin/link/[token]");
    expect(redactUrl("/api/auth/sign-in-link/abc123")).toBe("/api/auth/sign-in-link/[token]");
    expect(redactUrl("/api/auth/password-reset/abc123")).toBe("/api/auth/password-reset/[token]");
    expect(redactUrl("/api/auth/password-reset/confirm")).toBe("/api/auth/password-reset/confirm");
    expect(redactUrl("/me/email/abc123")).toBe("/me/email/[token]");
    expect(redactUrl("/api/meeting-feeds/1a2b.c3d4.ics")).toBe("/api/meeting-feeds/[token]");
    expect(redactUrl("/api/unsubscribe?token=secret&x=1")).toBe("/api/unsubscribe?token=[token]&x=1");
    expect(redactUrl("/reset-password/abc?x=1")).toBe("/reset-password/[token]?x=1");
    expect(redactUrl("/api/partnerships?q=x")).toBe("/api/partnerships?q=x");
    expect(redactUrl("/signup/link?token=eyJl.sig")).toBe("/signup/link?token=[token]");
    expect(redactUrl("/api/auth/sign-up-link?token=eyJl.sig")).toBe("/api/auth/sign-up-link?token=[token]");
    expect(redactUrl("/api/actions/7f3e/email-link/abc123")).toBe("/api/actions/7f3e/email-link/[token]");
    expect(redactUrl("/action-link/7f3e/abc123")).toBe("/action-link/7f3e/[token]");
    expect(redactUrl("/api/auth/email-link")).toBe("/api/auth/email-link");
  });
});
