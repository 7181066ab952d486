import { sql, type SQL } from "drizzle-orm";
import { stateByAbbr } from "../../../core/geography.js";
import { naicsAncestors, naicsPrefixes } from "../../../core/naics.js";
import type { PartnershipListQuery } from "../../../core/partnerships.js";
import { inList, likeEscape } from "../../lib/sql.js";
import { AppError } from "../../errors.js";

export type DirectoryFilters = Omit<PartnershipListQuery, "sort" | "page" | "pageSize">;

/**
 * The filters on the partnership's industries and places, each as the set of partnership ids it
 * allows, read from the link tables' indexes. Null when none is given.
 */
export function directoryCandidates(filters: DirectoryFilters): SQL | null {
  const sets: SQL[] = [];
  if (filters.naics?.length) {
    const alternatives = filters.naics.flatMap((code) => [
      ...naicsPrefixes(code).map((prefix) => sql`n.code like ${`${likeEscape(prefix)}%`}`),
      inList(sql`n.code`, [code, ...naicsAncestors(code)]),
    ]);
    sets.push(
      sql`select n.partnership_id from partnership_naics n where ${sql.join(alternatives, sql` or `)}`,
    );
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
    sets.push(
      sql`select c.partnership_id from partnership_counties c where ${inList(sql`c.state_fips`, fips)}`,
    );
  }
  if (filters.county?.length) {
    sets.push(
      sql`select c.partnership_id from partnership_counties c where ${inList(sql`c.fips`, filters.county)}`,
    );
  }
  return sets.length === 0 ? null : sql.join(sets, sql` intersect `);
}

/** The conditions on the partnership row itself: not deleted, the search, stage and setting. */
function ownConditions(filters: DirectoryFilters): SQL {
  const parts: SQL[] = [sql`p.deleted_at is null`];
  if (filters.q) {
    const pattern = `%${likeEscape(filters.q)}%`;
    const words = searchTerms(filters.q);
    parts.push(
      words ? sql`(p.search_document @@ ${words} or p.name ilike ${pattern})` : sql`p.name ilike ${pattern}`,
    );
  }
  if (filters.stage?.length) parts.push(inList(sql`p.stage`, filters.stage));
  if (filters.setting?.length) parts.push(inList(sql`p.setting`, filters.setting));
  return sql.join(parts, sql` and `);
}

/**
 * The partnerships the directory shows, as a FROM item aliased `p`. Industry matches at any
 * level: a filter of 31-33 finds a partnership registered as 3363, and a filter of 3363 finds one
 * registered as 31-33. With an industry or place filter the few matching ids come first from the
 * link tables' indexes and only those rows are read; scanning every partnership (most of a row
 * is its search document) made each page cost as much as the whole table.
 */
export function directoryRows(filters: DirectoryFilters): SQL {
  const candidates = directoryCandidates(filters);
  // An array of ids: the planner then reads each row by its key instead of scanning the table
  // to join a set it cannot size.
  return candidates
    ? sql`(select p.* from partnerships p where p.id = any(array(${candidates})) and ${ownConditions(filters)}) p`
    : sql`(select p.* from partnerships p where ${ownConditions(filters)}) p`;
}

/** Whether a filter narrows the directory to a set worth reading first (else the indexes of the sort serve). */
export function isNarrowed(filters: DirectoryFilters): boolean {
  return directoryCandidates(filters) !== null || Boolean(filters.q);
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
