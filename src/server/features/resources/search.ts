import { sql, type SQL } from "drizzle-orm";
import type { ResourceQuery } from "../../../core/resources.js";
import { planEachCall } from "../../../db/plan-each-call.js";
import type { Locale } from "../../../core/i18n/locales.js";

/**
 * What the text search reads, by weight: the title first, then the summary and topics, then the
 * body. One expression, used by every write so the stored vector never drifts from the text.
 */
export function searchVector(r: { title: string; summary: string; topics: readonly string[]; body: string }) {
  return sql`setweight(to_tsvector('english', ${r.title}), 'A')
    || setweight(to_tsvector('english', ${r.summary} || ' ' || replace(${r.topics.join(" ")}, '_', ' ')), 'B')
    || setweight(to_tsvector('english', ${r.body}), 'C')`;
}

/** The text-search configuration of each language a translation may be in. */
export const searchConfigs: Record<Locale, string> = { en: "english", es: "spanish" };

/** A translation's vector: the same weights as the original's, in its language's configuration. */
export function translationVector(lang: Locale, t: { title: string; summary: string; body: string }) {
  const config = searchConfigs[lang];
  return sql`setweight(to_tsvector(${config}::regconfig, ${t.title}), 'A')
    || setweight(to_tsvector(${config}::regconfig, ${t.summary}), 'B')
    || setweight(to_tsvector(${config}::regconfig, ${t.body}), 'C')`;
}

/** The filters of the library, on published resources only. */
export function libraryFilters(query: ResourceQuery): SQL {
  const parts: SQL[] = [sql`r.status = 'published'`];
  if (query.stage) parts.push(sql`r.stage = ${query.stage}`);
  if (query.kind) parts.push(sql`r.kind = ${query.kind}`);
  if (query.topic?.length) parts.push(sql`r.topics && ${textArray(query.topic)}`);
  if (query.audience?.length) parts.push(sql`r.audience && ${textArray(query.audience)}`);
  return sql.join(parts, sql` and `);
}

function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/**
 * Markers that ts_headline puts around matches. Control characters never appear in what people
 * type, so after the passage is HTML-escaped they can be swapped for `<mark>` safely.
 */
export const MARK_START = "\u0002";
export const MARK_STOP = "\u0003";
const headlineOptions = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * The columns of a list item: the resource without its vector, in the reader's language where a
 * translation exists (`t`, joined by `translationJoin`), and its file's description.
 */
const itemColumns = sql`r.id, r.slug, coalesce(t.title, r.title) as title, r.kind, r.stage, r.topics, r.audience,
  coalesce(t.summary, r.summary) as summary, r.url, r.status, r.updated_at, coalesce(t.lang, 'en') as lang,
  f.name as file_name, f.content_type as file_type, f.size as file_size`;

/** The reader's translation of each resource, if it has one (English is the original: none). */
const translationJoin = (lang: Locale) =>
  sql`left join resource_translations t on t.resource_id = r.id and t.lang = ${lang}`;

/**
 * The ranked page of a search, ids only: rank and count over the matching rows. Planned on each
 * call (how many rows the words match decides the plan), so it names as few tables as it can:
 * a search that finds nothing, as a misspelt one does, costs this plan and nothing more. A reader
 * of another language also finds resources by the words of their translation.
 */
export function rankedPageSql(query: ResourceQuery & { q: string }, lang: Locale): SQL {
  const offset = (query.page - 1) * query.pageSize;
  if (lang === "en") {
    return planEachCall(sql`with q as (select websearch_to_tsquery('english', ${query.q}) as query)
    select r.id, ts_rank(r.search, q.query)::float8 as rank, (count(*) over ())::int as total
    from resources r, q
    where r.search @@ q.query and ${libraryFilters(query)}
    order by rank desc, r.title
    limit ${query.pageSize} offset ${offset}`);
  }
  return planEachCall(sql`with q as (select websearch_to_tsquery('english', ${query.q}) as query,
      websearch_to_tsquery(${searchConfigs[lang]}::regconfig, ${query.q}) as tquery)
    select r.id, greatest(ts_rank(r.search, q.query), coalesce(ts_rank(t.search, q.tquery), 0))::float8 as rank,
      (count(*) over ())::int as total
    from resources r cross join q ${translationJoin(lang)}
    where (r.search @@ q.query or t.search @@ q.tquery) and ${libraryFilters(query)}
    order by rank desc, coalesce(t.title, r.title)
    limit ${query.pageSize} offset ${offset}`);
}

/**
 * The list items of a search's page, in the page's order, with the Markdown of each for its
 * passage (`headlinesSql`). Its shape never changes, so it stays prepared.
 */
export function pageItemsSql(ids: readonly string[], lang: Locale): SQL {
  return sql`select ${itemColumns}, coalesce(t.body, r.body) as body
    from unnest(${sql.param(ids)}::uuid[]) with ordinality as page(id, n)
    join resources r on r.id = page.id left join resource_files f on f.resource_id = r.id
    ${translationJoin(lang)}
    order by page.n`;
}

/**
 * The passages of a page of results, in order: the words of the search marked in each plain text
 * (the Markdown already taken out, so no `**`, `#` or link targets show), each in its language's
 * configuration. ts_headline re-parses each text: it is the expensive part, so it runs for the
 * page's rows only.
 */
export function headlinesSql(q: string, passages: readonly { text: string; lang: Locale }[]): SQL {
  return sql`select ts_headline(x.c::regconfig, x.t, websearch_to_tsquery(x.c::regconfig, ${q}), ${headlineOptions}) as highlight
    from unnest(${textArray(passages.map((p) => p.text))}, ${textArray(passages.map((p) => searchConfigs[p.lang]))})
      with ordinality as x(t, c, n) order by x.n`;
}

/** The page of the library when nothing is searched: by title, with the summary as passage. */
export function browseSql(query: ResourceQuery, lang: Locale): SQL {
  const offset = (query.page - 1) * query.pageSize;
  return sql`select 0::float8 as rank, (count(*) over ())::int as total, ${itemColumns}, null as body
    from resources r left join resource_files f on f.resource_id = r.id ${translationJoin(lang)}
    where ${libraryFilters(query)}
    order by coalesce(t.title, r.title) limit ${query.pageSize} offset ${offset}`;
}
