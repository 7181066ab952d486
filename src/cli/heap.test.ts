import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";

it("runs the command again with the heap it needs, and only once", () => {
  const dir = mkdtempSync(join(tmpdir(), "st-heap-"));
  const script = join(dir, "command.ts");
  const heap = pathToFileURL(join(import.meta.dirname, "heap.ts")).href;
  writeFileSync(
    script,
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
