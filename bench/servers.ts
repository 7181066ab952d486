/**
 * Child process of the directory benchmark: the real app on the benchmark database and a bare
 * Fastify app, both on loopback. Runs apart from the load generator so they do not share a
 * thread. Tells the parent its ports over IPC and stops when told (or when the parent goes away).
 */
import Fastify from "fastify";
import { openDatabase } from "../src/db/open.js";
import { buildApp } from "../src/server/app.js";
import { readConfig } from "../src/server/config.js";
import { Mailer } from "../src/server/lib/mailer.js";
import { databaseFileStore } from "../src/db/files.js";
import { AnswerCache } from "../src/server/lib/answer-cache.js";
import { StampedCache } from "../src/server/lib/stamped-cache.js";

export interface ServersReady {
  type: "ready";
  appPort: number;
  /** The same app with its answer cache turned off: every request runs the query. */
  uncachedPort: number;
  barePort: number;
}

function portOf(address: ReturnType<import("node:net").Server["address"]>): number {
  return typeof address === "object" && address ? address.port : 0;
}

async function main(): Promise<void> {
  const url = process.env.BENCH_URL;
  if (!url || !process.send) throw new Error("bench/servers.ts runs as a child of bench/run.ts");
  const database = await openDatabase({ url });
  const config = readConfig({
    DATABASE_URL: url,
    NODE_ENV: "production",
    DEMO_DATA: "false",
    HOST: "127.0.0.1",
  });
  const makeApp = (answers: AnswerCache, stamped: StampedCache) =>
    buildApp({
      db: database.db,
      engine: database.engine,
      config,
      mailer: new Mailer(database.db, undefined, "x"),
      now: () => new Date(),
      answers,
      stamped,
      files: databaseFileStore(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
  const app = await makeApp(new AnswerCache(), new StampedCache());
  await app.listen({ port: 0, host: "127.0.0.1" });
  const uncached = await makeApp(new AnswerCache(0), new StampedCache(0));
  await uncached.listen({ port: 0, host: "127.0.0.1" });

  const bare = Fastify({ logger: false });
  const body = { status: "ok", items: [{ id: 1, name: "bare" }], total: 1 };
  bare.get("/", async () => body);
  await bare.listen({ port: 0, host: "127.0.0.1" });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled([app.close(), uncached.close(), bare.close()]);
    await database.close();
    process.exit(0);
  };
  process.on("message", (message) => {
    if (message === "stop") void stop();
  });
  process.on("disconnect", () => void stop());
  const ready: ServersReady = {
    type: "ready",
    appPort: portOf(app.server.address()),
    uncachedPort: portOf(uncached.server.address()),
    barePort: portOf(bare.server.address()),
  };
  process.send(ready);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
