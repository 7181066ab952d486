/**
 * The employer value check: a convener opens the year's check (one a year), business members and
 * champions answer (and may replace their answer while it is open), the convener closes it. The
 * closed check's average becomes the year's value of the "Employer value" indicator. Individual
 * answers never leave this file: callers get counts, and aggregates of closed checks with at
 * least MIN_RESPONDENTS answers.
 */
import { businessVoters } from "../agenda/vote-notices.js";
import { and, desc, eq } from "drizzle-orm";
import { businessRoles } from "../../../core/vocabulary.js";
import {
  MIN_RESPONDENTS,
  valueCheckQuestionMessages,
  valueCheckResults,
  type ValueCheck,
  type ValueCheckAnswer,
  type ValueChecks,
} from "../../../core/value-check.js";
import type { IntlShape } from "@formatjs/intl";
import { mailListNameMessages } from "../../../core/mail-lists.js";
import type { Executor } from "../../../db/open.js";
import { employerValueAnswers, employerValueChecks, trackedIndicators } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError } from "../../errors.js";
import { announceDirectoryChange } from "../../lib/change-feed.js";
import { intlFor, readerLocale } from "../../i18n/intl.js";
import type { MailMessage } from "../../lib/mailer.js";
import { unsubscribeLinker } from "../digest/unsubscribe.js";
import { notify } from "../notifications/notify.js";
import { wantingMail } from "../notifications/service.js";
import { impactAccess, requireManage, type ImpactAccess } from "./access.js";
import { EMPLOYER_VALUE } from "./catalog.js";
import { storeMeasurements } from "./store.js";

type CheckRow = typeof employerValueChecks.$inferSelect;

/** The in-app path of a partnership's value check page. */
export const valueCheckPath = (slug: string) => `/p/${slug}/value-check`;

function requireMember(actor: Actor | null, access: ImpactAccess): Actor {
  if (!actor) {
    throw new AppError(
      "unauthenticated",
      msg({
        id: "server.impact.valueCheck.signIn",
        defaultMessage: "Sign in to see the employer value check.",
      }),
    );
  }
  // Members, and coordinators of the partnership's scope (they read what members read).
  if (access.audience !== "member" && !actor.isAdmin) {
    throw new AppError(
      "forbidden",
      msg({
        id: "server.impact.valueCheck.membersOnly",
        defaultMessage: "Only members of this partnership see its employer value check.",
      }),
    );
  }
  return actor;
}

function yearOf(text: string): number {
  const year = Number(text);
  if (year < 1990 || year > 2100) {
    throw fieldError(
      "year",
      msg({ id: "server.impact.valueCheck.field.year", defaultMessage: "must be a year from 1990 to 2100" }),
    );
  }
  return year;
}

async function describe(db: Executor, row: CheckRow, actor: Actor): Promise<ValueCheck> {
  const answers = await db
    .select({ personId: employerValueAnswers.personId, worth: employerValueAnswers.worth })
    .from(employerValueAnswers)
    .where(eq(employerValueAnswers.checkId, row.id));
  return {
    id: row.id,
    year: row.year,
    status: row.status,
    openedAt: row.openedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    answers: answers.length,
    minimum: MIN_RESPONDENTS,
    answered: answers.some((a) => a.personId === actor.personId),
    results: row.status === "closed" ? valueCheckResults(answers.map((a) => a.worth)) : null,
  };
}

async function findCheck(db: Executor, partnershipId: string, year: number): Promise<CheckRow> {
  const [row] = await db
    .select()
    .from(employerValueChecks)
    .where(and(eq(employerValueChecks.partnershipId, partnershipId), eq(employerValueChecks.year, year)));
  if (!row) {
    throw new AppError(
      "not_found",
      msg(
        {
          id: "server.impact.valueCheck.notFound",
          defaultMessage: "The employer value check of {year} was not found.",
        },
        { year: String(year) },
      ),
    );
  }
  return row;
}

export async function listValueChecks(deps: AppDeps, actor: Actor | null, id: string): Promise<ValueChecks> {
  const access = await impactAccess(deps.db, id, actor);
  const member = requireMember(actor, access);
  const rows = await deps.db
    .select()
    .from(employerValueChecks)
    .where(eq(employerValueChecks.partnershipId, access.partnership.id))
    .orderBy(desc(employerValueChecks.year));
  return {
    items: await Promise.all(rows.map((r) => describe(deps.db, r, member))),
    canManage: access.canManage || member.isAdmin,
    canAnswer: access.role !== null && businessRoles.includes(access.role),
  };
}

export async function openValueCheck(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  year: number,
): Promise<ValueCheck> {
  return deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, id, actor);
    const convener = requireManage(actor, access);
    const [row] = await tx
      .insert(employerValueChecks)
      .values({ partnershipId: access.partnership.id, year, openedBy: convener.userId, openedAt: deps.now() })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      const existing = await findCheck(tx, access.partnership.id, year);
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.impact.valueCheck.alreadyOpened",
            defaultMessage: "The employer value check of {year} was already opened; one a year.",
          },
          { year: String(year) },
        ),
        { current: await describe(tx, existing, convener) },
      );
    }
    await tellBusinessMembers(deps, tx, convener, access.partnership, year);
    return describe(tx, row, convener);
  });
}

export async function answerValueCheck(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  yearText: string,
  answer: ValueCheckAnswer,
): Promise<ValueCheck> {
  const year = yearOf(yearText);
  return deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, id, actor);
    const member = requireMember(actor, access);
    if (access.role === null || !businessRoles.includes(access.role)) {
      throw new AppError(
        "forbidden",
        msg({
          id: "server.impact.valueCheck.businessOnly",
          defaultMessage: "Only business members and champions answer the employer value check.",
        }),
      );
    }
    const check = await findCheck(tx, access.partnership.id, year);
    if (check.status !== "open") {
      throw new AppError(
        "conflict",
        msg({
          id: "server.impact.valueCheck.closed",
          defaultMessage: "This employer value check is closed; answers can no longer change.",
        }),
        { current: { status: check.status } },
      );
    }
    const values = { ...answer, answeredAt: deps.now() };
    await tx
      .insert(employerValueAnswers)
      .values({ checkId: check.id, personId: member.personId, ...values })
      .onConflictDoUpdate({
        target: [employerValueAnswers.checkId, employerValueAnswers.personId],
        set: values,
      });
    return describe(tx, check, member);
  });
}

/** Closes the check; with enough answers its average becomes the year's indicator value. */
export async function closeValueCheck(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  yearText: string,
): Promise<ValueCheck> {
  const year = yearOf(yearText);
  const closed = await deps.db.transaction(async (tx) => {
    const access = await impactAccess(tx, id, actor);
    const convener = requireManage(actor, access);
    const check = await findCheck(tx, access.partnership.id, year);
    const [row] = await tx
      .update(employerValueChecks)
      .set({ status: "closed", closedAt: deps.now() })
      .where(and(eq(employerValueChecks.id, check.id), eq(employerValueChecks.status, "open")))
      .returning();
    if (!row) {
      throw new AppError(
        "conflict",
        msg({
          id: "server.impact.valueCheck.alreadyClosed",
          defaultMessage: "This employer value check is already closed.",
        }),
        { current: { status: "closed" } },
      );
    }
    const described = await describe(tx, row, convener);
    if (described.results) {
      await storeMeasurements(
        tx,
        access.partnership.id,
        [
          {
            indicator: EMPLOYER_VALUE,
            period: String(year),
            kind: "actual",
            value: described.results.average,
            visibility: "community",
            source: `Employer value check (${described.answers} answers)`,
          },
        ],
        convener.userId,
        deps.now(),
      );
      await tx
        .insert(trackedIndicators)
        .values({ partnershipId: access.partnership.id, indicatorKey: EMPLOYER_VALUE })
        .onConflictDoNothing();
      await announceDirectoryChange(tx, "impact");
    }
    return described;
  });
  deps.answers.invalidate("impact");
  return closed;
}

/**
 * An in-app notification and an e-mail (for those who kept "vote" e-mails on: the value check is
 * asked of the same people, the business members and champions) with a link to the check.
 */
async function tellBusinessMembers(
  deps: AppDeps,
  tx: Executor,
  actor: Actor,
  partnership: { id: string; slug: string; name: string },
  year: number,
): Promise<void> {
  const members = await businessVoters(tx, partnership.id, actor);
  if (!members.length) return;
  const path = valueCheckPath(partnership.slug);
  const titleIn = (intl: IntlShape) =>
    intl.formatMessage(
      {
        id: "mail.valueCheck.subject",
        defaultMessage: "Is {partnership} worth your time? The {year} employer value check is open",
      },
      { partnership: partnership.name, year: String(year) },
    );
  await notify(
    tx,
    members.map((m) => ({
      userId: m.user_id,
      kind: "value_check_opened",
      title: titleIn(intlFor(readerLocale(m.locale))),
      link: path,
    })),
  );
  const wanting = await wantingMail(
    tx,
    members.map((m) => m.user_id),
    "votes",
  );
  const recipients = members.filter((m) => wanting.has(m.user_id));
  if (!recipients.length) return;
  const links = await unsubscribeLinker(deps, tx);
  const messages: MailMessage[] = recipients.map((m) => {
    const link = links("votes", m.user_id);
    const lang = readerLocale(m.locale);
    const intl = intlFor(lang);
    return {
      to: m.email,
      lang,
      subject: titleIn(intl),
      text: intl.formatMessage(
        {
          id: "mail.valueCheck.body",
          defaultMessage:
            "Hello {name},\n\n" +
            "{actor} opened the {year} employer value check of {partnership}. Three questions, two minutes:\n" +
            "- {worth} (0 to 10)\n- {changed}\n- {toChange}\n\n" +
            "Answer here: {link}\n\n" +
            "Nobody sees your own answer: the partnership sees only the average and how answers spread, " +
            "once the check closes with at least {min} answers. You can change your answer until then.\n\n" +
            "Choose which e-mail you get: {settings}\n" +
            "Stop {list} with one click: {unsubscribe}\n",
        },
        {
          name: m.name,
          actor: actor.name,
          year: String(year),
          partnership: partnership.name,
          worth: intl.formatMessage(valueCheckQuestionMessages.worth),
          changed: intl.formatMessage(valueCheckQuestionMessages.changed),
          toChange: intl.formatMessage(valueCheckQuestionMessages.toChange),
          link: `${deps.config.publicUrl}${path}`,
          min: MIN_RESPONDENTS,
          settings: `${deps.config.publicUrl}/me/settings`,
          list: intl.formatMessage(mailListNameMessages.votes),
          unsubscribe: link.page,
        },
      ),
      unsubscribeUrl: link.oneClick,
    };
  });
  await deps.mailer.enqueueMany(tx, messages);
}
