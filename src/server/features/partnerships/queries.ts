import { msg } from "../../../core/i18n/msg.js";
import { sql, type SQL } from "drizzle-orm";
import { stateByAbbr } from "../../../core/geography.js";
import { naicsAncestors, naicsPrefixes } from "../../../core/naics.js";
import type { PartnershipListQuery } from "../../../core/partnerships.js";
import { inList, likeEscape } from "../../lib/sql.js";
import { AppError } from "../../errors.js";

export type DirectoryFilters = Omit<PartnershipListQuery, "sort" | "page" | "pageSize">;

/** A list of texts as one array value, for the array operators (`&&`) of the card indexes. */
function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

function stateFipsOf(abbrs: readonly string[]): string[] {
  return abbrs.map((abbr) => {
    const state = stateByAbbr(abbr);
    if (!state) {
      throw new AppError(
        "bad_request",
        msg(
          { id: "server.partnerships.stateUnknownState", defaultMessage: "state: unknown state {abbr}" },
          { abbr: String(abbr) },
        ),
        {
          errors: [
            {
              field: "state",
              message: msg(
                {
                  id: "server.partnerships.unknownStateField",
                  defaultMessage: "unknown state {abbr}; use a postal code such as CO",
                },
                { abbr },
              ),
            },
          ],
        },
      );
    }
    return state.fips;
  });
}

/** Above this many state-and-industry pairs, the two filters are asked apart (a shorter list). */
const MAX_STATE_INDUSTRY_KEYS = 64;

/** The filter's codes and every leading part of them: the card keys (naics_keys) that match. */
function codesWithin(naics: readonly string[]): string[] {
  return [...new Set(naics.flatMap((code) => [code, ...naicsPrefixes(code)]))];
}

/** Each state with each industry key ("48:31"), as the cards' state_industry_keys hold them. */
function stateIndustryPairs(states: readonly string[], within: readonly string[]): string[] {
  return states.flatMap((fips) => within.map((key) => `${fips}:${key}`));
}

/** What a directory page shows of each card (under the alias given), and its main industry's title. */
export const pageColumns = (card: "c" | "p"): SQL =>
  sql.raw(
    [
      "id",
      "slug",
      "name",
      "stage",
      "setting",
      "launch_date::text as launch_date",
      "naics",
      "counties",
      "business_count",
      "public_count",
    ]
      .map((column) => `${card}.${column}`)
      .join(", "),
  );
export const industryTitle = sql`(select t.title from naics_codes t where t.code = page.naics[1]) as industry`;

/**
 * The state-and-industry keys of a page whose only filters are states and industries at their
 * own level or broader (the directory's most asked page: "manufacturing in Texas"), else null.
 * Such a page is read from directory_card_keys alone (keyPageSql); a deeper industry also
 * matches cards registered under its broader codes, which the keys do not hold.
 */
export function onlyStateIndustryKeys(filters: DirectoryFilters): string[] | null {
  if (!filters.state?.length || !filters.naics?.length) return null;
  if (filters.county?.length || filters.stage?.length || filters.setting?.length || filters.q) return null;
  if (filters.naics.some((code) => naicsAncestors(code).length > 0)) return null;
  const within = codesWithin(filters.naics);
  const states = stateFipsOf(filters.state);
  if (states.length * within.length > MAX_STATE_INDUSTRY_KEYS) return null;
  return stateIndustryPairs(states, within);
}

/**
 * A page of cards by name from their state-and-industry keys, counted there: the first rows of
 * a few ranges of the keys' primary key, and those ranges' distinct cards, read from the index
 * alone (ten times the national set, Texas manufacturing: 0.3 ms to count and 0.5 ms for the
 * page's ids, where the cards' GIN index then read each card: 1.5 and 1.7 ms).
 */
export function keyPageSql(keys: readonly string[], descending: boolean, limit: number, offset: number): SQL {
  const direction = descending ? sql`desc` : sql`asc`;
  const inKeys = sql`k.key = any(${textArray(keys)})`;
  return sql`select page.*, ${industryTitle}
    from (
      select ${pageColumns("c")},
             (select count(distinct k.id) from directory_card_keys k where ${inKeys})::int as total
      from (select distinct on (k.name, k.id) k.name, k.id from directory_card_keys k where ${inKeys}
            order by k.name ${direction}, k.id limit ${limit} offset ${offset}) k
      join directory_cards c on c.id = k.id
      order by k.name ${direction}, k.id
    ) page`;
}

/**
 * The conditions on a directory card (`p`, a row of directory_cards) and, with a search, on its
 * partnership (`s`). Industry matches at any level: a filter of 31-33 finds a partnership
 * registered as 3363 (whose card's keys hold 33), and a filter of 3363 finds one registered as
 * 31-33 (one of 3363's broader codes). Each filter is one array overlap that a GIN index answers.
 */
function cardConditions(filters: DirectoryFilters): SQL {
  const parts: SQL[] = [sql`p.listed`];
  const states = filters.state?.length ? stateFipsOf(filters.state) : [];
  let stateAsked = false;
  if (filters.naics?.length) {
    const within = codesWithin(filters.naics);
    const broader = [...new Set(filters.naics.flatMap((code) => naicsAncestors(code)))];
    // A state's industry is one overlap on the cards' state-and-industry keys (a few hundred
    // cards at ten times the national set, where the industry alone is thousands).
    stateAsked = states.length > 0 && states.length * within.length <= MAX_STATE_INDUSTRY_KEYS;
    const deeper = stateAsked
      ? sql`p.state_industry_keys && ${textArray(stateIndustryPairs(states, within))}`
      : sql`p.naics_keys && ${textArray(within)}`;
    const wider = stateAsked
      ? sql`(p.naics && ${textArray(broader)} and p.state_fips && ${textArray(states)})`
      : sql`p.naics && ${textArray(broader)}`;
    parts.push(broader.length > 0 ? sql`(${deeper} or ${wider})` : deeper);
  }
  if (states.length > 0 && !stateAsked) parts.push(sql`p.state_fips && ${textArray(states)}`);
  if (filters.county?.length) parts.push(sql`p.counties && ${textArray(filters.county)}`);
  if (filters.stage?.length) parts.push(inList(sql`p.stage`, filters.stage));
  if (filters.setting?.length) parts.push(inList(sql`p.setting`, filters.setting));
  if (filters.q) {
    // Words are matched at their beginnings in the search document, which holds the name too:
    // its GIN index finds them. A name's substring (`or name ilike`) read every partnership
    // instead, 60-230 ms a search at ten times the national set even for 25 matches. A search of
    // symbols only, which has no words, is still looked for in the names.
    const words = searchTerms(filters.q);
    parts.push(
      words ? sql`s.search_document @@ ${words}` : sql`p.name ilike ${`%${likeEscape(filters.q)}%`}`,
    );
  }
  return sql.join(parts, sql` and `);
}

/**
 * The cards the directory shows, as a FROM item aliased `p` with the columns of directory_cards
 * and, with a search, the partnership's search document to rank by. The cards are narrow and
 * carry what a page shows (codes, counties, member counts), so a page reads only its matches.
 */
export function directoryCards(filters: DirectoryFilters): SQL {
  return filters.q
    ? sql`(select p.*, s.search_document from directory_cards p join partnerships s on s.id = p.id
           where ${cardConditions(filters)}) p`
    : sql`(select p.* from directory_cards p where ${cardConditions(filters)}) p`;
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

/** How well a card matches the search's words (0 without words): the relevance order's key. */
export function searchRank(q: string | undefined): SQL {
  const words = q ? searchTerms(q) : null;
  return words ? sql`ts_rank(p.search_document, ${words})` : sql`0::real`;
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
      // The rank is computed once per match, as `rank`, where the matches are found (searchRank).
      const words = q ? searchTerms(q) : null;
      return words ? sql`p.rank desc, p.name asc, p.id` : sql`p.name asc, p.id`;
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
