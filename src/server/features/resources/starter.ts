import { inArray } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { resources } from "../../../db/schema/index.js";
import { starterLibrary } from "./starter-library.js";
import { searchVector } from "./search.js";

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
  if (missing.length === 0) return;
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
