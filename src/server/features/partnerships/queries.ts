import { sql, type SQL } from "drizzle-orm";
import { stateByAbbr } from "../../../core/geography.js";
import { naicsAncestors, naicsPrefixes } from "../../../core/naics.js";
import type { PartnershipListQuery } from "../../../core/partnerships.js";
import { inList, likeEscape } from "../../lib/sql.js";
import { AppError } from "../../errors.js";

export type DirectoryFilters = Omit<PartnershipListQuery, "sort" | "page" | "pageSize">;

/**
 * The WHERE clause of the public directory. Industry matches at any level: a filter of 31-33
 * finds a partnership registered as 3363, and a filter of 3363 finds one registered as 31-33.
 */
export function directoryWhere(filters: DirectoryFilters): SQL {
  const parts: SQL[] = [sql`p.deleted_at is null`];
  if (filters.q) {
    const pattern = `%${likeEscape(filters.q)}%`;
    const words = searchTerms(filters.q);
    parts.push(
      words ? sql`(p.search_document @@ ${words} or p.name ilike ${pattern})` : sql`p.name ilike ${pattern}`,
    );
  }
  if (filters.naics?.length) {
    const alternatives = filters.naics.flatMap((code) => [
      ...naicsPrefixes(code).map((prefix) => sql`n.code like ${`${likeEscape(prefix)}%`}`),
      inList(sql`n.code`, [code, ...naicsAncestors(code)]),
    ]);
    parts.push(sql`exists (select 1 from partnership_naics n where n.partnership_id = p.id
      and (${sql.join(alternatives, sql` or `)}))`);
  }
  if (filters.state?.length) {
    const fips = filters.state.map((abbr) => {
      const state = stateByAbbr(abbr);
      if (!state) {
        throw new AppError("bad_request", `state: unknown state ${abbr}`, {
          errors: [{ field: "state", message: `unknown state ${abbr}; use a postal code such as CO` }],
        });
      }
      return state.fips;
    });
    parts.push(sql`exists (select 1 from partnership_counties c where c.partnership_id = p.id
      and ${inList(sql`c.state_fips`, fips)})`);
  }
  if (filters.county?.length) {
    parts.push(sql`exists (select 1 from partnership_counties c where c.partnership_id = p.id
      and ${inList(sql`c.fips`, filters.county)})`);
  }
  if (filters.stage?.length) parts.push(inList(sql`p.stage`, filters.stage));
  if (filters.setting?.length) parts.push(inList(sql`p.setting`, filters.setting));
  return sql.join(parts, sql` and `);
}

/**
 * The words of a search as a prefix query ("food manuf" finds Food Manufacturing) over the
 * partnership's search document: its name, industries at every NAICS level, counties, states,
 * metro areas and description (kept by the triggers of migration 0004). Null when the search
 * has no word at all, such as "--".
 */
export function searchTerms(q: string): SQL | null {
  const words = q.normalize("NFKC").match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  // Letters and digits only: nothing in them can change the query's syntax.
  const query = words
    .slice(0, 12)
    .map((w) => `${w}:*`)
    .join(" & ");
  return sql`to_tsquery('english', ${query})`;
}

export const stageOrder = sql`array_position(array['civic_infrastructure','prepare','launch','act','sustain'], p.stage)`;

export type DirectorySort = NonNullable<PartnershipListQuery["sort"]>;

/** What the directory is sorted by: best match first when a search is given, else by name. */
export function resolvedSort(query: { q?: string; sort?: DirectorySort }): DirectorySort {
  const sort = query.sort ?? (query.q ? "relevance" : "name");
  return sort === "relevance" && !(query.q && searchTerms(query.q)) ? "name" : sort;
}

export function directoryOrder(sort: DirectorySort, q?: string): SQL {
  switch (sort) {
    case "relevance": {
      const words = q ? searchTerms(q) : null;
      return words ? sql`ts_rank(p.search_document, ${words}) desc, p.name asc, p.id` : sql`p.name asc, p.id`;
    }
    case "name":
      return sql`p.name asc, p.id`;
    case "-name":
      return sql`p.name desc, p.id`;
    case "launch":
      return sql`p.launch_date asc nulls last, p.name, p.id`;
    case "-launch":
      return sql`p.launch_date desc nulls last, p.name, p.id`;
    case "updated":
      return sql`p.updated_at desc, p.id`;
    case "stage":
      return sql`${stageOrder} desc, p.name, p.id`;
  }
}
