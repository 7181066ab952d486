/**
 * Inserting many rows fast, the same on both engines: each batch goes as one JSON parameter
 * that PostgreSQL spreads into the table's own row type (jsonb_populate_recordset). A drizzle
 * multi-row insert binds one parameter per value, which at a million rows costs more in
 * building and parsing the statement than in storing the rows.
 */
import { getTableColumns, getTableName, sql, type Column, type Table } from "drizzle-orm";
import type { Executor } from "./open.js";

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
