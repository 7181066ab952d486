import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export class DataDirectoryInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite is one process's database: a second opener would corrupt it. A lock file holds the
 * owner's pid; a lock left by a killed server (its pid is gone) is taken over.
 */
const heldHere = new Set<string>();

export function acquireDirectoryLock(dataDir: string): () => void {
  const path = join(dataDir, "server.lock");
  if (heldHere.has(path)) {
    throw new DataDirectoryInUseError(
      `Another Shared Table server (pid ${process.pid}) is using the data directory ${dataDir}.`,
    );
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(readFileSync(path, "utf8"), 10);
      if (Number.isFinite(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DataDirectoryInUseError(
          `Another Shared Table server (pid ${owner}) is using the data directory ${dataDir}. ` +
            `Stop it first, or set DATA_DIR to another directory, or use DATABASE_URL for PostgreSQL ` +
            `so that several servers can share one database.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataDirectoryInUseError(`Could not lock the data directory ${dataDir}.`);
}
