import { spawnSync } from "node:child_process";
import { getHeapStatistics } from "node:v8";

/**
 * Runs this same command again in a node with a larger heap, when the current one is smaller
 * than `megabytes`: ten times the national demo set is built in memory (about 6 GB) before it
 * is inserted, more than node allows by default. Answers the exit code, or null when the heap
 * is large enough already and the caller should go on.
 */
export function rerunWithHeap(megabytes: number): number | null {
  if (getHeapStatistics().heap_size_limit >= megabytes * 1024 * 1024) return null;
  const script = process.argv[1];
  if (!script) return null;
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, `--max-old-space-size=${megabytes}`, script, ...process.argv.slice(2)],
    { stdio: "inherit" },
  );
  return child.status ?? 1;
}
