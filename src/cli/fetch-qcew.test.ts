import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/query.js";
import { runCommand, useCliDatabase } from "./testing.js";

// shared-table fetch-qcew end to end in this process, on the engine under test, against a local
// server that serves the committed fixtures in the BLS open-data layout.
const fixtures = fileURLToPath(new URL("../../fixtures/qcew/", import.meta.url));
const served: Record<string, string> = {
  "/cew/2020/a/area/39049.csv": "morpc-qcew-2020-a-39049.csv",
  "/cew/2020/a/area/US000.csv": "derived-US000-2020-a.csv",
};
const cliDatabase = useCliDatabase("qcew-fetch-cli", ["QCEW_BASE_URL"]);
let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((request, response) => {
    const name = served[request.url ?? ""];
    if (!name) return void response.writeHead(404).end("Not Found");
    response.writeHead(200, { "content-type": "text/csv" }).end(readFileSync(join(fixtures, name)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cew`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function run(baseUrl: string, ...args: string[]) {
  process.env.QCEW_BASE_URL = baseUrl;
  return runCommand(["fetch-qcew", ...args]);
}

describe("shared-table fetch-qcew", () => {
  it("fetches the areas and the national file, one line each, and exits 1 naming a file BLS does not have", async () => {
    const result = await run(base, "--year", "2020", "--areas", "39049,39099");
    expect(result.out).toEqual([
      "39049: 411 rows imported, 2020 annual",
      "US000: 300 rows imported, 2020 annual",
    ]);
    expect(result.err).toEqual([
      `39099: BLS has no 2020 annual file for area 39099 (${base}/2020/a/area/39099.csv answered 404 Not Found)`,
    ]);
    expect(result.code).toBe(1);
    const database = await cliDatabase.open();
    try {
      const [franklin] = await queryRows<{ jobs: number }>(
        database.db,
        sql`select employment as jobs from qcew_rows where year = 2020 and quarter = 0
            and area_fips = '39049' and own_code = 0 and agglvl_code = 70`,
      );
      expect(franklin.jobs).toBe(727_016);
    } finally {
      await database.close();
    }
  });

  it("exits 0 when every file is imported, the national file already there", async () => {
    const result = await run(base, "--year", "2020", "--areas", "39049");
    expect(result.err).toEqual([]);
    expect(result.out).toEqual([
      "39049: 411 rows imported, 2020 annual",
      "US000: The national file (US000) for 2020 annual is already imported; it was not fetched again",
    ]);
    expect(result.code).toBe(0);
  });

  it("exits 2 naming each bad argument", async () => {
    const result = await run(base, "--year", "1980", "--areas", "3904", "--quarter", "5");
    expect(result.code).toBe(2);
    expect(result.err).toEqual([
      "year: BLS QCEW open data starts in 1990",
      "quarter: give the quarter as 1, 2, 3 or 4",
      "areas.0: is not a QCEW area code: 5 characters such as 39049, C1814 or US000",
    ]);
    expect((await run(base, "--areas", "39049")).err).toEqual(["year: give the year as a number, e.g. 2023"]);
  });

  it("says so when fetching is off", async () => {
    const result = await run("off", "--year", "2020", "--areas", "39049");
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      "Fetching from the BLS is off (QCEW_BASE_URL=off): download the files and use import-qcew.",
    ]);
  });
});
