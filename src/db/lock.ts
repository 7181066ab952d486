import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export class DataDirectoryInUseError extends Error {}

/** The lock file's content: who holds it, and when that process started. */
export interface LockOwner {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux /proc), null where unknown. */
  started: string | null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Field 22 of /proc/<pid>/stat; the command name before it may hold spaces and parentheses. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function readOwner(path: string): LockOwner | undefined {
  const text = readFileSync(path, "utf8").trim();
  // Older servers wrote the bare pid.
  if (/^\d+$/.test(text)) return { pid: Number(text), started: null };
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    return typeof owner.pid === "number" ? { pid: owner.pid, started: owner.started ?? null } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A recorded owner still holds the lock only while a process with its pid runs and, where the
 * start time is known, started when the owner did: after a crash and a reboot the pid may now
 * belong to an unrelated process, which must not keep the directory locked forever.
 */
export function ownerIsRunning(owner: LockOwner): boolean {
  if (!Number.isInteger(owner.pid) || owner.pid <= 0 || !isAlive(owner.pid)) return false;
  if (owner.started === null) return true;
  const now = processStartTime(owner.pid);
  return now === null || now === owner.started;
}

/**
 * PGlite is one process's database: a second opener would corrupt it. A lock file holds the
 * owner's pid and start time; a lock left by a killed server is taken over.
 */
const heldHere = new Set<string>();

export function acquireDirectoryLock(dataDir: string): () => void {
  const path = join(dataDir, "server.lock");
  if (heldHere.has(path)) {
    throw new DataDirectoryInUseError(
      `Another Shared Table server (pid ${process.pid}) is using the data directory ${dataDir}.`,
    );
  }
  const me: LockOwner = { pid: process.pid, started: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      heldHere.add(path);
      return () => {
        heldHere.delete(path);
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = readOwner(path);
      if (owner && owner.pid !== process.pid && ownerIsRunning(owner)) {
        throw new DataDirectoryInUseError(
          `Another Shared Table server (pid ${owner.pid}) is using the data directory ${dataDir}. ` +
            `Stop it first, or set DATA_DIR to another directory, or use DATABASE_URL for PostgreSQL ` +
            `so that several servers can share one database.`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new DataDirectoryInUseError(`Could not lock the data directory ${dataDir}.`);
}
