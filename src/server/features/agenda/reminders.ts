/**
 * E-mail (and in-app) reminders to owners of actions due in 3 days or late. Run periodically by the server.
 * Each reminder is claimed in `reminder_log` (per action, kind and due date) inside the same
 * transaction that queues the mail, so a restart or a second server never sends one twice; a
 * new due date is a new deadline and earns its own reminders. Each mail carries one-tap links
 * (Done, On track, Stuck) that the owner can use without signing in (action-links.ts).
 */
import { sql } from "drizzle-orm";
import { addDays, daysBetween, reminderKind, REMINDER_DAYS, utcDate } from "../../../core/agenda.js";
import { queryRows } from "../../../db/query.js";
import type { AppDeps } from "../../deps.js";
import { notify } from "../notifications/notify.js";
import { ACTION_LINK_DAYS, type ActionLinkChoice } from "../../../core/action-links.js";
import { issueActionLinks } from "./action-links.js";
import { formatDay } from "./format.js";
import { inReaderLanguage, intlFor, readerLocale } from "../../i18n/intl.js";
import type { MailMessage } from "../../lib/mailer.js";

interface DueRow {
  id: string;
  owner_id: string;
  title: string;
  due_date: string;
  status: "planned" | "in_progress" | "done" | "stuck";
  progress: number;
  owner_name: string;
  /** The owner's account, when they have one: they also get an in-app notification. */
  user_id: string | null;
  email: string;
  /** The owner's account's chosen language, if any. */
  locale: string | null;
  team_name: string;
  priority_title: string;
  partnership_name: string;
  slug: string;
}

/** The reminder in the owner's language: their account's, else English. */
function message(
  deps: AppDeps,
  row: DueRow,
  kind: "due_soon" | "late",
  today: string,
  links: Record<ActionLinkChoice, string>,
): MailMessage {
  const lang = readerLocale(row.locale);
  const intl = intlFor(lang);
  const days = daysBetween(today, row.due_date);
  return inReaderLanguage(lang, () => {
    const values = {
      name: row.owner_name,
      title: row.title,
      team: row.team_name,
      priority: row.priority_title,
      partnership: row.partnership_name,
      progress: row.progress,
      day: formatDay(row.due_date),
      days: Math.abs(days),
      linkDays: ACTION_LINK_DAYS,
      done: links.done,
      onTrack: links.on_track,
      stuck: links.stuck,
      plan: `${deps.config.publicUrl}/p/${row.slug}/agenda/plan`,
    };
    const when =
      kind === "late"
        ? intl.formatMessage(
            {
              id: "mail.actionReminder.late",
              defaultMessage: "was due on {day} ({days, plural, one {# day} other {# days}} ago)",
            },
            values,
          )
        : days === 0
          ? intl.formatMessage({ id: "mail.actionReminder.dueToday", defaultMessage: "is due today" })
          : intl.formatMessage(
              {
                id: "mail.actionReminder.dueSoon",
                defaultMessage: "is due on {day} (in {days, plural, one {# day} other {# days}})",
              },
              values,
            );
    const subject =
      kind === "late"
        ? intl.formatMessage(
            { id: "mail.actionReminder.lateSubject", defaultMessage: "Late: {title} ({partnership})" },
            values,
          )
        : intl.formatMessage(
            { id: "mail.actionReminder.dueSoonSubject", defaultMessage: "Due soon: {title} ({partnership})" },
            values,
          );
    const text = intl.formatMessage(
      {
        id: "mail.actionReminder.body",
        defaultMessage:
          "Hello {name},\n\n" +
          'Your action "{title}" {when}.\n' +
          'Action team: {team}, for the priority "{priority}" of {partnership}.\n' +
          "It is {progress}% done.\n\n" +
          "Answer with one tap (no sign-in needed; each link works once, for {linkDays} days):\n\n" +
          "Done:\n{done}\n\n" +
          "On track (you choose how far along it is):\n{onTrack}\n\n" +
          "Stuck, need help (tells your team''s champions and the conveners):\n{stuck}\n\n" +
          "Or update it in the shared action plan:\n\n{plan}\n",
      },
      { ...values, when },
    );
    return { to: row.email, lang, subject, text };
  });
}

/** Reminders queued per run at most: a long backlog is worked off a batch a minute. */
const BATCH = 500;

/** Queues the reminders that are due now; answers how many were queued. */
export async function sendActionReminders(deps: AppDeps): Promise<number> {
  const today = utcDate(deps.now());
  const horizon = addDays(today, REMINDER_DAYS);
  const queued = await deps.db.transaction(async (tx) => {
    const rows = await queryRows<DueRow>(
      tx,
      sql`select a.id, a.owner_id, a.title, a.due_date::text as due_date, a.status, a.progress,
            o.name as owner_name, u.id as user_id, coalesce(nullif(o.email, ''), u.email) as email, u.locale,
            t.name as team_name, pr.title as priority_title, p.name as partnership_name, p.slug
          from actions a
          join people o on o.id = a.owner_id
          left join users u on u.id = o.user_id
          join action_teams t on t.id = a.team_id
          join priorities pr on pr.id = t.priority_id and pr.status = 'active'
          join partnerships p on p.id = a.partnership_id and p.deleted_at is null
          -- Only owners still at the table: someone who left cannot open the plan any more.
          join memberships m on m.partnership_id = p.id and m.person_id = a.owner_id and m.left_at is null
          where a.deleted_at is null and a.status <> 'done' and a.due_date is not null
            and a.due_date <= ${horizon}::date
            and coalesce(nullif(o.email, ''), u.email) is not null
            and not exists (
              select 1 from reminder_log l where l.subject_id = a.id and l.kind =
                'action.' || (case when a.due_date < ${today}::date then 'late' else 'due_soon' end) || ':' || a.due_date::text)
          order by a.due_date, a.id
          limit ${BATCH}`,
    );
    let count = 0;
    for (const row of rows) {
      const kind = reminderKind({ status: row.status, dueDate: row.due_date }, today);
      if (!kind) continue;
      // The claim: a second server (or a second run) finds the row and sends nothing.
      const claimed = await queryRows<{ subject_id: string }>(
        tx,
        sql`insert into reminder_log (subject_id, kind, sent_at)
            values (${row.id}, ${`action.${kind}:${row.due_date}`}, ${deps.now().toISOString()}::timestamptz)
            on conflict do nothing returning subject_id`,
      );
      if (claimed.length === 0) continue;
      // Fresh links for each reminder: the owner answers from whichever e-mail is at hand.
      const links = await issueActionLinks(deps, tx, row.id, row.owner_id);
      const mail = message(deps, row, kind, today, links);
      await deps.mailer.enqueue(tx, mail);
      if (row.user_id) {
        await notify(tx, {
          userId: row.user_id,
          kind: "action_due",
          title: mail.subject,
          link: `/p/${row.slug}/agenda/plan`,
        });
      }
      count++;
    }
    return count;
  });
  if (queued > 0) deps.mailer.deliverSoon();
  return queued;
}
