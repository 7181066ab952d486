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
