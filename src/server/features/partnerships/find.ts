import { msg } from "../../../core/i18n/msg.js";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { inTransaction } from "../../../db/query.js";
import { agendaStamps, memberships, partnerships } from "../../../db/schema/index.js";
import type { Actor } from "../../deps.js";
import { notFound } from "../../errors.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a partnership's id-or-slug from a URL is an id (else it is a slug). */
export function isPartnershipId(idOrSlug: string): boolean {
  return uuidPattern.test(idOrSlug);
}

function byIdOrSlug(idOrSlug: string) {
  return isPartnershipId(idOrSlug) ? eq(partnerships.id, idOrSlug) : eq(partnerships.slug, idOrSlug);
}

export type PartnershipRow = typeof partnerships.$inferSelect;

/**
 * A partnership that is not deleted, by id or slug; 404 otherwise. On its own so that features
 * the partnership service itself calls (the regional economy's sync) can look one up too.
 */
export async function findPartnership(db: Executor, idOrSlug: string): Promise<PartnershipRow> {
  const [row] = await db
    .select()
    .from(partnerships)
    .where(and(byIdOrSlug(idOrSlug), isNull(partnerships.deletedAt)));
  if (!row)
    throw notFound(
      msg({
        id: "server.partnerships.thePartnershipNotFound2",
        defaultMessage: "The partnership was not found.",
      }),
    );
  return row;
}

/**
 * The statement of findPartnershipAs, by id or by slug. Built with placeholders: the same text
 * for every caller, so that it is built and prepared once per database (it runs on nearly every
 * workspace request; building it took 0.09 ms of the server's time each time).
 */
function seatStatement(db: Executor, by: "id" | "slug") {
  return db
    .select({ partnership: partnerships, role: memberships.role, agendaStamp: agendaStamps.stamp })
    .from(partnerships)
    .leftJoin(agendaStamps, eq(agendaStamps.partnershipId, partnerships.id))
    .leftJoin(
      memberships,
      and(
        eq(memberships.partnershipId, partnerships.id),
        // Nobody signed in is null here: a seat of nobody matches no membership.
        eq(memberships.personId, sql.placeholder("personId")),
        isNull(memberships.leftAt),
      ),
    )
    .where(
      and(
        by === "id"
          ? eq(partnerships.id, sql.placeholder("key"))
          : eq(partnerships.slug, sql.placeholder("key")),
        isNull(partnerships.deletedAt),
      ),
    )
    .limit(1);
}
type SeatStatement = ReturnType<ReturnType<typeof seatStatement>["prepare"]>;
const preparedSeats = new WeakMap<Executor, { id: SeatStatement; slug: SeatStatement }>();

/**
 * The partnership (404 as above) and the caller's own seat at it, in one round trip: nearly
 * every workspace request asks both, and each statement is a round trip for the server and the
 * database alike. A coordinator's scope is the caller's business (it is logged for reads).
 * With them the partnership's agenda stamp (schema/agenda.ts), read in the same snapshot.
 */
export async function findPartnershipAs(
  db: Executor,
  idOrSlug: string,
  actor: Actor | null,
): Promise<{ partnership: PartnershipRow; role: Role | null; agendaStamp: number | null }> {
  const by = isPartnershipId(idOrSlug) ? "id" : "slug";
  const values = { key: idOrSlug, personId: actor?.personId ?? null };
  let rows: Awaited<ReturnType<SeatStatement["execute"]>>;
  if (inTransaction(db)) {
    rows = await seatStatement(db, by).execute(values);
  } else {
    let prepared = preparedSeats.get(db);
    if (!prepared) {
      prepared = {
        id: seatStatement(db, "id").prepare("partnership_seat_by_id"),
        slug: seatStatement(db, "slug").prepare("partnership_seat_by_slug"),
      };
      preparedSeats.set(db, prepared);
    }
    rows = await prepared[by].execute(values);
  }
  const [row] = rows;
  if (!row)
    throw notFound(
      msg({
        id: "server.partnerships.thePartnershipNotFound3",
        defaultMessage: "The partnership was not found.",
      }),
    );
  return row;
}
