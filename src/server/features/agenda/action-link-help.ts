/**
 * "Stuck, need help": when an owner says so from a reminder's link, the people who can unblock
 * the action hear of it at once: the team's champions (who lead it) and the partnership's
 * conveners (who run the table). An in-app notification for those with an account, and an
 * e-mail to each; never to the owner who asked.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import type { AppDeps } from "../../deps.js";
import { notify } from "../notifications/notify.js";
import { formatDay } from "./format.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { inReaderLanguage, intlFor, readerLocale } from "../../i18n/intl.js";

interface StuckAction {
  action_id: string;
  person_id: string;
  person_name: string;
  title: string;
  due_date: string | null;
  progress: number;
  team_id: string;
  team_name: string;
  priority_title: string;
  partnership_id: string;
  partnership_name: string;
  slug: string;
}

interface Helper {
  person_id: string;
  name: string;
  user_id: string | null;
  email: string | null;
  /** The account's chosen language, if any. */
  locale: string | null;
}

/** The team's active champions and the partnership's conveners, each once, still at the table. */
export async function helpersOf(tx: Executor, action: StuckAction): Promise<Helper[]> {
  return queryRows<Helper>(
    tx,
    sql`select distinct o.id as person_id, o.name, u.id as user_id,
          coalesce(nullif(o.email, ''), u.email) as email, u.locale
        from people o
        left join users u on u.id = o.user_id and u.deleted_at is null
        join memberships m on m.person_id = o.id and m.partnership_id = ${action.partnership_id}
          and m.left_at is null
        where o.id <> ${action.person_id}
          and (m.role = 'convener' or exists (
            select 1 from action_team_members tm where tm.team_id = ${action.team_id}
              and tm.person_id = o.id and tm.role = 'champion' and tm.left_at is null))
        order by o.name, o.id`,
  );
}

export async function askForHelp(deps: AppDeps, tx: Executor, action: StuckAction): Promise<void> {
  const helpers = await helpersOf(tx, action);
  const plan = `/p/${action.slug}/agenda/plan`;
  // Each helper reads the notice and the mail in their own language.
  const subjectFor = (lang: AppLocale) =>
    intlFor(lang).formatMessage(
      { id: "mail.actionHelp.subject", defaultMessage: "Needs help: {title} ({partnership})" },
      { title: action.title, partnership: action.partnership_name },
    );
  await notify(
    tx,
    helpers
      .filter((h) => h.user_id)
      .map((h) => ({
        userId: h.user_id!,
        kind: "action_stuck",
        title: subjectFor(readerLocale(h.locale)),
        link: plan,
      })),
  );
  for (const h of helpers) {
    if (!h.email) continue;
    const lang = readerLocale(h.locale);
    const intl = intlFor(lang);
    await deps.mailer.enqueue(
      tx,
      inReaderLanguage(lang, () => ({
        to: h.email!,
        lang,
        subject: subjectFor(lang),
        text: intl.formatMessage(
          {
            id: "mail.actionHelp.body",
            defaultMessage:
              "Hello {name},\n\n" +
              '{person} says the action "{title}" is stuck and needs help.\n' +
              'Action team: {team}, for the priority "{priority}" of {partnership}.\n' +
              "{due, select, none {It has no due date} other {It is due on {due}}}; it is {progress}% done.\n\n" +
              "Get in touch with {person}, or see the action in the shared action plan:\n\n{link}\n",
          },
          {
            name: h.name,
            person: action.person_name,
            title: action.title,
            team: action.team_name,
            priority: action.priority_title,
            partnership: action.partnership_name,
            due: action.due_date ? formatDay(action.due_date) : "none",
            progress: action.progress,
            link: `${deps.config.publicUrl}${plan}`,
          },
        ),
      })),
    );
  }
}
