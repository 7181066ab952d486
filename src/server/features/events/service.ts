import { msg } from "../../../core/i18n/msg.js";
import { and, asc, eq, like, sql } from "drizzle-orm";
import {
  placesLeft,
  type EventAudience,
  type EventCreate,
  type EventDetail,
  type EventList,
  type EventPatch,
  type EventSummary,
} from "../../../core/events.js";
import { resolveInstant } from "../../../core/meeting-time.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { events } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, fieldError } from "../../errors.js";
import { likeEscape } from "../../lib/sql.js";
import { renderMarkdown } from "../../lib/markdown.js";
import { slugify } from "../partnerships/slug.js";
import { findEvent, myRegistration, type EventRow } from "./lookup.js";
import { listMaterials, replaceLinkMaterials } from "./materials.js";
import { authorizeManage, mayManageEvents } from "./policy.js";
import { promoteWaitlisted } from "./waitlist.js";

/** Resolves the times; the schema already refused what does not parse at all. */
function instants(input: { startsAt: string; endsAt: string; timeZone: string }) {
  const startsAt = resolveInstant(input.startsAt, input.timeZone);
  if (!startsAt)
    throw fieldError(
      "startsAt",
      msg({
        id: "server.events.mustBeADateAnd",
        defaultMessage: "must be a date and time such as 2026-03-05T08:00",
      }),
    );
  const endsAt = resolveInstant(input.endsAt, input.timeZone);
  if (!endsAt)
    throw fieldError(
      "endsAt",
      msg({
        id: "server.events.mustBeADateAnd2",
        defaultMessage: "must be a date and time such as 2026-03-05T10:00",
      }),
    );
  if (endsAt <= startsAt)
    throw fieldError(
      "endsAt",
      msg({ id: "server.events.mustBeAfterTheStart", defaultMessage: "must be after the start" }),
    );
  return { startsAt, endsAt };
}

function checkWhere(online: boolean, link: string, place: string) {
  if (!online && !place)
    throw fieldError(
      "place",
      msg({ id: "server.events.isRequiredForAnIn", defaultMessage: "is required for an in-person event" }),
    );
  if (online && link === "" && place === "") {
    throw fieldError(
      "link",
      msg({
        id: "server.events.isRequiredForAnOnline",
        defaultMessage: "is required for an online event (or give a place)",
      }),
    );
  }
}

async function uniqueEventSlug(tx: Executor, title: string): Promise<string> {
  const base = slugify(title).replace(/^partnership$/, "event");
  const taken = new Set(
    (
      await tx
        .select({ slug: events.slug })
        .from(events)
        .where(like(events.slug, `${likeEscape(base)}%`))
    ).map((r) => r.slug),
  );
  taken.add("new"); // /events/new is the page that plans an event
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

interface CountRow {
  event_id: string;
  confirmed: number;
  waitlisted: number;
}

async function countsFor(tx: Executor, ids: string[]): Promise<Map<string, CountRow>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<CountRow>(
    tx,
    sql`select event_id,
               count(*) filter (where status = 'confirmed')::int as confirmed,
               count(*) filter (where status = 'waitlisted')::int as waitlisted
          from event_registrations
         where event_id in (${sql.join(
           ids.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
         group by event_id`,
  );
  return new Map(rows.map((r) => [r.event_id, r]));
}

function toSummary(row: EventRow, counts: CountRow | undefined): EventSummary {
  const confirmed = counts?.confirmed ?? 0;
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    kind: row.kind,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    online: row.online,
    place: row.place,
    capacity: row.capacity,
    audience: row.audience as EventAudience[],
    cancelled: row.cancelled,
    confirmed,
    waitlisted: counts?.waitlisted ?? 0,
    placesLeft: placesLeft(row.capacity, confirmed),
    hasRecording: row.recordingUrl !== "",
    version: row.version,
  };
}

/** Upcoming: not yet ended, soonest first. Past: ended, latest first. */
export async function listEvents(
  deps: AppDeps,
  actor: Actor | null,
  when: "upcoming" | "past",
  /** The home page asks for the next few that still take place. */
  options: { limit?: number; withoutCancelled?: boolean } = {},
): Promise<EventList> {
  const now = deps.now().toISOString();
  const rows = await deps.db
    .select()
    .from(events)
    .where(
      and(
        when === "upcoming"
          ? sql`${events.endsAt} > ${now}::timestamptz`
          : sql`${events.endsAt} <= ${now}::timestamptz`,
        options.withoutCancelled ? eq(events.cancelled, false) : undefined,
      ),
    )
    .orderBy(when === "upcoming" ? asc(events.startsAt) : sql`${events.startsAt} desc`)
    .limit(options.limit ?? 200);
  const counts = await countsFor(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toSummary(r, counts.get(r.id))),
    permissions: { create: mayManageEvents(actor) },
  };
}

export async function eventDetail(
  deps: AppDeps,
  tx: Executor,
  row: EventRow,
  actor: Actor | null,
): Promise<EventDetail> {
  // One after another: on PostgreSQL a transaction is one connection, which runs one query at a time.
  const counts = await countsFor(tx, [row.id]);
  const materials = await listMaterials(tx, row.id);
  const mine = actor ? await myRegistration(tx, row.id, actor.userId) : null;
  // The join link is for people with a seat (and the admins who run the event), so it is not shared widely.
  const seeLink = mayManageEvents(actor) || mine?.status === "confirmed";
  return {
    ...toSummary(row, counts.get(row.id)),
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    link: seeLink ? row.link : "",
    linkHidden: !seeLink && row.link !== "",
    recordingUrl: row.recordingUrl,
    materials,
    myRegistration: mine,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    permissions: {
      edit: mayManageEvents(actor),
      register: !row.cancelled && row.startsAt > deps.now(),
    },
  };
}

export async function getEvent(deps: AppDeps, actor: Actor | null, idOrSlug: string): Promise<EventDetail> {
  const row = await findEvent(deps.db, idOrSlug);
  return eventDetail(deps, deps.db, row, actor);
}

export async function createEvent(deps: AppDeps, actor: Actor, body: EventCreate): Promise<EventDetail> {
  authorizeManage(actor);
  const { startsAt, endsAt } = instants(body);
  const online = body.online ?? true;
  checkWhere(online, body.link ?? "", body.place ?? "");
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const [row] = await tx
      .insert(events)
      .values({
        title: body.title,
        slug: await uniqueEventSlug(tx, body.title),
        kind: body.kind ?? "webinar",
        description: body.description,
        startsAt,
        endsAt,
        timeZone: body.timeZone,
        online,
        link: body.link ?? "",
        place: body.place ?? "",
        capacity: body.capacity ?? null,
        audience: body.audience ?? [],
        recordingUrl: body.recordingUrl ?? "",
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await replaceLinkMaterials(tx, row.id, body.materials);
    return eventDetail(deps, tx, row, actor);
  });
}

/**
 * Seats already given stay given: a capacity below the confirmed registrations would leave
 * people confirmed over the limit (the event row is locked, so no registration slips in between).
 */
async function checkCapacity(tx: Executor, eventId: string, capacity: number) {
  const confirmed = (await countsFor(tx, [eventId])).get(eventId)?.confirmed ?? 0;
  if (capacity >= confirmed) return;
  throw new AppError(
    "conflict",
    msg(
      {
        id: "server.events.capacityBelowConfirmed",
        defaultMessage:
          "capacity: {count, plural, one {# person is} other {# people are}} confirmed, so the capacity cannot be lower than {count}. Choose {count} or more, or cancel registrations first.",
      },
      { count: confirmed },
    ),
    {
      errors: [
        {
          field: "capacity",
          message: msg(
            {
              id: "server.events.capacityField",
              defaultMessage: "must be at least {count}, the confirmed registrations",
            },
            { count: confirmed },
          ),
        },
      ],
    },
  );
}

export async function updateEvent(
  deps: AppDeps,
  actor: Actor,
  idOrSlug: string,
  patch: EventPatch,
): Promise<EventDetail> {
  authorizeManage(actor);
  const promoted = await deps.db.transaction(async (tx) => {
    const current = await findEvent(tx, idOrSlug, true);
    const { version, startsAt: startsText, endsAt: endsText, timeZone, materials, ...changes } = patch;
    const zone = timeZone ?? current.timeZone;
    // A new zone alone keeps the instants; a new wall time is read in the (new) zone.
    const times =
      startsText !== undefined || endsText !== undefined
        ? instants({
            startsAt: startsText ?? current.startsAt.toISOString(),
            endsAt: endsText ?? current.endsAt.toISOString(),
            timeZone: zone,
          })
        : null;
    checkWhere(
      changes.online ?? current.online,
      changes.link ?? current.link,
      changes.place ?? current.place,
    );
    if (typeof changes.capacity === "number") await checkCapacity(tx, current.id, changes.capacity);
    const updated = await tx
      .update(events)
      .set({
        ...changes,
        ...(timeZone ? { timeZone } : {}),
        ...(times ?? {}),
        version: sql`${events.version} + 1`,
        updatedAt: deps.now(),
      })
      .where(and(eq(events.id, current.id), eq(events.version, version)))
      .returning();
    if (updated.length === 0) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.events.thisEventWasChangedBy",
            defaultMessage:
              "This event was changed by someone else (you edited version {edited}, it is now {now}). Reload it, then apply your changes again.",
          },
          { edited: String(version), now: String(current.version) },
        ),
        { current: await eventDetail(deps, tx, current, actor) },
      );
    }
    await replaceLinkMaterials(tx, current.id, materials);
    // More seats: the waitlist moves up at once.
    const moved = await promoteWaitlisted(deps, tx, updated[0]);
    return { row: updated[0], moved };
  });
  if (promoted.moved > 0) deps.mailer.deliverSoon();
  return eventDetail(deps, deps.db, promoted.row, actor);
}
