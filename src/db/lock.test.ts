import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireDirectoryLock, DataDirectoryInUseError, processStartTime } from "./lock.js";

// A live process that is not a Shared Table server: it stands for a pid reused after a crash.
let other: ReturnType<typeof spawn>;
beforeAll(() => {
  other = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
});
afterAll(() => {
  other.kill();
});

const lockFile = (dir: string) => join(dir, "server.lock");

describe.skipIf(process.platform !== "linux")("the data-directory lock", () => {
  it("records its owner's pid and start time", () => {
    const dir = mkdtempSync(join(tmpdir(), "st-lock-"));
    const release = acquireDirectoryLock(dir);
    expect(JSON.parse(readFileSync(lockFile(dir), "utf8"))).toEqual({
      pid: process.pid,
      started: processStartTime(process.pid),
    });
    release();
  });

  it("is taken over when its pid now belongs to another, later process", () => {
    const dir = mkdtempSync(join(tmpdir(), "st-lock-"));
    const started = processStartTime(other.pid!);
    expect(started).not.toBeNull();
    // The crashed owner had this pid but started at another time.
    writeFileSync(lockFile(dir), JSON.stringify({ pid: other.pid, started: `${Number(started) - 1}` }));
    const release = acquireDirectoryLock(dir);
    expect(JSON.parse(readFileSync(lockFile(dir), "utf8"))).toMatchObject({ pid: process.pid });
    release();
  });

  it("refuses while the recorded process itself runs", () => {
    const dir = mkdtempSync(join(tmpdir(), "st-lock-"));
    writeFileSync(lockFile(dir), JSON.stringify({ pid: other.pid, started: processStartTime(other.pid!) }));
    expect(() => acquireDirectoryLock(dir)).toThrow(DataDirectoryInUseError);
    expect(() => acquireDirectoryLock(dir)).toThrow(`pid ${other.pid}`);
  });

  it("reads the bare pid older servers wrote, and takes over a dead one", () => {
    const dir = mkdtempSync(join(tmpdir(), "st-lock-"));
    writeFileSync(lockFile(dir), String(other.pid));
    expect(() => acquireDirectoryLock(dir)).toThrow(DataDirectoryInUseError);
    writeFileSync(lockFile(dir), "999999999");
    acquireDirectoryLock(dir)();
  });
});
