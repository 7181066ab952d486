/**
 * Industry shortlists. The owner changes everything; teammates read and edit notes; anyone
 * else gets 404, as if the shortlist did not exist. Each write is one transaction; the
 * shortlist's own fields and each item's note carry a version, and a stale write answers 409
 * with the current record.
 */
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { partnershipCodeFor } from "../../../core/qcew/ranking.js";
import type {
  ShortlistCreate,
  ShortlistDetail,
  ShortlistItemInput,
  ShortlistPatch,
  ShortlistSummary,
} from "../../../core/qcew/shortlist.js";
import { SHORTLIST_LIMITS } from "../../../core/qcew/shortlist.js";
import type { Executor } from "../../../db/open.js";
import {
  industryShortlistItems,
  industryShortlistMembers,
  industryShortlists,
  users,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError, forbidden } from "../../errors.js";
import { knownNaicsCodes } from "./ranking.js";
import { readTogether } from "../../../db/query.js";

type ShortlistRow = typeof industryShortlists.$inferSelect;
type Role = "owner" | "teammate";

const shortlistNotFound = () =>
  new AppError(
    "not_found",
    msg({ id: "server.shortlists.notFound", defaultMessage: "The shortlist was not found." }),
  );
const industryNotFound = () =>
  new AppError(
    "not_found",
    msg({
      id: "server.shortlists.industryNotFound",
      defaultMessage: "The shortlist's industry was not found.",
    }),
  );

/** What only the owner does, in the refusal of a teammate who tries. */
type OwnerWrite =
  "rename" | "delete" | "addIndustries" | "removeIndustries" | "addTeammates" | "removeTeammates";

/** The shortlist and the caller's role on it; 404 when the caller is neither owner nor teammate. */
async function shortlistFor(
  db: Executor,
  actor: Actor,
  id: string,
): Promise<{ row: ShortlistRow; role: Role }> {
  const [row] = await db.select().from(industryShortlists).where(eq(industryShortlists.id, id));
  if (!row) throw shortlistNotFound();
  if (row.ownerId === actor.userId) return { row, role: "owner" };
  const [member] = await db
    .select({ userId: industryShortlistMembers.userId })
    .from(industryShortlistMembers)
    .where(
      and(eq(industryShortlistMembers.shortlistId, id), eq(industryShortlistMembers.userId, actor.userId)),
    );
  if (!member) throw shortlistNotFound();
  return { row, role: "teammate" };
}

function ownerOnly(role: Role, what: OwnerWrite) {
  if (role !== "owner") {
    throw forbidden(
      msg(
        {
          id: "server.shortlists.ownerOnly",
          defaultMessage:
            "Only the shortlist's owner may {what, select, rename {rename the shortlist} delete {delete the shortlist} " +
            "addIndustries {add industries} removeIndustries {remove industries} addTeammates {add teammates} " +
            "removeTeammates {remove other teammates} other {do this}}; teammates edit the notes.",
        },
        { what },
      ),
    );
  }
}

const personOf = (u: { id: string; name: string; email: string; deletedAt: Date | null }) => ({
  userId: u.id,
  name: u.name,
  email: u.deletedAt ? null : u.email,
});

async function detailOf(db: Executor, row: ShortlistRow, role: Role): Promise<ShortlistDetail> {
  const [items, teammates, [owner]] = await readTogether(db, [
    () =>
      db
        .select()
        .from(industryShortlistItems)
        .where(eq(industryShortlistItems.shortlistId, row.id))
        .orderBy(asc(industryShortlistItems.createdAt), asc(industryShortlistItems.code)),
    () =>
      db
        .select({ id: users.id, name: users.name, email: users.email, deletedAt: users.deletedAt })
        .from(industryShortlistMembers)
        .innerJoin(users, eq(users.id, industryShortlistMembers.userId))
        .where(eq(industryShortlistMembers.shortlistId, row.id))
        .orderBy(asc(users.name)),
    () =>
      db
        .select({ id: users.id, name: users.name, email: users.email, deletedAt: users.deletedAt })
        .from(users)
        .where(eq(users.id, row.ownerId)),
  ]);
  const known = await knownNaicsCodes(
    db,
    items.map((i) => i.code),
  );
  return {
    id: row.id,
    name: row.name,
    regionName: row.regionName,
    counties: row.counties,
    cbsa: row.cbsaCode,
    level: row.naicsLevel as ShortlistDetail["level"],
    year: row.year,
    ownership: row.ownership as ShortlistDetail["ownership"],
    owner: personOf(owner),
    role,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    items: items.map((i) => ({
      id: i.id,
      code: i.code,
      title: i.title,
      note: i.note,
      version: i.version,
      partnership: partnershipCodeFor(i.code, known),
      updatedAt: i.updatedAt.toISOString(),
    })),
    teammates: teammates.map(personOf),
  };
}

/** The shortlists the caller owns or was added to, newest change first. */
export async function listShortlists(deps: AppDeps, actor: Actor): Promise<{ items: ShortlistSummary[] }> {
  const rows = await deps.db
    .select({
      row: industryShortlists,
      ownerName: users.name,
      ownerEmail: users.email,
      ownerDeleted: users.deletedAt,
      items: sql<number>`(select count(*)::int from industry_shortlist_items i where i.shortlist_id = ${industryShortlists.id})`,
    })
    .from(industryShortlists)
    .innerJoin(users, eq(users.id, industryShortlists.ownerId))
    .where(
      or(
        eq(industryShortlists.ownerId, actor.userId),
        inArray(
          industryShortlists.id,
          deps.db
            .select({ id: industryShortlistMembers.shortlistId })
            .from(industryShortlistMembers)
            .where(eq(industryShortlistMembers.userId, actor.userId)),
        ),
      ),
    )
    .orderBy(sql`${industryShortlists.updatedAt} desc`, asc(industryShortlists.name));
  return {
    items: rows.map(({ row, ownerName, ownerEmail, ownerDeleted, items }) => ({
      id: row.id,
      name: row.name,
      regionName: row.regionName,
      counties: row.counties,
      cbsa: row.cbsaCode,
      level: row.naicsLevel as ShortlistSummary["level"],
      year: row.year,
      ownership: row.ownership as ShortlistSummary["ownership"],
      owner: personOf({ id: row.ownerId, name: ownerName, email: ownerEmail, deletedAt: ownerDeleted }),
      role: row.ownerId === actor.userId ? "owner" : "teammate",
      items,
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
    })),
  };
}

export async function createShortlist(
  deps: AppDeps,
  actor: Actor,
  input: ShortlistCreate,
): Promise<ShortlistDetail> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(industryShortlists)
      .values({
        ownerId: actor.userId,
        name: input.name,
        regionName: input.regionName,
        counties: [...new Set(input.counties)].sort(),
        cbsaCode: input.cbsa,
        naicsLevel: input.level,
        year: input.year,
        ownership: input.ownership,
      })
      .returning();
    if (input.items.length)
      await tx.insert(industryShortlistItems).values(input.items.map((i) => ({ shortlistId: row.id, ...i })));
    return detailOf(tx, row, "owner");
  });
}

export async function getShortlist(deps: AppDeps, actor: Actor, id: string): Promise<ShortlistDetail> {
  const { row, role } = await shortlistFor(deps.db, actor, id);
  return detailOf(deps.db, row, role);
}

/** Marks the shortlist changed (its list order) and answers its row as it is now. */
async function touch(tx: Executor, id: string): Promise<ShortlistRow> {
  const [row] = await tx
    .update(industryShortlists)
    .set({ updatedAt: sql`now()` })
    .where(eq(industryShortlists.id, id))
    .returning();
  return row;
}

export async function updateShortlist(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: ShortlistPatch,
): Promise<ShortlistDetail> {
  return deps.db.transaction(async (tx) => {
    const { row, role } = await shortlistFor(tx, actor, id);
    ownerOnly(role, "rename");
    const { version, ...fields } = patch;
    const [updated] = await tx
      .update(industryShortlists)
      .set({ ...fields, version: sql`${industryShortlists.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(industryShortlists.id, id), eq(industryShortlists.version, version)))
      .returning();
    if (!updated) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.shortlists.changed",
            defaultMessage:
              "The shortlist was changed by someone else (you saw version {yours}, it is now {now}). Reload it.",
          },
          { yours: String(version), now: String(row.version) },
        ),
        { current: await detailOf(tx, row, role) },
      );
    }
    return detailOf(tx, updated, role);
  });
}

export async function deleteShortlist(deps: AppDeps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { role } = await shortlistFor(tx, actor, id);
    ownerOnly(role, "delete");
    await tx.delete(industryShortlists).where(eq(industryShortlists.id, id));
  });
}

export async function addShortlistItem(
  deps: AppDeps,
  actor: Actor,
  id: string,
  item: ShortlistItemInput,
): Promise<ShortlistDetail> {
  return deps.db.transaction(async (tx) => {
    const { role } = await shortlistFor(tx, actor, id);
    ownerOnly(role, "addIndustries");
    // Lock the shortlist row so two additions cannot both pass the limit or the duplicate check.
    await tx.execute(sql`select 1 from industry_shortlists where id = ${id} for update`);
    const present = await tx
      .select({ code: industryShortlistItems.code })
      .from(industryShortlistItems)
      .where(eq(industryShortlistItems.shortlistId, id));
    if (present.some((p) => p.code === item.code)) {
      throw fieldError(
        "code",
        msg(
          {
            id: "server.shortlists.field.alreadyListed",
            defaultMessage: "{code} is already on the shortlist",
          },
          { code: item.code },
        ),
      );
    }
    if (present.length >= SHORTLIST_LIMITS.items) {
      throw fieldError(
        "code",
        msg(
          {
            id: "server.shortlists.field.tooManyItems",
            defaultMessage: "a shortlist holds at most {max} industries",
          },
          { max: SHORTLIST_LIMITS.items },
        ),
      );
    }
    await tx.insert(industryShortlistItems).values({ shortlistId: id, ...item });
    return detailOf(tx, await touch(tx, id), role);
  });
}

export async function updateShortlistItem(
  deps: AppDeps,
  actor: Actor,
  id: string,
  itemId: string,
  patch: { version: number; note: string },
): Promise<ShortlistDetail> {
  return deps.db.transaction(async (tx) => {
    const { row, role } = await shortlistFor(tx, actor, id);
    const [item] = await tx
      .select()
      .from(industryShortlistItems)
      .where(and(eq(industryShortlistItems.id, itemId), eq(industryShortlistItems.shortlistId, id)));
    if (!item) throw industryNotFound();
    const updated = await tx
      .update(industryShortlistItems)
      .set({ note: patch.note, version: sql`${industryShortlistItems.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(industryShortlistItems.id, itemId), eq(industryShortlistItems.version, patch.version)))
      .returning({ id: industryShortlistItems.id });
    if (updated.length === 0) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.shortlists.noteChanged",
            defaultMessage:
              "The note on {industry} was changed by someone else (you saw version {yours}, it is now {now}). Read it and edit again.",
          },
          { industry: item.title, yours: String(patch.version), now: String(item.version) },
        ),
        { current: await detailOf(tx, row, role) },
      );
    }
    return detailOf(tx, await touch(tx, id), role);
  });
}

export async function removeShortlistItem(deps: AppDeps, actor: Actor, id: string, itemId: string) {
  return deps.db.transaction(async (tx) => {
    const { role } = await shortlistFor(tx, actor, id);
    ownerOnly(role, "removeIndustries");
    const removed = await tx
      .delete(industryShortlistItems)
      .where(and(eq(industryShortlistItems.id, itemId), eq(industryShortlistItems.shortlistId, id)))
      .returning({ id: industryShortlistItems.id });
    if (removed.length === 0) throw industryNotFound();
    return detailOf(tx, await touch(tx, id), role);
  });
}

export async function addTeammate(
  deps: AppDeps,
  actor: Actor,
  id: string,
  email: string,
): Promise<ShortlistDetail> {
  return deps.db.transaction(async (tx) => {
    const { row, role } = await shortlistFor(tx, actor, id);
    ownerOnly(role, "addTeammates");
    const [person] = await tx
      .select({ id: users.id, deletedAt: users.deletedAt })
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email.trim()})`);
    if (!person || person.deletedAt) {
      throw fieldError(
        "email",
        msg({
          id: "server.shortlists.field.noAccount",
          defaultMessage: "no account uses this address: ask them to sign up first",
        }),
      );
    }
    if (person.id === row.ownerId) {
      throw fieldError(
        "email",
        msg({ id: "server.shortlists.field.isOwner", defaultMessage: "this is the shortlist's owner" }),
      );
    }
    const count = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(industryShortlistMembers)
      .where(eq(industryShortlistMembers.shortlistId, id));
    if ((count[0]?.n ?? 0) >= SHORTLIST_LIMITS.members) {
      throw fieldError(
        "email",
        msg(
          {
            id: "server.shortlists.field.tooManyTeammates",
            defaultMessage: "a shortlist has at most {max} teammates",
          },
          { max: SHORTLIST_LIMITS.members },
        ),
      );
    }
    await tx
      .insert(industryShortlistMembers)
      .values({ shortlistId: id, userId: person.id })
      .onConflictDoNothing();
    return detailOf(tx, await touch(tx, id), role);
  });
}

/** The owner removes a teammate, or a teammate leaves. */
export async function removeTeammate(
  deps: AppDeps,
  actor: Actor,
  id: string,
  userId: string,
): Promise<ShortlistDetail | null> {
  return deps.db.transaction(async (tx) => {
    const { role } = await shortlistFor(tx, actor, id);
    if (role !== "owner" && userId !== actor.userId) ownerOnly(role, "removeTeammates");
    const removed = await tx
      .delete(industryShortlistMembers)
      .where(and(eq(industryShortlistMembers.shortlistId, id), eq(industryShortlistMembers.userId, userId)))
      .returning({ userId: industryShortlistMembers.userId });
    if (removed.length === 0) {
      throw new AppError(
        "not_found",
        msg({ id: "server.shortlists.teammateNotFound", defaultMessage: "The teammate was not found." }),
      );
    }
    const now = await touch(tx, id);
    return role === "owner" ? detailOf(tx, now, role) : null;
  });
}
