import { like } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { partnerships } from "../../../db/schema/index.js";
import { likeEscape } from "../../lib/sql.js";

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return base || "partnership";
}

/** A readable slug for public pages, with -2, -3 ... when the name is taken. */
export async function uniqueSlug(db: Executor, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (
      await db
        .select({ slug: partnerships.slug })
        .from(partnerships)
        .where(like(partnerships.slug, `${likeEscape(base)}%`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
