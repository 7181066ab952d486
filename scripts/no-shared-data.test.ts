import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
// Spelled in two parts so that this file does not match itself.
const sharedFolder = new RegExp(["\\.\\./", "shared\\b"].join(""));
/** Only benchmarks and the script that cuts the fixtures may read the full public files. */
const allowed = [/^bench\//, /^scripts\/cut-fixtures\.ts$/, /^fixtures\/README\.md$/];
const codeFile = /\.(ts|tsx|js|mjs|cjs|json|sh)$|^\.ci\//;

it("no test or source file reads the folder beside the repository", () => {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: repoRoot,
    encoding: "utf8",
  })
    .split("\n")
    .filter((f) => f && codeFile.test(f) && !allowed.some((a) => a.test(f)));
  expect(files.length).toBeGreaterThan(100);
  const offenders = files.filter((f) => {
    try {
      return sharedFolder.test(readFileSync(join(repoRoot, f), "utf8"));
    } catch {
      return false; // listed but deleted in the work tree
    }
  });
  expect(offenders, "copy the rows you need into fixtures/ (see fixtures/README.md)").toEqual([]);
});
