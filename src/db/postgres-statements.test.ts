import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAN_EACH_CALL } from "./plan-each-call.js";
import { nameRepeatedStatements } from "./postgres-statements.js";

const baseUrl = process.env.TEST_DATABASE_URL;
const database = `st_statements_${process.pid}`;

// PostgreSQL only: the statements are kept by the server, per connection.
describe.skipIf(!baseUrl)("nameRepeatedStatements", () => {
  let admin: pg.Client;
  let pool: pg.Pool;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database}`);
    const url = new URL(baseUrl ?? "");
    url.pathname = `/${database}`;
    // One connection: what one connection keeps is what the checks below read.
    pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
    nameRepeatedStatements(pool, { after: 2, limit: 2 });
    await pool.query("create table items (id int primary key, name text)");
    await pool.query("insert into items values (1, 'one'), (2, 'two')");
  });
  afterAll(async () => {
    await pool.end();
    await admin.query(`drop database if exists ${database}`);
    await admin.end();
  });

  const kept = async () =>
    (
      await pool.query<{ statement: string }>(
        "select statement from pg_prepared_statements order by statement",
      )
    ).rows.map((r) => r.statement);

  it("prepares a text once it repeats, up to the limit, and answers the same either way", async () => {
    const byId = { text: "select name from items where id = $1", values: [1] };
    expect((await pool.query(byId)).rows).toEqual([{ name: "one" }]);
    expect(await kept()).toEqual([]);
    for (const id of [1, 2, 1]) expect((await pool.query({ ...byId, values: [id] })).rows).toHaveLength(1);
    expect(await kept()).toEqual(["select name from items where id = $1"]);
    // A text marked to be planned on each call is never kept.
    for (let i = 0; i < 3; i++)
      await pool.query({ text: `${PLAN_EACH_CALL} select name from items where id = $1`, values: [1] });
    expect(await kept()).toHaveLength(1);
    // Drizzle's form: rows as arrays, with its own type parsers.
    const arrays = { text: "select id, name from items order by id", rowMode: "array" as const };
    for (let i = 0; i < 3; i++)
      expect((await pool.query(arrays)).rows).toEqual([
        [1, "one"],
        [2, "two"],
      ]);
    expect(await kept()).toHaveLength(2);
    // The limit is reached: a third repeated text runs unnamed.
    for (let i = 0; i < 3; i++)
      await pool.query({ text: "select count(*) from items where id > $1", values: [0] });
    expect(await kept()).toHaveLength(2);
  });

  it("prepares a text again under a new name when its table changed shape", async () => {
    const all = { text: "select * from items where id = $1", values: [1] };
    const fresh = new pg.Pool({
      connectionString: (pool as unknown as { options: { connectionString: string } }).options
        .connectionString,
      max: 1,
    });
    nameRepeatedStatements(fresh, { after: 1, limit: 10 });
    try {
      expect(Object.keys((await fresh.query(all)).rows[0])).toEqual(["id", "name"]);
      await fresh.query("alter table items add column note text");
      await expect(fresh.query(all)).rejects.toMatchObject({ code: "0A000" });
      expect(Object.keys((await fresh.query(all)).rows[0])).toEqual(["id", "name", "note"]);
    } finally {
      await fresh.end();
    }
  });
});
