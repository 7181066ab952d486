import { msg } from "../../../core/i18n/msg.js";
import { and, eq, sql } from "drizzle-orm";
import type { Registration } from "../../../core/events.js";
import { queryRows } from "../../../db/query.js";
import { eventRegistrations } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { notify } from "../notifications/notify.js";
import { eventForSeats, myRegistration } from "./lookup.js";
import { confirmationMail, waitlistMail } from "./mail.js";
import { promoteWaitlisted } from "./waitlist.js";

/**
 * Takes a seat, or a place on the waitlist when the event is full. An event with a capacity is
 * locked `for update` first, so concurrent registrations are counted one after another and never
 * overfill it (eventForSeats). Registering again answers the registration the person already has.
 */
export async function register(
  deps: AppDeps,
  actor: Actor,
  idOrSlug: string,
): Promise<{ registration: Registration; created: boolean }> {
  const result = await deps.db.transaction(async (tx) => {
    const event = await eventForSeats(tx, idOrSlug);
    const existing = await myRegistration(tx, event.id, actor.userId);
    if (existing && existing.status !== "cancelled") return { registration: existing, created: false };
    if (event.cancelled)
      throw new AppError(
        "conflict",
        msg({
          id: "server.events.thisEventWasCancelledRegistration",
          defaultMessage: "This event was cancelled; registration is closed.",
        }),
      );
    if (event.startsAt <= deps.now()) {
      throw new AppError(
        "conflict",
        msg({
          id: "server.events.thisEventHasAlreadyStarted",
          defaultMessage: "This event has already started or taken place; registration is closed.",
        }),
      );
    }
    const [counts] = await queryRows<{ confirmed: number; last: number }>(
      tx,
      sql`select count(*) filter (where status = 'confirmed')::int as confirmed,
                 coalesce(max(position) filter (where status = 'waitlisted'), 0)::int as last
            from event_registrations where event_id = ${event.id}`,
    );
    const status = event.capacity === null || counts.confirmed < event.capacity ? "confirmed" : "waitlisted";
    const position = status === "waitlisted" ? counts.last + 1 : null;
    const now = deps.now();
    // A person who cancelled and comes back reuses their row: one row per person and event.
    await tx
      .insert(eventRegistrations)
      .values({ eventId: event.id, userId: actor.userId, status, position, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: [eventRegistrations.eventId, eventRegistrations.userId],
        set: { status, position, updatedAt: now },
      });
    const registration = await myRegistration(tx, event.id, actor.userId);
    if (!registration) throw new Error("registration vanished inside its own transaction");
    const to = { email: actor.email, name: actor.name, locale: actor.locale ?? null };
    await deps.mailer.enqueue(
      tx,
      status === "confirmed"
        ? confirmationMail(deps, event, to, false)
        : waitlistMail(deps, event, to, registration.waitlistPosition ?? 1),
    );
    await notify(tx, {
      userId: actor.userId,
      kind: "registration",
      title:
        status === "confirmed"
          ? `You're registered for ${event.title}`
          : `You're on the waitlist for ${event.title} (number ${registration.waitlistPosition ?? 1})`,
      link: `/events/${event.slug}`,
    });
    return { registration, created: true };
  });
  if (result.created) deps.mailer.deliverSoon();
  return result;
}

/** Gives the seat (or waitlist place) back; the first person waiting moves up into a freed seat. */
export async function cancelRegistration(
  deps: AppDeps,
  actor: Actor,
  idOrSlug: string,
): Promise<Registration> {
  const result = await deps.db.transaction(async (tx) => {
    const event = await eventForSeats(tx, idOrSlug);
    const existing = await myRegistration(tx, event.id, actor.userId);
    if (!existing || existing.status === "cancelled") {
      throw new AppError(
        "not_found",
        msg({
          id: "server.events.youAreNotRegisteredFor",
          defaultMessage: "You are not registered for this event.",
        }),
      );
    }
    if (event.endsAt <= deps.now())
      throw new AppError(
        "conflict",
        msg({
          id: "server.events.thisEventIsOverThe",
          defaultMessage: "This event is over; the registration stays on record.",
        }),
      );
    await tx
      .update(eventRegistrations)
      .set({ status: "cancelled", position: null, updatedAt: deps.now() })
      .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.userId, actor.userId)));
    // Without a capacity nobody waits (the edit that lifted it moved them all up).
    const moved =
      existing.status === "confirmed" && event.capacity !== null
        ? await promoteWaitlisted(deps, tx, event)
        : 0;
    return { registration: { id: existing.id, status: "cancelled" as const, waitlistPosition: null }, moved };
  });
  if (result.moved > 0) deps.mailer.deliverSoon();
  return result.registration;
}
