import type { Executor } from "../../../db/open.js";
import { activity } from "../../../db/schema/index.js";
import { storable, type Msg } from "../../../core/i18n/msg.js";
import { translate } from "../../i18n/intl.js";

export interface ActivityEntry {
  partnershipId: string;
  /** A stable kind for filtering and icons, e.g. "priority.chosen", "meeting.held". */
  kind: string;
  /**
   * One sentence a member reads in the timeline: "Priority chosen: Welding pipeline". A message
   * is read in each reader's language; its English is kept as the line's summary too.
   */
  summary: string | Msg;
  subjectType?: string;
  subjectId?: string;
  actorPersonId?: string | null;
}

/** Adds a line to the partnership's timeline, inside the caller's transaction. */
export async function recordActivity(tx: Executor, entry: ActivityEntry): Promise<void> {
  await tx.insert(activity).values({
    partnershipId: entry.partnershipId,
    kind: entry.kind,
    summary: typeof entry.summary === "string" ? entry.summary : translate("en", entry.summary),
    message: typeof entry.summary === "string" ? null : storable(entry.summary),
    subjectType: entry.subjectType ?? null,
    subjectId: entry.subjectId ?? null,
    actorPersonId: entry.actorPersonId ?? null,
  });
}
