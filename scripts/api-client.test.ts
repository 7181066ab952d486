/**
 * The OpenAPI document is usable by clients: a typed client is generated from the committed
 * document with openapi-typescript, the example in examples/api-client type-checks against it,
 * and run against a live server with an API token it lists one state's partnerships with their
 * latest values, and nothing of another state's.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPartnership,
  createTestContext,
  signUp,
  type TestContext,
} from "../src/server/test-support.js";

const exampleDir = join(import.meta.dirname, "..", "examples", "api-client");

/**
 * The example, loaded when the test runs: its types come from the file this test generates, so
 * the project's own type check (which runs on a fresh clone, before any test) must not follow it.
 */
type ListStatePartnerships = (options: {
  baseUrl: string;
  token: string;
  state: string;
}) => Promise<
  { name: string; slug: string; latest: { indicator: string; period: string; value: number }[] }[]
>;
async function loadExample(): Promise<ListStatePartnerships> {
  const path = join(exampleDir, "list-state-partnerships.ts");
  const loaded = (await import(path)) as { listStatePartnerships: ListStatePartnerships };
  return loaded.listStatePartnerships;
}

describe("a client generated from the OpenAPI document", () => {
  let ctx: TestContext;
  let baseUrl: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    baseUrl = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => ctx.close());

  it("type-checks the example against types generated from openapi.json", async () => {
    const ast = await openapiTS(new URL("../openapi.json", import.meta.url));
    await writeFile(join(exampleDir, "api-types.d.ts"), astToString(ast));
    const config = ts.getParsedCommandLineOfConfigFile(
      join(exampleDir, "tsconfig.json"),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
        },
      },
    );
    if (!config) throw new Error("examples/api-client/tsconfig.json could not be read");
    const program = ts.createProgram(config.fileNames, config.options);
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(problems).toEqual([]);
    expect(config.fileNames.some((f) => f.endsWith("api-types.d.ts"))).toBe(true);
  }, 120_000);

  it("lists a state's partnerships and their latest values with a read-only token", async () => {
    const convener = await signUp(ctx, "Stella State");
    const ohio = await createPartnership(ctx, convener.cookie, {
      name: "Central Ohio Manufacturing Partnership",
      counties: ["39049"],
    });
    await createPartnership(ctx, convener.cookie, {
      name: "Detroit Manufacturing Partnership",
      counties: ["26163"],
    });
    const write = await ctx.app.inject({
      method: "PUT",
      url: `/api/partnerships/${ohio.id}/measurements`,
      headers: { cookie: convener.cookie },
      payload: {
        items: [
          { indicator: "jobs_created", period: "2024", kind: "actual", value: 40, visibility: "public" },
          { indicator: "jobs_created", period: "2025", kind: "actual", value: 55, visibility: "public" },
          { indicator: "jobs_created", period: "2026", kind: "target", value: 80, visibility: "public" },
          {
            indicator: "local_hires",
            period: "2025-Q2",
            kind: "actual",
            value: 12,
            visibility: "partnership",
          },
        ],
      },
    });
    expect(write.statusCode, write.body).toBe(200);
    const made = await ctx.app.inject({
      method: "POST",
      url: "/api/me/tokens",
      headers: { cookie: convener.cookie },
      payload: { name: "Ohio nightly sync", access: "read", expiresInDays: 30 },
    });
    const { token } = made.json<{ token: string }>();

    const listStatePartnerships = await loadExample();
    const listed = await listStatePartnerships({ baseUrl, token, state: "OH" });
    expect(listed).toEqual([
      {
        name: "Central Ohio Manufacturing Partnership",
        slug: ohio.slug,
        latest: expect.arrayContaining([
          { indicator: "jobs_created", period: "2025", value: 55 },
          // Members-only: the token acts as a member, so it sees it.
          { indicator: "local_hires", period: "2025-Q2", value: 12 },
        ]) as unknown,
      },
    ]);
    expect(listed[0].latest).toHaveLength(2);
    await expect(listStatePartnerships({ baseUrl, token: `${token}x`, state: "OH" })).rejects.toThrow(/401/);

    // The nightly copy: everything the first time, then only what changed.
    const { syncValues } = (await import(join(exampleDir, "sync-values.ts"))) as { syncValues: SyncValues };
    ctx.advance(10_000);
    const first = await syncValues({ baseUrl, token, copy: { until: null, values: {} } });
    expect(first.changed).toBe(4);
    expect(
      Object.values(first.copy.values)
        .map((v) => v.value)
        .sort(),
    ).toEqual([12, 40, 55, 80]);
    const edit = await ctx.app.inject({
      method: "PUT",
      url: `/api/partnerships/${ohio.id}/measurements`,
      headers: { cookie: convener.cookie },
      payload: {
        items: [
          {
            indicator: "jobs_created",
            period: "2025",
            kind: "actual",
            value: 56,
            visibility: "public",
            version: 1,
          },
        ],
      },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    ctx.advance(10_000);
    const second = await syncValues({ baseUrl, token, copy: first.copy });
    expect({ changed: second.changed, removed: second.removed }).toEqual({ changed: 1, removed: 0 });
    expect(
      Object.values(second.copy.values)
        .map((v) => v.value)
        .sort(),
    ).toEqual([12, 40, 56, 80]);
  });
});

/** The sync example's entry point (loaded at run time, as loadExample explains). */
type SyncValues = (options: {
  baseUrl: string;
  token: string;
  copy: { until: string | null; values: Record<string, { value: number }> };
}) => Promise<{
  copy: { until: string | null; values: Record<string, { value: number }> };
  changed: number;
  removed: number;
}>;
