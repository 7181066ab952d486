/**
 * Inserting many rows fast, the same on both engines: each batch goes as one JSON parameter
 * that PostgreSQL spreads into the table's own row type (jsonb_populate_recordset). A drizzle
 * multi-row insert binds one parameter per value, which at a million rows costs more in
 * building and parsing the statement than in storing the rows.
 */
import { getTableColumns, getTableName, sql, type Column, type Table } from "drizzle-orm";
import type { Executor } from "./open.js";
import { queryRows } from "./query.js";

/** Rows per statement: a few MB of JSON, well within what either engine takes in one message. */
const BATCH = 5000;

/**
 * A value as the JSON that the column's type reads back: JSON columns as they are, everything
 * else as the driver would send it (a date as ISO text, an array as its literal), which the row
 * type then parses with the column's own input function.
 */
function toJson(column: Column, value: unknown): unknown {
  if (value === null || column.columnType === "PgJson" || column.columnType === "PgJsonb") return value;
  const driver: unknown = column.mapToDriverValue(value);
  if (driver instanceof Uint8Array)
    throw new Error(`insertRows cannot send the binary column ${column.name}`);
  return driver;
}

/**
 * Inserts `rows` into `table` in batches. A column left undefined in a row takes its default,
 * as with drizzle's insert: rows are grouped by the columns they set, so a batch never sends
 * NULL where a default was meant.
 */
export async function insertRows<T extends Table>(
  db: Executor,
  table: T,
  rows: readonly T["$inferInsert"][],
  batch = BATCH,
): Promise<void> {
  const columns = Object.entries(getTableColumns(table)) as [string, Column][];
  const name = sql.identifier(getTableName(table));
  for (let i = 0; i < rows.length; i += batch) {
    const groups = new Map<string, { set: [string, Column][]; rows: Record<string, unknown>[] }>();
    for (const given of rows.slice(i, i + batch) as Record<string, unknown>[]) {
      // Defaults computed in JavaScript ($defaultFn) are drizzle's to apply, so they are applied here.
      const row = { ...given };
      for (const [key, column] of columns)
        if (row[key] === undefined && column.defaultFn) row[key] = column.defaultFn();
      const set = columns.filter(([key]) => row[key] !== undefined);
      const signature = set.map(([key]) => key).join(",");
      const group = groups.get(signature) ?? { set, rows: [] };
      groups.set(signature, group);
      group.rows.push(
        Object.fromEntries(set.map(([key, column]) => [column.name, toJson(column, row[key])])),
      );
    }
    for (const { set, rows: values } of groups.values()) {
      const list = sql.join(
        set.map(([, column]) => sql.identifier(column.name)),
        sql`, `,
      );
      // Dates become ISO strings and arrays JSON arrays, which the row type reads back exactly.
      await db.execute(
        sql`insert into ${name} (${list}) select ${list} from jsonb_populate_recordset(null::${name}, ${JSON.stringify(values)}::jsonb)`,
      );
    }
  }
}

/**
 * Runs `load` with the plain secondary indexes of `tables` set aside and builds them again
 * after, in the caller's transaction: building an index once from sorted rows is several times
 * faster than keeping it up to date row by row over millions of inserts. Indexes behind
 * constraints (primary keys, unique and foreign keys) stay, so every row is still checked. The
 * tables are locked until the transaction ends: meant for loading a large data set, not for a
 * database people are using.
 */
export async function withIndexesSetAside<T>(
  tx: Executor,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const indexes = await queryRows<{ name: string; definition: string }>(
    tx,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = 'public' and i.tablename in (${sql.join(
          tables.map((t) => sql`${t}`),
          sql`, `,
        )})
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)
        order by i.indexname`,
  );
  for (const index of indexes) await tx.execute(sql`drop index ${sql.identifier(index.name)}`);
  const result = await load();
  // The definitions come from the catalog itself (CREATE INDEX … as PostgreSQL printed it).
  for (const index of indexes) await tx.execute(sql.raw(index.definition));
  return result;
}
