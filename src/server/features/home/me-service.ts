/**
 * The signed-in home page: what is on the person's plate across their partnerships, new replies
 * in the discussions they follow, and the next community events. Read in one statement
 * (me-query.ts) and shaped here.
 */
import { addDays, dueState, utcDate } from "../../../core/agenda.js";
import { placesLeft } from "../../../core/event-vocabulary.js";
import {
  DUE_WINDOW_DAYS,
  type DueItem,
  type HomeEvent,
  type MeHome,
  type NewRepliesItem,
} from "../../../core/home.js";
import type { Actor, AppDeps } from "../../deps.js";
import { readHome, type EventRow, type HomeRows, type ThreadRow } from "./me-query.js";

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

function dueItems(rows: HomeRows, today: string): DueItem[] {
  return [
    ...rows.actions.map((r): DueItem => ({
      kind: "action",
      id: r.id,
      title: r.title,
      partnershipName: r.partnership_name,
      partnershipSlug: r.slug,
      link: `/p/${r.slug}/agenda/plan`,
      dueDate: r.due_date,
      late: dueState({ status: r.status, dueDate: r.due_date }, today) === "late",
      status: r.status,
      progress: r.progress,
    })),
    ...rows.votes.map((r): DueItem => ({
      kind: "vote",
      id: r.id,
      title: r.title,
      partnershipName: r.partnership_name,
      partnershipSlug: r.slug,
      link: `/p/${r.slug}/agenda/votes/${r.id}`,
      method: r.method,
      openedAt: iso(r.opened_at),
    })),
    ...rows.assessments.map((r): DueItem => ({
      kind: "assessment",
      id: r.id,
      title: r.title,
      partnershipName: r.partnership_name,
      partnershipSlug: r.slug,
      link: `/assessments/${r.id}`,
      openedAt: iso(r.opened_at),
    })),
    ...rows.meetings.map((r): DueItem => ({
      kind: "meeting",
      id: r.id,
      title: r.title,
      partnershipName: r.partnership_name,
      partnershipSlug: r.slug,
      link: `/p/${r.slug}/meetings/${r.id}`,
      meetingKind: r.kind,
      startsAt: iso(r.starts_at),
      timeZone: r.time_zone,
    })),
  ];
}

/**
 * Soonest first: late actions (they are overdue), then open rounds (they wait on the person now,
 * oldest first), then actions and meetings by date.
 */
export function sortDue(items: DueItem[]): DueItem[] {
  const rank = (i: DueItem) => (i.kind === "action" ? (i.late ? 0 : 2) : i.kind === "meeting" ? 2 : 1);
  const when = (i: DueItem) =>
    i.kind === "action"
      ? Date.parse(`${i.dueDate}T00:00:00Z`)
      : i.kind === "meeting"
        ? Date.parse(i.startsAt)
        : Date.parse(i.openedAt);
  return [...items].sort((a, b) => rank(a) - rank(b) || when(a) - when(b));
}

const newReply = (r: ThreadRow): NewRepliesItem => ({
  threadId: r.id,
  title: r.title,
  newReplies: r.new_replies,
  lastReplyAt: iso(r.last_reply_at),
  lastReplyAuthor: r.last_author,
});

const homeEvent = (e: EventRow): HomeEvent => ({
  id: e.id,
  slug: e.slug,
  title: e.title,
  kind: e.kind,
  startsAt: iso(e.starts_at),
  endsAt: iso(e.ends_at),
  timeZone: e.time_zone,
  online: e.online,
  place: e.place,
  placesLeft: placesLeft(e.capacity, e.confirmed),
  myRegistration: e.registration_status
    ? { status: e.registration_status, waitlistPosition: e.waitlist_position }
    : null,
});

export async function meHome(deps: AppDeps, actor: Actor): Promise<MeHome> {
  const now = deps.now();
  const today = utcDate(now);
  const rows = await readHome(
    deps.db,
    { personId: actor.personId, userId: actor.userId },
    {
      lastDueDay: addDays(today, DUE_WINDOW_DAYS),
      now,
      horizon: new Date(now.getTime() + DUE_WINDOW_DAYS * 86_400_000),
    },
  );
  return {
    due: sortDue(dueItems(rows, today)),
    newReplies: rows.threads.map(newReply),
    upcomingEvents: rows.events.map(homeEvent),
  };
}
