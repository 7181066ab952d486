import { spawnSync } from "node:child_process";
import { getHeapStatistics, setFlagsFromString } from "node:v8";

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

/**
 * Keeps V8's young generation at the size it has now, for a command that streams a file through
 * once (an import). Left to grow (up to 16 MB a semi-space), it let each batch's rows outlive two
 * collections: a PGlite import of 314,000 QCEW rows promoted 325 MB of them to the old generation,
 * which then reached 130 MB between full collections for 33 MB of live data (peak RSS 390-410 MB).
 * Kept small: 53 MB promoted, peak RSS about 320 MB, no slower. The growth factor is the one such
 * setting V8 reads as it runs (the sizes are fixed when node starts), and it only stops growth:
 * loading the server's modules alone grows the young generation to 32 MB, so this runs before
 * them (young-generation.ts, the CLI's first import).
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString("--semi-space-growth-factor=1");
}

/** The commands that stream a file through once: a small buffer cache and young generation. */
export const STREAMING_COMMANDS: ReadonlySet<string> = new Set(["import-qcew", "fetch-qcew"]);

/** The command a command line names: its first word that is not an option. */
export const commandOf = (args: readonly string[]): string | undefined =>
  args.find((a) => !a.startsWith("-"));
