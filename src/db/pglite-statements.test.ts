import { PGlite, types } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PLAN_EACH_CALL } from "./plan-each-call.js";
import { keepStatementsPrepared, toParameter } from "./pglite-statements.js";

let pg: PGlite;

beforeEach(async () => {
  pg = await PGlite.create();
  await pg.exec(`
    create table items (id int primary key, name text not null, tags text[], meta jsonb, data bytea,
                        at timestamptz, ok boolean, amount numeric);
  `);
});
afterEach(async () => {
  await pg.close();
});

async function kept(): Promise<string[]> {
  const r = await pg.exec("select name from pg_prepared_statements order by name");
  return r[0].rows.map((row) => String(row.name));
}

describe("toParameter", () => {
  it("writes values the way node-postgres does", () => {
    expect(toParameter(null)).toBeNull();
    expect(toParameter(undefined)).toBeNull();
    expect(toParameter(42)).toBe("42");
    expect(toParameter(10n)).toBe("10");
    expect(toParameter(true)).toBe("true");
    expect(toParameter(new Date("2026-12-03T10:00:00Z"))).toBe("2026-12-03T10:00:00.000Z");
    expect(toParameter({ a: [1, "x"] })).toBe('{"a":[1,"x"]}');
    expect(toParameter(["a", 'b"c', "d\\e", null, ["f"]])).toBe('{"a","b\\"c","d\\\\e",NULL,{"f"}}');
    expect(toParameter(new Uint8Array([1, 2]))).toEqual(new Uint8Array([1, 2]));
  });
});

describe("keepStatementsPrepared", () => {
  it("round-trips every kind of parameter through the kept statements", async () => {
    keepStatementsPrepared(pg);
    const at = new Date("2026-12-03T10:00:00.000Z");
    const insert = "insert into items values ($1, $2, $3, $4, $5, $6, $7, $8)";
    await pg.query(insert, [
      1,
      "it's",
      ["a", 'b"c', "d\\e", null],
      { k: [1, "x"] },
      new Uint8Array([0, 255]),
      at,
      true,
      "12.50",
    ]);
    await pg.query(insert, [2, "two", null, null, null, null, false, null]);
    const r = await pg.query<Record<string, unknown>>("select * from items where id = any($1) order by id", [
      [1, 2],
    ]);
    expect(r.rows[0]).toEqual({
      id: 1,
      name: "it's",
      tags: ["a", 'b"c', "d\\e", null],
      meta: { k: [1, "x"] },
      data: new Uint8Array([0, 255]),
      at,
      ok: true,
      amount: "12.50",
    });
    expect(r.rows[1]).toMatchObject({ id: 2, tags: null, ok: false });
    // Array rows and a query's own parsers, as drizzle asks for them.
    const raw = await pg.query<unknown[]>("select at from items where id = $1", [1], {
      rowMode: "array",
      parsers: { [types.TIMESTAMPTZ]: (value: string) => value },
    });
    expect(raw.rows).toEqual([["2026-12-03 10:00:00+00"]]);
    expect(raw.fields).toEqual([{ name: "at", dataTypeID: types.TIMESTAMPTZ }]);
  });

  it("parses each statement once and answers its later calls from the kept statement", async () => {
    keepStatementsPrepared(pg);
    await pg.query("insert into items (id, name) values ($1, $2)", [1, "one"]);
    for (let i = 0; i < 7; i++) {
      const r = await pg.query<{ name: string }>("select name from items where id = $1", [1]);
      expect(r.rows).toEqual([{ name: "one" }]);
    }
    expect(await kept()).toHaveLength(2);
  });

  it("plans a statement marked to be planned per call on each call, and keeps none for it", async () => {
    keepStatementsPrepared(pg);
    await pg.query("insert into items (id, name) values ($1, $2)", [1, "one"]);
    for (let i = 0; i < 3; i++) {
      const r = await pg.query<{ name: string }>(
        `${PLAN_EACH_CALL} select name from items where id = $1`,
        [1],
      );
      expect(r.rows).toEqual([{ name: "one" }]);
    }
    expect(await kept()).toHaveLength(1);
  });

  it("keeps only the most recently used statements", async () => {
    keepStatementsPrepared(pg, 2);
    for (const n of [1, 2, 3, 1, 4]) await pg.query(`select ${n} as n where $1::int > 0`, [1]);
    // The statement beyond the limit is closed on the next trip into the engine.
    await pg.query("select 1 as n where $1::int > 0", [1]);
    expect(await kept()).toHaveLength(2);
  });

  it("recovers when a statement fails on its first call, and reports the failure with its code", async () => {
    keepStatementsPrepared(pg);
    const insert = "insert into items (id, name) values ($1, $2)";
    await pg.query(insert, [1, "one"]);
    const clash = "insert into items (id, name) values ($1, $2) returning id";
    await expect(pg.query(clash, [1, "again"])).rejects.toMatchObject({ code: "23505", query: clash });
    // Parsed in the failed trip: closed and parsed again rather than refused as existing.
    expect((await pg.query<{ id: number }>(clash, [2, "two"])).rows).toEqual([{ id: 2 }]);
    await expect(pg.query("select nothing from nowhere where id = $1", [1])).rejects.toMatchObject({
      code: "42P01",
    });
  });

  it("runs inside transactions: rolled back on a failure, kept on success", async () => {
    keepStatementsPrepared(pg);
    const insert = "insert into items (id, name) values ($1, $2)";
    await expect(
      pg.transaction(async (tx) => {
        await tx.query(insert, [1, "one"]);
        await tx.query(insert, [1, "duplicate"]);
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect((await pg.query("select * from items")).rows).toEqual([]);
    await pg.transaction(async (tx) => {
      await tx.query(insert, [1, "one"]);
      await tx.query(insert, [2, "two"]);
    });
    expect((await pg.query("select count(*)::int as n from items")).rows).toEqual([{ n: 2 }]);
  });

  it("parses a kept statement again when the table under it changed shape", async () => {
    keepStatementsPrepared(pg);
    await pg.query("insert into items (id, name) values ($1, $2)", [1, "one"]);
    const all = "select * from items where id = $1";
    expect(Object.keys((await pg.query<object>(all, [1])).rows[0])).toHaveLength(8);
    const before = await kept();
    await pg.exec("alter table items add column extra text");
    expect(Object.keys((await pg.query<object>(all, [1])).rows[0])).toHaveLength(9);
    expect((await kept()).filter((name) => !before.includes(name))).toHaveLength(1);
  });
});
