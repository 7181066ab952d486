import { sql, type SQL } from "drizzle-orm";

/** `expr in (v1, v2, ...)`, or false for an empty list (SQL has no empty `in ()`). */
export function inList(expr: SQL, values: readonly string[]): SQL {
  if (values.length === 0) return sql`false`;
  return sql`${expr} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A timestamp column as `Date.toISOString()` writes it ("2026-12-03T10:00:00.000Z"), for answers
 * built as JSON in SQL: the same text on both engines and in every session time zone. It costs
 * PostgreSQL a good deal per value (to_char): for lists read on every visit, prefer the column
 * itself and `utcTime` in the server; here for answers kept in a cache (the action plan's rows).
 */
export function isoTimestamp(column: string): SQL {
  return sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
}

/**
 * A time as PostgreSQL writes it (a row's text or, in an answer built as JSON in SQL, ISO 8601
 * with the session's offset) as `Date.toISOString()` writes it ("2026-12-03T10:00:00.000Z"): the
 * same text on both engines and in every session time zone. Made here rather than with to_char
 * in the statement, which cost PostgreSQL more than the rest of a list's JSON.
 */
export function utcTime(written: string | Date): string {
  return new Date(written).toISOString();
}
