import { and, eq, inArray, isNull } from "drizzle-orm";
import { visibleTo } from "../../../core/impact.js";
import {
  profileParts,
  type Profile,
  type ProfileDraftBody,
  type ProfilePublishBody,
} from "../../../core/profiles.js";
import type { Executor } from "../../../db/open.js";
import {
  benchmarkProfileRevisions,
  benchmarkProfiles,
  impactStories,
  trackedIndicators,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError, type FieldError, fieldsDetail } from "../../errors.js";
import { notInCatalog } from "../impact/validate.js";
import { renderMarkdown } from "../../lib/markdown.js";
import { impactAccess, requireManage, type ImpactAccess } from "../impact/access.js";
import { loadCatalog } from "../impact/indicators-service.js";
import { liveResults } from "./results.js";
import { partnershipSummaries } from "./summaries.js";
import { readTogether } from "../../../db/query.js";

const profileNotFound = () =>
  new AppError(
    "not_found",
    msg({ id: "server.profiles.notFound", defaultMessage: "The profile was not found." }),
  );
const chosenTwice = msg({ id: "server.profiles.field.chosenTwice", defaultMessage: "is chosen twice" });

export type ProfileRow = typeof benchmarkProfiles.$inferSelect;

/** Conveners of the partnership and community admins write its profile. */
const canEditProfile = (actor: Actor | null, access: ImpactAccess) =>
  !!actor && (access.canManage || actor.isAdmin);
/** Members (and editors) read the draft; everyone else only a published profile. */
const canSeeDraft = (actor: Actor | null, access: ImpactAccess) =>
  access.role !== null || canEditProfile(actor, access);

/** Whether a reader with this access may read the profile at all. */
export function mayRead(actor: Actor | null, access: ImpactAccess, row: ProfileRow | undefined): boolean {
  if (canSeeDraft(actor, access)) return true;
  return !!row && row.status === "published" && visibleTo(access.audience).includes(row.visibility);
}

/** The profile as a reader sees it: the parts rendered, the results read live for them. */
export async function profileView(
  db: Executor,
  actor: Actor | null,
  access: ImpactAccess,
  row: ProfileRow | undefined,
): Promise<Profile> {
  const p = access.partnership;
  const chosen = { indicators: row?.indicatorKeys ?? [], stories: row?.storyIds ?? [] };
  const [summaries, results] = await readTogether(db, [
    () => partnershipSummaries(db, [p]),
    () => liveResults(db, p.id, access.audience, chosen),
  ]);
  return {
    partnership: summaries.get(p.id)!,
    exists: !!row,
    status: row?.status ?? "draft",
    visibility: row?.visibility ?? "public",
    revision: row?.revision ?? 0,
    publishedAt: row?.publishedAt?.toISOString() ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    parts: profileParts.map((key) => ({
      key,
      text: row?.[key] ?? "",
      html: renderMarkdown(row?.[key] ?? ""),
    })),
    results,
    chosen: canSeeDraft(actor, access) ? chosen : null,
    canEdit: canEditProfile(actor, access),
  };
}

async function profileRow(
  db: Executor,
  partnershipId: string,
  lock = false,
): Promise<ProfileRow | undefined> {
  const query = db.select().from(benchmarkProfiles).where(eq(benchmarkProfiles.partnershipId, partnershipId));
  const [row] = await (lock ? query.for("update") : query);
  return row;
}

/** One partnership's profile, as the caller may see it; 404 when they may not. */
export async function readProfile(deps: AppDeps, actor: Actor | null, idOrSlug: string): Promise<Profile> {
  const access = await impactAccess(deps.db, idOrSlug, actor);
  const row = await profileRow(deps.db, access.partnership.id);
  if (!mayRead(actor, access, row) || (!row && !canSeeDraft(actor, access))) throw profileNotFound();
  return profileView(deps.db, actor, access, row);
}

/**
 * A profile features only its own partnership's work: indicators it tracks (catalog or its
 * own) and its own stories that are not deleted.
 */
async function checkChoices(tx: Executor, partnershipId: string, body: ProfileDraftBody) {
  const errors: FieldError[] = [];
  if (body.indicators.length) {
    const catalog = await loadCatalog(tx, partnershipId);
    const tracked = new Set(
      (
        await tx
          .select({ key: trackedIndicators.indicatorKey })
          .from(trackedIndicators)
          .where(eq(trackedIndicators.partnershipId, partnershipId))
      ).map((r) => r.key),
    );
    body.indicators.forEach((key, index) => {
      const field = `indicators.${index}`;
      if (body.indicators.indexOf(key) !== index) {
        errors.push({
          field,
          message: msg(
            { id: "server.profiles.field.keyChosenTwice", defaultMessage: '"{key}" is chosen twice' },
            { key },
          ),
        });
      } else if (!catalog.has(key)) errors.push({ field, message: notInCatalog(key) });
      else if (!tracked.has(key)) {
        errors.push({
          field,
          message: msg(
            {
              id: "server.profiles.field.notTracked",
              defaultMessage: '"{key}" is not an indicator this partnership tracks',
            },
            { key },
          ),
        });
      }
    });
  }
  if (body.stories.length) {
    const own = new Set(
      (
        await tx
          .select({ id: impactStories.id })
          .from(impactStories)
          .where(
            and(
              eq(impactStories.partnershipId, partnershipId),
              inArray(impactStories.id, body.stories),
              isNull(impactStories.deletedAt),
            ),
          )
      ).map((r) => r.id),
    );
    body.stories.forEach((id, index) => {
      const field = `stories.${index}`;
      if (body.stories.indexOf(id) !== index) errors.push({ field, message: chosenTwice });
      else if (!own.has(id)) {
        errors.push({
          field,
          message: msg({
            id: "server.profiles.field.notOwnStory",
            defaultMessage: "is not an impact story of this partnership",
          }),
        });
      }
    });
  }
  if (errors.length > 0) {
    throw new AppError("bad_request", fieldsDetail(errors), { errors });
  }
}

/** Keeps what the row said before a change, and checks the writer read the current revision. */
async function beforeChange(
  tx: Executor,
  deps: AppDeps,
  actor: Actor,
  access: ImpactAccess,
  row: ProfileRow | undefined,
  revision: number,
): Promise<void> {
  if ((row?.revision ?? 0) !== revision) {
    throw new AppError(
      "conflict",
      msg({
        id: "server.profiles.changedFirst",
        defaultMessage: "Someone else changed this profile first; review their changes.",
      }),
      { current: await profileView(tx, actor, access, row) },
    );
  }
  if (!row) return;
  const {
    partnershipId: _id,
    revision: _revision,
    updatedBy,
    updatedAt,
    createdAt: _created,
    ...content
  } = row;
  await tx.insert(benchmarkProfileRevisions).values({
    partnershipId: row.partnershipId,
    revision: row.revision,
    content: { ...content, publishedAt: content.publishedAt?.toISOString() ?? null },
    editedBy: updatedBy,
    editedAt: updatedAt,
    replacedAt: deps.now(),
  });
}

/** Writes the whole draft; a stale revision answers 409 with the current profile. */
export async function saveProfile(
  deps: AppDeps,
  actor: Actor | null,
  idOrSlug: string,
  body: ProfileDraftBody,
): Promise<Profile> {
  return deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, idOrSlug, actor);
    const writer = requireManage(actor, access);
    const id = access.partnership.id;
    const row = await profileRow(tx, id, true);
    await beforeChange(tx, deps, writer, access, row, body.revision);
    await checkChoices(tx, id, body);
    const { revision: _revision, indicators, stories, ...parts } = body;
    const values = {
      ...parts,
      indicatorKeys: indicators,
      storyIds: stories,
      revision: body.revision + 1,
      updatedBy: writer.userId,
      updatedAt: deps.now(),
    };
    let saved: ProfileRow | undefined;
    if (row) {
      [saved] = await tx
        .update(benchmarkProfiles)
        .set(values)
        .where(eq(benchmarkProfiles.partnershipId, id))
        .returning();
    } else {
      // Two first saves at once: the second finds the row the first made and is told so.
      [saved] = await tx
        .insert(benchmarkProfiles)
        .values({ partnershipId: id, createdAt: deps.now(), ...values })
        .onConflictDoNothing()
        .returning();
      if (!saved) {
        throw new AppError(
          "conflict",
          msg({
            id: "server.profiles.startedFirst",
            defaultMessage: "Someone else started this profile first; review their changes.",
          }),
          { current: await profileView(tx, writer, access, await profileRow(tx, id)) },
        );
      }
    }
    return profileView(tx, writer, access, saved);
  });
}

async function changeStatus(
  deps: AppDeps,
  actor: Actor | null,
  idOrSlug: string,
  revision: number,
  change: Partial<ProfileRow>,
): Promise<Profile> {
  return deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, idOrSlug, actor);
    const writer = requireManage(actor, access);
    const id = access.partnership.id;
    const row = await profileRow(tx, id, true);
    if (!row) throw profileNotFound();
    await beforeChange(tx, deps, writer, access, row, revision);
    // A published profile tells its story: one with every part empty would be a blank page.
    if (change.status === "published" && profileParts.every((part) => !row[part].trim())) {
      throw fieldError(
        profileParts[0],
        msg({
          id: "server.profiles.field.allPartsEmpty",
          defaultMessage: "is empty, like every part: write at least one part before publishing",
        }),
      );
    }
    const [saved] = await tx
      .update(benchmarkProfiles)
      .set({ ...change, revision: row.revision + 1, updatedBy: writer.userId, updatedAt: deps.now() })
      .where(eq(benchmarkProfiles.partnershipId, id))
      .returning();
    return profileView(tx, writer, access, saved);
  });
}

/** Publishes the profile to the readers its visibility names. */
export function publishProfile(
  deps: AppDeps,
  actor: Actor | null,
  idOrSlug: string,
  body: ProfilePublishBody,
) {
  return changeStatus(deps, actor, idOrSlug, body.revision, {
    status: "published",
    visibility: body.visibility,
    publishedAt: deps.now(),
  });
}

/** Back to a draft: only the partnership's members and editors see it again. */
export function unpublishProfile(deps: AppDeps, actor: Actor | null, idOrSlug: string, revision: number) {
  return changeStatus(deps, actor, idOrSlug, revision, { status: "draft", publishedAt: null });
}
