import type { IntlShape } from "@formatjs/intl";
import { sql } from "drizzle-orm";
import { formatMailTime } from "../../../core/meeting-time.js";
import { naicsSector } from "../../../core/naics.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";

export interface DigestContent {
  resources: { title: string }[];
  events: { title: string; startsAt: Date | string; timeZone: string }[];
  discussions: { id: string; title: string; replies: number }[];
  partnerships: { slug: string; name: string }[];
}

async function tableExists(tx: Executor, name: string): Promise<boolean> {
  const [row] = await queryRows<{ present: boolean }>(
    tx,
    sql`select to_regclass(${name}) is not null as present`,
  );
  return row?.present ?? false;
}

/** What is new for one person since `since`; the library and events are read only where they exist. */
export async function composeDigest(
  tx: Executor,
  userId: string,
  since: Date,
  now: Date,
): Promise<DigestContent> {
  const resources = (await tableExists(tx, "resources"))
    ? await queryRows<{ title: string }>(
        tx,
        sql`select title from resources where status = 'published' and created_at >= ${since.toISOString()}
            order by created_at desc limit 5`,
      )
    : [];
  const horizon = new Date(now.getTime() + 21 * 86_400_000);
  const events = (await tableExists(tx, "events"))
    ? await queryRows<{ title: string; startsAt: Date | string; timeZone: string }>(
        tx,
        sql`select title, starts_at as "startsAt", time_zone as "timeZone" from events
            where not cancelled and starts_at > ${now.toISOString()} and starts_at <= ${horizon.toISOString()}
            order by starts_at limit 5`,
      )
    : [];
  const discussions = await queryRows<{ id: string; title: string; replies: number }>(
    tx,
    sql`select t.id, t.title, count(r.id)::int as replies
        from discussion_threads t join discussion_replies r on r.thread_id = t.id and not r.hidden
        where not t.hidden and r.created_at >= ${since.toISOString()}
        group by t.id order by replies desc, max(r.created_at) desc limit 5`,
  );
  // "Your industry": the sectors of the partnerships the person sits at.
  const mine = await queryRows<{ code: string }>(
    tx,
    sql`select distinct n.code from people p
        join memberships m on m.person_id = p.id and m.left_at is null
        join partnership_naics n on n.partnership_id = m.partnership_id
        where p.user_id = ${userId}`,
  );
  const sectors = [...new Set(mine.map((r) => naicsSector(r.code)))];
  const partnerships = sectors.length
    ? await queryRows<{ slug: string; name: string }>(
        tx,
        sql`select p.slug, p.name from partnerships p
            where p.deleted_at is null and p.created_at >= ${since.toISOString()}
              and exists (select 1 from partnership_naics n where n.partnership_id = p.id
                          and (${sql.join(
                            sectors.flatMap((s) =>
                              (s.includes("-") ? sectorDigits(s) : [s]).map(
                                (d) => sql`n.code like ${`${d}%`}`,
                              ),
                            ),
                            sql` or `,
                          )} or n.code in (${sql.join(
                            sectors.map((s) => sql`${s}`),
                            sql`, `,
                          )})))
              and not exists (select 1 from memberships m join people pe on pe.id = m.person_id
                              where m.partnership_id = p.id and pe.user_id = ${userId})
            order by p.created_at desc limit 5`,
      )
    : [];
  return { resources, events, discussions, partnerships };
}

function sectorDigits(range: string): string[] {
  const [from, to] = range.split("-").map(Number);
  const out: string[] = [];
  for (let n = from ?? 0; n <= (to ?? 0); n++) out.push(String(n));
  return out;
}

export const isEmpty = (c: DigestContent) =>
  !c.resources.length && !c.events.length && !c.discussions.length && !c.partnerships.length;

export interface DigestTextOptions {
  publicUrl: string;
  /** The page of the digest's unsubscribe link. */
  unsubscribe: string;
  cadence: string;
  /** The reader's zone (see readerTimeZone); null: each event in its own zone. Either way named. */
  timeZone: string | null;
}

/** The digest in the reader's language: call inside inReaderLanguage, so dates are in it too. */
export function digestText(
  intl: IntlShape,
  c: DigestContent,
  { publicUrl, unsubscribe, cadence, timeZone }: DigestTextOptions,
): string {
  const lines: string[] = [
    intl.formatMessage(
      {
        id: "mail.digest.opening",
        defaultMessage:
          "Your {cadence, select, daily {daily} other {weekly}} digest from the Community of Practice.",
      },
      { cadence },
    ),
    "",
  ];
  const section = (title: string, items: string[]) => {
    if (!items.length) return;
    lines.push(title, ...items.map((i) => `  - ${i}`), "");
  };
  section(
    intl.formatMessage({ id: "mail.digest.resources", defaultMessage: "New in the resource library" }),
    c.resources.map((r) => r.title),
  );
  if (c.resources.length) lines.splice(lines.length - 1, 0, `  ${publicUrl}/resources`);
  section(
    intl.formatMessage({ id: "mail.digest.events", defaultMessage: "Upcoming events" }),
    c.events.map(
      (e) => `${e.title} (${formatMailTime(new Date(e.startsAt).toISOString(), timeZone ?? e.timeZone)})`,
    ),
  );
  section(
    intl.formatMessage({ id: "mail.digest.discussions", defaultMessage: "Active discussions" }),
    c.discussions.map((d) =>
      intl.formatMessage(
        {
          id: "mail.digest.discussion",
          defaultMessage: "{title} ({replies, plural, one {# new reply} other {# new replies}}): {link}",
        },
        { title: d.title, replies: d.replies, link: `${publicUrl}/discussions/${d.id}` },
      ),
    ),
  );
  section(
    intl.formatMessage({
      id: "mail.digest.partnerships",
      defaultMessage: "New partnerships in your industry",
    }),
    c.partnerships.map((p) => `${p.name}: ${publicUrl}/p/${p.slug}`),
  );
  lines.push(
    intl.formatMessage(
      { id: "mail.digest.settings", defaultMessage: "Change how often you get this: {link}" },
      { link: `${publicUrl}/me/settings` },
    ),
    intl.formatMessage(
      { id: "mail.digest.unsubscribe", defaultMessage: "Unsubscribe from the digest with one click: {link}" },
      { link: unsubscribe },
    ),
    "",
  );
  return lines.join("\n");
}
