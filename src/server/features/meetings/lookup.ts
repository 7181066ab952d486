import { msg } from "../../../core/i18n/msg.js";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { meetings } from "../../../db/schema/index.js";
import { notFound } from "../../errors.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export type MeetingRow = typeof meetings.$inferSelect;

/** A meeting that was not deleted, by its id; 404 otherwise (also for an id that is not a UUID). */
export async function findMeeting(tx: Executor, id: string): Promise<MeetingRow> {
  if (!uuidPattern.test(id))
    throw notFound(
      msg({ id: "server.meetings.theMeetingNotFound", defaultMessage: "The meeting was not found." }),
    );
  const [row] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), isNull(meetings.deletedAt)));
  if (!row)
    throw notFound(
      msg({ id: "server.meetings.theMeetingNotFound2", defaultMessage: "The meeting was not found." }),
    );
  return row;
}
