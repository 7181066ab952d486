import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** PostgreSQL's default, and the most a server start sets. */
const MAX_SHARED_BUFFERS_MB = 128;
/** The least: a new or small database still has room to grow within a session. */
const MIN_SHARED_BUFFERS_MB = 32;
const MB = 1024 * 1024;

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(dir, entry.name)).size;
  }
  return total;
}

/**
 * The buffer cache for a PGlite data directory, in MB: the application's database and a quarter
 * more, in steps of 16 MB, between 32 and 128 MB. PGlite zeroes its whole cache as it starts
 * (about 4 ms a MB on a 2-core machine), so the default 128 MB made every start of the demo's
 * 18 MB database pay half a second for a cache it can never fill. A larger database gets the
 * default, as before. The application's database is the largest under `base/` (the others are
 * PostgreSQL's templates).
 */
export function sharedBuffersFor(pgliteDir: string): number {
  const base = join(pgliteDir, "base");
  if (!existsSync(base)) return MIN_SHARED_BUFFERS_MB;
  let largest = 0;
  for (const entry of readdirSync(base, { withFileTypes: true })) {
    if (entry.isDirectory()) largest = Math.max(largest, directoryBytes(join(base, entry.name)));
  }
  const wanted = Math.ceil((largest * 1.25) / (16 * MB)) * 16;
  return Math.min(MAX_SHARED_BUFFERS_MB, Math.max(MIN_SHARED_BUFFERS_MB, wanted));
}
