/** Writes openapi.json from the routes' schemas; CI fails when the committed copy differs. */
import { writeFileSync } from "node:fs";
import { openDatabase } from "../src/db/open.js";
import { buildApp } from "../src/server/app.js";
import { readConfig } from "../src/server/config.js";
import { Mailer } from "../src/server/lib/mailer.js";
import { databaseFileStore } from "../src/db/files.js";
import { AnswerCache } from "../src/server/lib/answer-cache.js";
import { StampedCache } from "../src/server/lib/stamped-cache.js";

export async function generateOpenApi(): Promise<string> {
  const database = await openDatabase();
  const config = readConfig({ NODE_ENV: "test" });
  const app = await buildApp({
    db: database.db,
    engine: database.engine,
    config,
    mailer: new Mailer(database.db, undefined, config.MAIL_FROM),
    now: () => new Date(),
    answers: new AnswerCache(),
    stamped: new StampedCache(),
    files: databaseFileStore(),
    sleep: async () => {},
  });
  await app.ready();
  const document = JSON.stringify(app.swagger(), null, 2) + "\n";
  await app.close();
  await database.close();
  return document;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync("openapi.json", await generateOpenApi());
  console.log("openapi.json written");
}
