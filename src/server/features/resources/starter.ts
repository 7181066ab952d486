import type { Executor } from "../../../db/open.js";
import { resources } from "../../../db/schema/index.js";
import { starterLibrary } from "./starter-library.js";
import { searchVector } from "./search.js";

/**
 * The starter library, published on every start like the indicator catalog. Idempotent: a slug
 * already present (perhaps edited or taken down by an admin) is left as it is.
 */
export async function ensureStarterResources(db: Executor): Promise<void> {
  await db
    .insert(resources)
    .values(
      starterLibrary.map((r) => ({
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
