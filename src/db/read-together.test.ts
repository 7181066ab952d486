import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./open.js";
import { queryRows, readTogether } from "./query.js";

let database: Database;
beforeAll(async () => {
  database = await openDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("readTogether", () => {
  it("answers each read in order, over the pool and inside a transaction", async () => {
    const order: string[] = [];
    const read = (label: string, n: number) => async () => {
      order.push(`start ${label}`);
      const [row] = await queryRows<{ n: number }>(database.db, sql`select ${n}::int as n`);
      order.push(`end ${label}`);
      return row.n;
    };
    expect(await readTogether(database.db, [read("a", 1), read("b", 2)])).toEqual([1, 2]);
    // Over the pool both start before either ends.
    expect(order.slice(0, 2)).toEqual(["start a", "start b"]);
    order.length = 0;
    const inside = await database.db.transaction(async (tx) =>
      readTogether(tx, [
        async () => {
          order.push("start a");
          const [row] = await queryRows<{ n: number }>(tx, sql`select 3::int as n`);
          order.push("end a");
          return row.n;
        },
        () =>
          tx.execute(sql`select 4`).then(() => {
            order.push("b");
            return "four";
          }),
      ]),
    );
    expect(inside).toEqual([3, "four"]);
    // Inside a transaction one after another.
    expect(order).toEqual(["start a", "end a", "b"]);
  });
});
