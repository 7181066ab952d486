import { and, asc, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { stateByAbbr, stateByFips } from "../../../core/geography.js";
import type { Executor } from "../../../db/open.js";
import { counties, naicsCodes, states } from "../../../db/schema/index.js";
import { likeEscape } from "../../lib/sql.js";
import { msg } from "../../../core/i18n/msg.js";
import { fieldError } from "../../errors.js";

const splitList = (text?: string) =>
  text
    ? text
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

export async function searchNaics(
  db: Executor,
  query: { q?: string; codes?: string; level?: number; limit: number },
) {
  const conditions: SQL[] = [];
  const codes = splitList(query.codes);
  if (codes.length) conditions.push(inArray(naicsCodes.code, codes));
  if (query.level) conditions.push(eq(naicsCodes.level, query.level));
  if (query.q) {
    const pattern = `%${likeEscape(query.q)}%`;
    conditions.push(or(ilike(naicsCodes.title, pattern), ilike(naicsCodes.code, `${likeEscape(query.q)}%`))!);
  }
  const items = await db
    .select({ code: naicsCodes.code, title: naicsCodes.title, level: naicsCodes.level })
    .from(naicsCodes)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(naicsCodes.level), asc(naicsCodes.code))
    .limit(query.limit);
  return { items };
}

export async function listStates(db: Executor) {
  const items = await db.select().from(states).orderBy(asc(states.name));
  return { items };
}

export async function listCounties(db: Executor, query: { state?: string; q?: string; fips?: string }) {
  const conditions: SQL[] = [];
  if (query.state) {
    const state = stateByAbbr(query.state);
    if (!state) {
      throw fieldError(
        "state",
        msg(
          {
            id: "server.reference.field.unknownState",
            defaultMessage: "unknown state {state}; use a postal code such as CO",
          },
          { state: query.state },
        ),
      );
    }
    conditions.push(eq(counties.stateFips, state.fips));
  }
  const fips = splitList(query.fips);
  if (fips.length) conditions.push(inArray(counties.fips, fips));
  if (query.q) conditions.push(ilike(counties.name, `%${likeEscape(query.q)}%`));
  const rows = await db
    .select()
    .from(counties)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(counties.stateFips), asc(counties.name))
    .limit(fips.length || query.state ? 5000 : 200);
  return {
    items: rows.map((c) => ({
      fips: c.fips,
      name: c.name,
      state: stateByFips(c.stateFips)?.abbr ?? c.stateFips,
      cbsaType: c.cbsaType,
    })),
  };
}
