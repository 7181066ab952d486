/**
 * Where uploaded files live. On PGlite a 20 MB value passes through the single-threaded
 * database and stops every other request while it does, so files go to disk under the data
 * directory, content-addressed by SHA-256; on PostgreSQL they may stay in the database (one
 * backup holds everything, several servers share them) or go to a shared disk.
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";

/** A received body, hashed and counted, not yet kept: `keep` makes it part of the store. */
export interface ReceivedFile {
  sha256: string;
  size: number;
  /** The first bytes, enough to tell a PDF from a ZIP. */
  head: Buffer;
  /** The bytes themselves when the store keeps them in the database. */
  bytes: Buffer | null;
  /** Moves the file to its place (fsynced); call before the row that names it is committed. */
  keep(): Promise<void>;
  /** Forgets a file that was refused. */
  discard(): Promise<void>;
}

export class FileTooLargeError extends Error {}

export interface FileStore {
  kind: "disk" | "database";
  /** The folder of the files, for a disk store. */
  root?: string;
  /** Reads `body` to its end (or until `maxBytes` is passed: FileTooLargeError). */
  receive(body: Readable | Buffer, maxBytes: number): Promise<ReceivedFile>;
  /** The content of a kept file: the row's bytes, or the file on disk. */
  open(file: { sha256: string; bytes: Buffer | null }): Readable | Buffer;
  /** Reads a kept file whole (exports). */
  read(file: { sha256: string; bytes: Buffer | null }): Promise<Buffer>;
  /** Deletes files on disk that no row names and that are older than `graceMs`. */
  removeOrphans(referenced: Set<string>, graceMs: number): Promise<number>;
}

const HEAD_BYTES = 16;

async function* chunksOf(body: Readable | Buffer): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(body)) {
    yield body;
    return;
  }
  for await (const chunk of body) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
}

async function fsyncDirectory(path: string) {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Keeps bytes in the database rows (PostgreSQL's default). */
export function databaseFileStore(): FileStore {
  return {
    kind: "database",
    async receive(body, maxBytes) {
      const hash = createHash("sha256");
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of chunksOf(body)) {
        size += chunk.length;
        if (size > maxBytes) throw new FileTooLargeError();
        hash.update(chunk);
        chunks.push(chunk);
      }
      const bytes = Buffer.concat(chunks, size);
      return {
        sha256: hash.digest("hex"),
        size,
        head: bytes.subarray(0, HEAD_BYTES),
        bytes,
        keep: async () => undefined,
        discard: async () => undefined,
      };
    },
    open(file) {
      if (!file.bytes)
        throw new Error(`file ${file.sha256} is on disk, but this server keeps files in the database`);
      return file.bytes;
    },
    async read(file) {
      return this.open(file) as Buffer;
    },
    async removeOrphans() {
      return 0;
    },
  };
}

/** Keeps files under `root`, as root/ab/abcdef... by their SHA-256 (identical files are kept once). */
export function diskFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256);
  const incoming = join(root, "incoming");
  return {
    kind: "disk",
    root,
    async receive(body, maxBytes) {
      await mkdir(incoming, { recursive: true });
      const temporary = join(incoming, randomUUID());
      const handle = await open(temporary, "wx");
      const hash = createHash("sha256");
      const head: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of chunksOf(body)) {
          size += chunk.length;
          if (size > maxBytes) throw new FileTooLargeError();
          if (size - chunk.length < HEAD_BYTES) head.push(chunk.subarray(0, HEAD_BYTES));
          hash.update(chunk);
          await handle.write(chunk);
        }
        await handle.sync();
      } catch (error) {
        await handle.close();
        await rm(temporary, { force: true });
        throw error;
      }
      await handle.close();
      const sha256 = hash.digest("hex");
      return {
        sha256,
        size,
        head: Buffer.concat(head).subarray(0, HEAD_BYTES),
        bytes: null,
        async keep() {
          const target = pathOf(sha256);
          await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
          // Renaming over an identical file is harmless: the content is its name.
          await rename(temporary, target);
          await fsyncDirectory(join(root, sha256.slice(0, 2)));
        },
        discard: () => rm(temporary, { force: true }),
      };
    },
    open(file) {
      if (file.bytes) return file.bytes;
      return createReadStream(pathOf(file.sha256));
    },
    async read(file) {
      if (file.bytes) return file.bytes;
      const chunks: Buffer[] = [];
      for await (const chunk of chunksOf(createReadStream(pathOf(file.sha256)))) chunks.push(chunk);
      return Buffer.concat(chunks);
    },
    async removeOrphans(referenced, graceMs) {
      let removed = 0;
      const cutoff = Date.now() - graceMs;
      const folders = await readdir(root).catch(() => [] as string[]);
      for (const folder of folders) {
        const dir = join(root, folder);
        for (const name of await readdir(dir).catch(() => [] as string[])) {
          // A file still arriving, or kept a moment before its row commits, is left alone.
          if (folder !== "incoming" && referenced.has(name)) continue;
          const path = join(dir, name);
          const info = await stat(path).catch(() => undefined);
          if (!info?.isFile() || info.mtimeMs > cutoff) continue;
          await rm(path, { force: true });
          removed += 1;
        }
      }
      return removed;
    },
  };
}

/** The store a server uses: FILE_STORAGE when set, else disk for PGlite and the database for PostgreSQL. */
export function openFileStore(options: {
  storage?: "disk" | "database" | undefined;
  engine: "pglite" | "postgres";
  dataDir: string;
}): FileStore {
  const storage = options.storage ?? (options.engine === "pglite" ? "disk" : "database");
  return storage === "disk" ? diskFileStore(join(options.dataDir, "files")) : databaseFileStore();
}
