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
    .replace(/^-+|-+$/g, "");
  return shorten(base, 60) || "partnership";
}

/** Cuts at a word boundary so a long name does not end in half a word ("...-partnership-d"). */
function shorten(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, max)).replace(/-+$/, "");
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
