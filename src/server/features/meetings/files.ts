import { msg } from "../../../core/i18n/msg.js";
import { and, asc, eq, sql } from "drizzle-orm";
import {
  fileQuotaRefusal,
  meetingLimits,
  PARTNERSHIP_FILE_QUOTA_BYTES,
  type FileStorage,
  type MeetingFile,
} from "../../../core/meetings.js";
import type { Executor } from "../../../db/open.js";
import { meetingFiles, partnerships, people } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import type { CheckedFile } from "../../lib/uploads.js";
import { recordActivity } from "../activity/record.js";
import { authorizeMeeting, authorizeMeetings } from "./policy.js";
import { findMeeting } from "./lookup.js";

/** Where a meeting file is downloaded from: members only, like the meeting itself. */
export const meetingFileUrl = (meetingId: string, fileId: string) =>
  `/api/meetings/${meetingId}/files/${fileId}`;

const tooMany = `A meeting keeps at most ${meetingLimits.filesPerMeeting} files; remove one before adding another.`;

/** The meeting's files, oldest first, with who uploaded each. */
export async function listMeetingFiles(tx: Executor, meetingId: string): Promise<MeetingFile[]> {
  const rows = await tx
    .select({
      id: meetingFiles.id,
      title: meetingFiles.title,
      fileName: meetingFiles.name,
      contentType: meetingFiles.contentType,
      size: meetingFiles.size,
      createdAt: meetingFiles.createdAt,
      uploadedBy: people.name,
    })
    .from(meetingFiles)
    .leftJoin(people, eq(people.id, meetingFiles.uploadedBy))
    .where(eq(meetingFiles.meetingId, meetingId))
    .orderBy(asc(meetingFiles.createdAt), asc(meetingFiles.title));
  return rows.map(({ createdAt, ...r }) => ({
    ...r,
    url: meetingFileUrl(meetingId, r.id),
    uploadedAt: createdAt.toISOString(),
  }));
}

/** What the files of all the partnership's meetings take, against its quota. */
export async function fileStorage(tx: Executor, partnershipId: string): Promise<FileStorage> {
  const [row] = await tx
    .select({ used: sql<number>`coalesce(sum(${meetingFiles.size}), 0)::float8` })
    .from(meetingFiles)
    .where(eq(meetingFiles.partnershipId, partnershipId));
  return { usedBytes: Number(row?.used ?? 0), limitBytes: PARTNERSHIP_FILE_QUOTA_BYTES };
}

const filesOfMeeting = async (tx: Executor, meetingId: string) =>
  (
    await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(meetingFiles)
      .where(eq(meetingFiles.meetingId, meetingId))
  )[0]?.n ?? 0;

/** Refuses a file that would pass the meeting's count or the partnership's storage quota. */
async function checkRoom(tx: Executor, meeting: { id: string; partnershipId: string }, size: number) {
  if ((await filesOfMeeting(tx, meeting.id)) >= meetingLimits.filesPerMeeting)
    throw new AppError("conflict", tooMany);
  const { usedBytes, limitBytes } = await fileStorage(tx, meeting.partnershipId);
  if (usedBytes + size > limitBytes) throw new AppError("too_large", fileQuotaRefusal(usedBytes, size));
}

/**
 * Before the body is read: the meeting exists, the caller may write it, and (when the request
 * says how large the file is) it would fit. Spares reading up to 20 MB only to refuse it; the
 * upload's own transaction checks again.
 */
export async function checkMeetingUpload(
  deps: AppDeps,
  actor: Actor,
  meetingId: string,
  declaredBytes: number | null,
): Promise<void> {
  const meeting = await findMeeting(deps.db, meetingId);
  await authorizeMeetings(deps.db, meeting.partnershipId, actor, "write");
  if (declaredBytes !== null) await checkRoom(deps.db, meeting, declaredBytes);
}

/** Keeps a file (already checked) with the meeting: conveners, within the count and the quota. */
export async function addMeetingFile(
  deps: AppDeps,
  actor: Actor,
  meetingId: string,
  title: string,
  file: CheckedFile,
): Promise<MeetingFile> {
  return deps.db.transaction(async (tx) => {
    const meeting = await findMeeting(tx, meetingId);
    await authorizeMeetings(tx, meeting.partnershipId, actor, "write");
    // Concurrent uploads to any meeting of the partnership wait here, so the sum below holds.
    await tx
      .select({ id: partnerships.id })
      .from(partnerships)
      .where(eq(partnerships.id, meeting.partnershipId))
      .for("update");
    await checkRoom(tx, meeting, file.size);
    // On disk and synced before the row that names it commits.
    await file.file.keep();
    const [row] = await tx
      .insert(meetingFiles)
      .values({
        meetingId: meeting.id,
        partnershipId: meeting.partnershipId,
        title,
        name: file.name,
        contentType: file.contentType,
        size: file.size,
        sha256: file.file.sha256,
        bytes: file.file.bytes,
        uploadedBy: actor.personId,
        createdAt: deps.now(),
      })
      .returning({ id: meetingFiles.id, createdAt: meetingFiles.createdAt });
    if (!row) throw new Error("insert returned no row");
    await recordActivity(tx, {
      partnershipId: meeting.partnershipId,
      kind: "meeting.file_added",
      summary: msg(
        { id: "activity.fileAdded", defaultMessage: "File added to {meeting}: {title}" },
        { meeting: meeting.title, title },
      ),
      subjectType: "meeting",
      subjectId: meeting.id,
      actorPersonId: actor.personId,
    });
    const [uploader] = await tx
      .select({ name: people.name })
      .from(people)
      .where(eq(people.id, actor.personId));
    return {
      id: row.id,
      title,
      fileName: file.name,
      contentType: file.contentType,
      size: file.size,
      url: meetingFileUrl(meeting.id, row.id),
      uploadedAt: row.createdAt.toISOString(),
      uploadedBy: uploader?.name ?? null,
    };
  });
}

/**
 * A meeting file's bytes, for the members who may see the meeting (anonymous 401, anyone else
 * 404): a public meeting shows its title and time to everyone, never its files.
 */
export async function readMeetingFile(deps: AppDeps, actor: Actor | null, meetingId: string, fileId: string) {
  const meeting = await findMeeting(deps.db, meetingId);
  await authorizeMeeting(deps.db, meeting.partnershipId, actor);
  const [file] = await deps.db
    .select({
      name: meetingFiles.name,
      contentType: meetingFiles.contentType,
      size: meetingFiles.size,
      sha256: meetingFiles.sha256,
      bytes: meetingFiles.bytes,
    })
    .from(meetingFiles)
    .where(and(eq(meetingFiles.id, fileId), eq(meetingFiles.meetingId, meeting.id)));
  if (!file)
    throw notFound(msg({ id: "server.meetings.theFileNotFound", defaultMessage: "The file was not found." }));
  return file;
}

/** Removes a file from the meeting (the clean-up removes its bytes on disk): conveners. */
export async function deleteMeetingFile(
  deps: AppDeps,
  actor: Actor,
  meetingId: string,
  fileId: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const meeting = await findMeeting(tx, meetingId);
    await authorizeMeetings(tx, meeting.partnershipId, actor, "write");
    const [removed] = await tx
      .delete(meetingFiles)
      .where(and(eq(meetingFiles.id, fileId), eq(meetingFiles.meetingId, meeting.id)))
      .returning({ title: meetingFiles.title });
    if (!removed)
      throw notFound(
        msg({ id: "server.meetings.theFileNotFound2", defaultMessage: "The file was not found." }),
      );
    await recordActivity(tx, {
      partnershipId: meeting.partnershipId,
      kind: "meeting.file_removed",
      summary: msg(
        { id: "activity.fileRemoved", defaultMessage: "File removed from {meeting}: {title}" },
        { meeting: meeting.title, title: removed.title },
      ),
      subjectType: "meeting",
      subjectId: meeting.id,
      actorPersonId: actor.personId,
    });
  });
}
