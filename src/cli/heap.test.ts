import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { commandOf } from "./heap.js";

/** heap.ts as a script in its own folder imports it. */
const heap = pathToFileURL(join(import.meta.dirname, "heap.ts")).href;

/** Writes a script to a new temporary folder; answers its path, to run in a node of its own. */
function scriptFile(name: string, body: string): string {
  const script = join(mkdtempSync(join(tmpdir(), "st-heap-")), name);
  writeFileSync(script, body);
  return script;
}

it("runs the command again with the heap it needs, and only once", () => {
  const script = scriptFile(
    "command.ts",
    `import { getHeapStatistics } from "node:v8";
import { rerunWithHeap } from ${JSON.stringify(heap)};
const code = rerunWithHeap(3000);
if (code === null) console.log("heap", Math.round(getHeapStatistics().heap_size_limit / 1048576), process.argv.slice(2).join(" "));
else console.log("parent saw", code);
process.exitCode = code ?? 3;`,
  );
  const run = spawnSync(
    process.execPath,
    ["--max-old-space-size=1000", "--import", "tsx", script, "a", "b"],
    {
      encoding: "utf8",
    },
  );
  const lines = run.stdout.trim().split("\n");
  expect(lines[0]).toMatch(/^heap (\d+) a b$/);
  expect(Number(/^heap (\d+)/.exec(lines[0])?.[1])).toBeGreaterThanOrEqual(3000);
  // The child's exit code (3) is what the parent answers.
  expect(lines[1]).toBe("parent saw 3");
  expect(run.status).toBe(3);
});

it("keeps the young generation small for a streaming command, where node would let it grow", () => {
  // Objects that live a while and then die, as an import's rows do: node grows the young
  // generation for them unless told not to.
  const script = scriptFile(
    "stream.ts",
    `import { getHeapSpaceStatistics } from "node:v8";
import { keepYoungGenerationSmall } from ${JSON.stringify(heap)};
if (process.argv[2] === "small") keepYoungGenerationSmall();
const youngMb = () => getHeapSpaceStatistics().find((s) => s.space_name === "new_space")!.space_size / 1048576;
let rows: { i: number; s: string }[] = [];
for (let i = 0; i < 2_000_000; i++) {
  rows.push({ i, s: "row " + i });
  if (rows.length > 20_000) rows = [];
}
console.log(youngMb());`,
  );
  const youngMb = (...args: string[]) => {
    const run = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { encoding: "utf8" });
    return Number(run.stdout.trim());
  };
  expect(youngMb()).toBeGreaterThanOrEqual(8);
  expect(youngMb("small")).toBeLessThanOrEqual(4);
});

it("names a command line's command, past its options", () => {
  expect(commandOf(["import-qcew", "file.csv"])).toBe("import-qcew");
  expect(commandOf(["--verbose", "serve"])).toBe("serve");
  expect(commandOf([])).toBeUndefined();
});
