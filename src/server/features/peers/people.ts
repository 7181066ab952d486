import { and, eq, sql } from "drizzle-orm";
import type { ListingBody, PersonListing } from "../../../core/peers.js";
import type { OrganizationKind } from "../../../core/vocabulary.js";
import { directoryListings, users } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";

const PAGE = 200;

/** Only people who chose to be listed, never their e-mail addresses. */
export async function listPeople(
  deps: AppDeps,
  query: { q?: string; state?: string; topic?: string },
): Promise<{ items: PersonListing[]; total: number }> {
  const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = and(
    eq(directoryListings.listed, true),
    query.state ? eq(directoryListings.state, query.state) : undefined,
    query.topic
      ? sql`exists (select 1 from jsonb_array_elements_text(${directoryListings.topics}) t where t ilike ${like(query.topic)})`
      : undefined,
    query.q
      ? sql`(${users.name} ilike ${like(query.q)} or ${directoryListings.title} ilike ${like(query.q)}
             or ${directoryListings.topics}::text ilike ${like(query.q)})`
      : undefined,
  );
  const rows = await deps.db
    .select({ listing: directoryListings, name: users.name, total: sql<number>`count(*) over ()::int` })
    .from(directoryListings)
    .innerJoin(users, eq(users.id, directoryListings.userId))
    .where(where)
    .orderBy(users.name)
    .limit(PAGE);
  return {
    items: rows.map((r) => ({
      userId: r.listing.userId,
      name: r.name,
      title: r.listing.title,
      organizationKind: r.listing.organizationKind as OrganizationKind,
      state: r.listing.state,
      topics: r.listing.topics,
    })),
    total: rows[0]?.total ?? 0,
  };
}

export async function myListing(deps: AppDeps, actor: Actor) {
  const [row] = await deps.db
    .select()
    .from(directoryListings)
    .where(eq(directoryListings.userId, actor.userId));
  return {
    listed: row?.listed ?? false,
    title: row?.title ?? "",
    organizationKind: (row?.organizationKind ?? "other") as OrganizationKind,
    state: row?.state ?? "",
    topics: row?.topics ?? [],
  };
}

export async function saveListing(deps: AppDeps, actor: Actor, input: ListingBody) {
  const topics = [...new Set(input.topics)];
  const values = { ...input, topics, updatedAt: deps.now() };
  await deps.db
    .insert(directoryListings)
    .values({ userId: actor.userId, ...values })
    .onConflictDoUpdate({ target: directoryListings.userId, set: values });
  return myListing(deps, actor);
}
