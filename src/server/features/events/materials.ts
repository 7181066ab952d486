import { msg } from "../../../core/i18n/msg.js";
import { and, asc, eq, notExists, sql } from "drizzle-orm";
import {
  eventLimits,
  type EventCreate,
  type EventMaterial,
  type FileMaterial,
} from "../../../core/events.js";
import type { Executor } from "../../../db/open.js";
import { eventMaterialFiles, eventMaterials } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, fieldError, notFound } from "../../errors.js";
import type { CheckedFile } from "../../lib/uploads.js";
import { findEvent } from "./lookup.js";
import { authorizeManage } from "./policy.js";

/** Where a file material is downloaded from (the event's id, so a new slug does not break it). */
export const materialFileUrl = (eventId: string, materialId: string) =>
  `/api/events/${eventId}/materials/${materialId}/file`;

/** The event's materials, oldest first: links as typed, files with their name, type and size. */
export async function listMaterials(tx: Executor, eventId: string): Promise<EventMaterial[]> {
  const rows = await tx
    .select({
      id: eventMaterials.id,
      title: eventMaterials.title,
      url: eventMaterials.url,
      fileName: eventMaterialFiles.name,
      contentType: eventMaterialFiles.contentType,
      size: eventMaterialFiles.size,
    })
    .from(eventMaterials)
    .leftJoin(eventMaterialFiles, eq(eventMaterialFiles.materialId, eventMaterials.id))
    .where(eq(eventMaterials.eventId, eventId))
    .orderBy(asc(eventMaterials.createdAt), asc(eventMaterials.title));
  return rows.map((r) =>
    r.fileName !== null && r.contentType !== null && r.size !== null
      ? {
          id: r.id,
          kind: "file",
          title: r.title,
          url: materialFileUrl(eventId, r.id),
          fileName: r.fileName,
          contentType: r.contentType,
          size: r.size,
        }
      : { id: r.id, kind: "link", title: r.title, url: r.url },
  );
}

/**
 * An event's edit carries its links only: they replace the links it had, and the files uploaded
 * on their own stay.
 */
export async function replaceLinkMaterials(
  tx: Executor,
  eventId: string,
  list: EventCreate["materials"],
): Promise<void> {
  if (list === undefined) return;
  await tx.delete(eventMaterials).where(
    and(
      eq(eventMaterials.eventId, eventId),
      notExists(
        tx
          .select({ one: sql`1` })
          .from(eventMaterialFiles)
          .where(eq(eventMaterialFiles.materialId, eventMaterials.id)),
      ),
    ),
  );
  if (!list.length) return;
  const [kept] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(eventMaterials)
    .where(eq(eventMaterials.eventId, eventId));
  const files = kept?.n ?? 0;
  if (files + list.length > eventLimits.materials) {
    throw fieldError(
      "materials",
      msg(
        {
          id: "server.events.tooManyMaterials",
          defaultMessage:
            "An event keeps at most {max} materials and this one has {files, plural, one {# file} other {# files}}: keep at most {links} links, or remove a file first.",
        },
        { max: eventLimits.materials, files, links: Math.max(0, eventLimits.materials - files) },
      ),
    );
  }
  await tx.insert(eventMaterials).values(list.map((m) => ({ ...m, eventId })));
}

/** Keeps a file (already checked) as a material of the event: community admins. */
export async function addMaterialFile(
  deps: AppDeps,
  actor: Actor,
  idOrSlug: string,
  title: string,
  file: CheckedFile,
): Promise<FileMaterial> {
  authorizeManage(actor);
  return deps.db.transaction(async (tx) => {
    // The lock orders concurrent uploads, so the count below holds.
    const event = await findEvent(tx, idOrSlug, true);
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(eventMaterials)
      .where(eq(eventMaterials.eventId, event.id));
    if (n >= eventLimits.materials)
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.events.anEventKeepsAtMost",
            defaultMessage: "An event keeps at most {materials} materials; remove one before adding another.",
          },
          { materials: String(eventLimits.materials) },
        ),
      );
    const now = deps.now();
    // A file material has no link of its own: its url is the download route, computed when read.
    const [material] = await tx
      .insert(eventMaterials)
      .values({ eventId: event.id, title, url: "", createdAt: now })
      .returning({ id: eventMaterials.id });
    if (!material) throw new Error("insert returned no row");
    // On disk and synced before the row that names it commits.
    await file.file.keep();
    await tx.insert(eventMaterialFiles).values({
      materialId: material.id,
      name: file.name,
      contentType: file.contentType,
      size: file.size,
      sha256: file.file.sha256,
      bytes: file.file.bytes,
      uploadedBy: actor.userId,
      createdAt: now,
    });
    return {
      id: material.id,
      kind: "file" as const,
      title,
      url: materialFileUrl(event.id, material.id),
      fileName: file.name,
      contentType: file.contentType,
      size: file.size,
    };
  });
}

/** A file material's bytes, for anyone who may see the event (events are public). */
export async function readMaterialFile(deps: AppDeps, idOrSlug: string, materialId: string) {
  const event = await findEvent(deps.db, idOrSlug);
  const [file] = await deps.db
    .select({
      name: eventMaterialFiles.name,
      contentType: eventMaterialFiles.contentType,
      size: eventMaterialFiles.size,
      sha256: eventMaterialFiles.sha256,
      bytes: eventMaterialFiles.bytes,
    })
    .from(eventMaterialFiles)
    .innerJoin(eventMaterials, eq(eventMaterials.id, eventMaterialFiles.materialId))
    .where(and(eq(eventMaterials.id, materialId), eq(eventMaterials.eventId, event.id)));
  if (!file)
    throw notFound(
      msg({ id: "server.events.theMaterialSFileNot", defaultMessage: "The material's file was not found." }),
    );
  return file;
}

/** Removes a material, link or file (its bytes go with it): community admins. */
export async function deleteMaterial(
  deps: AppDeps,
  actor: Actor,
  idOrSlug: string,
  materialId: string,
): Promise<void> {
  authorizeManage(actor);
  await deps.db.transaction(async (tx) => {
    const event = await findEvent(tx, idOrSlug, true);
    const removed = await tx
      .delete(eventMaterials)
      .where(and(eq(eventMaterials.id, materialId), eq(eventMaterials.eventId, event.id)))
      .returning({ id: eventMaterials.id });
    if (removed.length === 0)
      throw notFound(
        msg({ id: "server.events.theMaterialNotFound", defaultMessage: "The material was not found." }),
      );
  });
}
