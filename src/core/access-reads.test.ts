import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { accessReadWords } from "./access-reads.js";

const features = fileURLToPath(new URL("../server/features", import.meta.url));

/** Every read the server logs in words: the last text argument of the calls that log one. */
function loggedReads(): string[] {
  const found = new Set<string>();
  const files = readdirSync(features, { recursive: true, encoding: "utf8" }).filter(
    (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
  );
  for (const file of files) {
    const text = readFileSync(join(features, file), "utf8");
    const calls =
      /\b(?:readRole|scopeRead|agendaCaller|actionAccess|logScopeReads|seatedCaller)\(([^;()]*?)\)/g;
    for (const call of text.matchAll(calls)) {
      const literals = [...call[1].matchAll(/"([^"]+)"|`([^`]+)`/g)].map((m) => m[1] ?? m[2]);
      const last = literals.filter((l) => l !== "view").at(-1);
      if (last) found.add(last.replace("${year}", "2025"));
    }
    for (const ternary of text.matchAll(/=== "view" \? "([^"]+)"/g)) found.add(ternary[1]);
  }
  return [...found].sort();
}

describe("the access log's reads", () => {
  it("know the words of every read the server logs, so a convener reads each in their language", () => {
    const reads = loggedReads();
    expect(reads.length).toBeGreaterThan(10);
    expect(reads.filter((what) => accessReadWords(what) === null)).toEqual([]);
  });

  it("read an annual report's year and keep words they do not know as stored", () => {
    expect(accessReadWords("annual report 2024")).toMatchObject({ values: { year: "2024" } });
    expect(accessReadWords("something new")).toBeNull();
    expect(accessReadWords("toString")).toBeNull();
  });
});
