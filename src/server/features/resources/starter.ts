import { inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { resources, resourceTranslations } from "../../../db/schema/index.js";
import { starterLibrary } from "./starter-library.js";
import { starterLibraryEs } from "./starter-library.es.js";
import { searchVector, translationVector } from "./search.js";

/**
 * The starter library, published on every start like the indicator catalog. Idempotent: a slug
 * already present (perhaps edited or taken down by an admin) is left as it is. Only the missing
 * ones are written: indexing every body for search on each start cost about 150 ms.
 */
export async function ensureStarterResources(db: Executor): Promise<void> {
  const present = await db
    .select({ slug: resources.slug })
    .from(resources)
    .where(
      inArray(
        resources.slug,
        starterLibrary.map((r) => r.slug),
      ),
    );
  const have = new Set(present.map((r) => r.slug));
  const missing = starterLibrary.filter((r) => !have.has(r.slug));
  if (missing.length > 0) await insertStarters(db, missing);
  await ensureStarterTranslations(db);
}

async function insertStarters(db: Executor, missing: typeof starterLibrary) {
  await db
    .insert(resources)
    .values(
      missing.map((r) => ({
        slug: r.slug,
        title: r.title,
        kind: r.kind,
        stage: r.stage,
        topics: [...r.topics],
        audience: [...r.audience],
        summary: r.summary,
        body: r.body,
        url: r.url ?? null,
        status: "published" as const,
        search: searchVector(r),
      })),
    )
    .onConflictDoNothing({ target: resources.slug });
}

/**
 * The starter library's Spanish, for each starter resource still as shipped (its English title and
 * body unchanged) that has none: an admin's own edit of the English is not given a translation of
 * text it no longer says. One statement when there is nothing to add.
 */
async function ensureStarterTranslations(db: Executor): Promise<void> {
  const untranslated = await queryRows<{ id: string; slug: string }>(
    db,
    sql`select r.id, r.slug from resources r
        join unnest(${sql.param(starterLibrary.map((r) => r.slug))}::text[], ${sql.param(
          starterLibrary.map((r) => r.title),
        )}::text[], ${sql.param(starterLibrary.map((r) => r.body))}::text[]) as s(slug, title, body)
          on s.slug = r.slug and s.title = r.title and s.body = r.body
        where not exists (select 1 from resource_translations t where t.resource_id = r.id and t.lang = 'es')`,
  );
  const rows = untranslated.flatMap(({ id, slug }) => {
    const es = starterLibraryEs[slug];
    return es ? [{ resourceId: id, lang: "es", ...es, search: translationVector("es", es) }] : [];
  });
  if (rows.length === 0) return;
  await db.insert(resourceTranslations).values(rows).onConflictDoNothing();
}
