import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { naicsPrefixes, naicsSector } from "../../../core/naics.js";
import { peerSimilarity, type ConnectBody, type PeerFacts, type PeerList } from "../../../core/peers.js";
import type { Setting, Stage } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { connectRequests, memberships, people, users } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, forbidden } from "../../errors.js";
import { intlFor, readerLocale } from "../../i18n/intl.js";
import { roleIn } from "../partnerships/policy.js";
import { findPartnership } from "../partnerships/service.js";
import { endSentence } from "../../../core/format.js";

const MAX_PEERS = 12;

interface Row {
  id: string;
  slug: string;
  name: string;
  description: string;
  setting: Setting;
  stage: Stage;
  naics: string[] | null;
  titles: string[] | null;
  counties: string[] | null;
  states: string[] | null;
  abbrs: string[] | null;
}

async function facts(tx: Executor, where: ReturnType<typeof sql>): Promise<Row[]> {
  return queryRows<Row>(
    tx,
    sql`select p.id, p.slug, p.name, p.description, p.setting, p.stage,
          (select array_agg(n.code order by n.position) from partnership_naics n where n.partnership_id = p.id) as naics,
          (select array_agg(coalesce(c.title, n.code) order by n.position) from partnership_naics n
             left join naics_codes c on c.code = n.code where n.partnership_id = p.id) as titles,
          (select array_agg(pc.fips) from partnership_counties pc where pc.partnership_id = p.id) as counties,
          (select array_agg(distinct pc.state_fips) from partnership_counties pc where pc.partnership_id = p.id) as states,
          (select array_agg(distinct s.abbr) from partnership_counties pc join states s on s.fips = pc.state_fips
             where pc.partnership_id = p.id) as abbrs
        from partnerships p where p.deleted_at is null and ${where}`,
  );
}

const asFacts = (r: Row): PeerFacts => ({
  naics: r.naics ?? [],
  counties: r.counties ?? [],
  states: r.states ?? [],
  setting: r.setting,
  stage: r.stage,
});

/** "Partnerships like ours": same industry elsewhere or same region in other industries, most similar first. */
export async function findPeers(deps: AppDeps, idOrSlug: string): Promise<PeerList> {
  const partnership = await findPartnership(deps.db, idOrSlug);
  const [me] = await facts(deps.db, sql`p.id = ${partnership.id}`);
  if (!me) {
    throw new AppError(
      "not_found",
      msg({ id: "server.peers.partnershipNotFound", defaultMessage: "The partnership was not found." }),
    );
  }
  const mine = asFacts(me);
  // Candidates share a two-digit industry prefix or a state; the score then orders them.
  const digits = [...new Set(mine.naics.flatMap((c) => naicsPrefixes(naicsSector(c))))];
  const sectors = [...new Set(mine.naics.map(naicsSector))];
  const conditions = [
    ...(digits.length
      ? [
          sql`exists (select 1 from partnership_naics n where n.partnership_id = p.id
                and (left(n.code, 2) in (${sql.join(
                  digits.map((d) => sql`${d}`),
                  sql`, `,
                )})
                     or n.code in (${sql.join(
                       sectors.map((s) => sql`${s}`),
                       sql`, `,
                     )})))`,
        ]
      : []),
    ...(mine.states.length
      ? [
          sql`exists (select 1 from partnership_counties c where c.partnership_id = p.id
                and c.state_fips in (${sql.join(
                  mine.states.map((s) => sql`${s}`),
                  sql`, `,
                )}))`,
        ]
      : []),
  ];
  if (!conditions.length) return { items: [] };
  const rows = await facts(deps.db, sql`p.id <> ${partnership.id} and (${sql.join(conditions, sql` or `)})`);
  const items = rows
    .map((r) => ({ r, sim: peerSimilarity(mine, asFacts(r)) }))
    .filter((x) => x.sim.match !== null)
    .sort((a, b) => b.sim.score - a.sim.score || a.r.name.localeCompare(b.r.name))
    .slice(0, MAX_PEERS)
    .map(({ r, sim }) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      description: r.description,
      setting: r.setting,
      stage: r.stage,
      industries: (r.naics ?? []).map((code, i) => ({ code, title: r.titles?.[i] ?? code })),
      states: r.abbrs ?? [],
      match: sim.match ?? "region",
      score: sim.score,
      industryDepth: sim.depth,
    }));
  return { items };
}

/** How many times a day one partnership may ask the same peer to connect. */
export const CONNECTS_PER_DAY = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * At most CONNECTS_PER_DAY asks from one partnership to one peer in any 24 hours, so a peer's
 * conveners cannot be flooded. Asks of the pair wait on each other (a transaction lock), so
 * asks sent at the same moment cannot all pass the count.
 */
async function checkConnectRate(
  tx: Executor,
  from: { id: string; name: string },
  peer: { id: string; name: string },
  now: Date,
) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`connect:${from.id}:${peer.id}`}))`);
  const recent = await tx
    .select({ at: connectRequests.createdAt })
    .from(connectRequests)
    .where(
      and(
        eq(connectRequests.fromPartnershipId, from.id),
        eq(connectRequests.toPartnershipId, peer.id),
        gt(connectRequests.createdAt, new Date(now.getTime() - DAY_MS)),
      ),
    )
    .orderBy(asc(connectRequests.createdAt));
  if (recent.length < CONNECTS_PER_DAY) return;
  // The oldest ask still counted leaves the window first.
  const again = new Date(recent[recent.length - CONNECTS_PER_DAY].at.getTime() + DAY_MS);
  const seconds = Math.max(1, Math.ceil((again.getTime() - now.getTime()) / 1000));
  const inHours = seconds >= 3600;
  throw new AppError(
    "too_many_requests",
    msg(
      {
        id: "server.peers.connectRateLimited",
        defaultMessage:
          "{from} already asked {peer} to connect {count, plural, one {# time} other {# times}} in the last 24 hours (at most {max}). " +
          "You can ask again after {at} UTC, in about {unit, select, hour {{wait, plural, one {# hour} other {# hours}}} other {{wait, plural, one {# minute} other {# minutes}}}}.",
      },
      {
        from: from.name,
        peer: peer.name,
        count: recent.length,
        max: CONNECTS_PER_DAY,
        at: again.toISOString().slice(0, 16).replace("T", " "),
        unit: inHours ? "hour" : "minute",
        wait: inHours ? Math.round(seconds / 3600) : Math.ceil(seconds / 60),
      },
    ),
    { retryAfterSeconds: seconds },
  );
}

/**
 * Sends the message to each convener of the peer separately, so nobody sees another's address
 * and the sender sees none; the sender's address goes along only if they chose to share it.
 */
export async function askToConnect(
  deps: AppDeps,
  actor: Actor,
  fromId: string,
  peerId: string,
  input: ConnectBody,
): Promise<{ sent: number }> {
  const sent = await deps.db.transaction(async (tx) => {
    const from = await findPartnership(tx, fromId);
    const peer = await findPartnership(tx, peerId);
    if (from.id === peer.id) {
      throw new AppError(
        "bad_request",
        msg({ id: "server.peers.connectSelf", defaultMessage: "A partnership cannot connect with itself." }),
      );
    }
    // The message speaks in the partnership's name, so only someone at its table may send it.
    if (!(await roleIn(tx, from.id, actor))) {
      throw forbidden(
        msg(
          {
            id: "server.peers.connectMembersOnly",
            defaultMessage: "Only members of {partnership} may ask to connect in its name.",
          },
          { partnership: from.name },
        ),
      );
    }
    await checkConnectRate(tx, from, peer, deps.now());
    const conveners = await tx
      .select({ email: people.email, locale: users.locale })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .leftJoin(users, and(eq(users.id, people.userId), isNull(users.deletedAt)))
      .where(
        and(
          eq(memberships.partnershipId, peer.id),
          eq(memberships.role, "convener"),
          isNull(memberships.leftAt),
          sql`coalesce(${people.email}, '') <> ''`,
        ),
      )
      .orderBy(asc(people.email));
    // Each address once, in its account's language (a partnership's contact address: English).
    const languages = new Map<string, string | null>();
    for (const c of conveners) if (c.email && !languages.has(c.email)) languages.set(c.email, c.locale);
    if (!languages.size && peer.contactEmail) languages.set(peer.contactEmail, null);
    const addresses = [...languages.keys()];
    if (!addresses.length) {
      throw new AppError(
        "conflict",
        msg({
          id: "server.peers.noConvenerToReach",
          defaultMessage: "This partnership has no convener to reach yet; try its website instead.",
        }),
      );
    }
    for (const to of addresses) {
      const lang = readerLocale(languages.get(to));
      const intl = intlFor(lang);
      const values = {
        actor: actor.name,
        email: actor.email,
        from: from.name,
        fromPage: `${deps.config.publicUrl}/p/${from.slug}`,
        peersPage: `${deps.config.publicUrl}/p/${from.slug}/peers`,
        peer: peer.name,
        message: input.message,
      };
      const replyLine = input.shareEmail
        ? intl.formatMessage(
            { id: "mail.connect.replyTo", defaultMessage: "Reply to {actor} at {email}." },
            values,
          )
        : intl.formatMessage(
            {
              id: "mail.connect.noAddress",
              defaultMessage:
                "{actor} chose not to share an e-mail address; answer through Shared Table by asking to connect back from {peersPage}.",
            },
            values,
          );
      await deps.mailer.enqueue(tx, {
        to,
        lang,
        subject: intl.formatMessage(
          {
            id: "mail.connect.subject",
            defaultMessage: "{actor} of {from} would like to connect with {peer}",
          },
          values,
        ),
        text: intl.formatMessage(
          {
            id: "mail.connect.body",
            defaultMessage:
              "{actor}, looking at partnerships like {from} ({fromPage}), would like to connect with {peer}:\n\n" +
              "{message}\n\n{replyLine}\n\n{why} Your address was not shown to the sender.\n",
          },
          {
            ...values,
            replyLine,
            why: endSentence(
              intl.formatMessage(
                { id: "mail.connect.why", defaultMessage: "You receive this as a convener of {peer}" },
                values,
              ),
            ),
          },
        ),
      });
    }
    await tx.insert(connectRequests).values({
      fromPartnershipId: from.id,
      toPartnershipId: peer.id,
      senderId: actor.userId,
      createdAt: deps.now(),
    });
    return addresses.length;
  });
  deps.mailer.deliverSoon();
  return { sent };
}
