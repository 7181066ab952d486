import { and, asc, desc, eq, isNotNull, isNull, ne } from "drizzle-orm";
import type {
  HistoryResponse,
  OpenRoundBody,
  ResultsResponse,
  RoundDetail,
  RoundSummary,
} from "../../../core/assessment.js";
import {
  answerProblems,
  changeSince,
  MIN_RESPONDENTS,
  scoreResponses,
  type Answers,
  type Change,
  type CharacteristicKey,
  type RubricContent,
} from "../../../core/assessment-scoring.js";
import { sectorOf } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import {
  assessmentQuickSaves,
  assessmentResponses,
  assessmentRounds,
  memberships,
  organizations,
  people,
  users,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldsDetail, forbidden } from "../../errors.js";
import { intlFor, readerLocale } from "../../i18n/intl.js";
import { readRole, scopeRead } from "../coordinators/scope.js";
import { findPartnership } from "../partnerships/service.js";
import {
  findRound,
  mayManageRounds,
  requireMembers,
  requireRoundVisible,
  roundNotFound,
  seatIn,
} from "./policy.js";
import { currentRubricRow, rubricContent, rubricTexts } from "./rubric-service.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { formatMonth } from "../../../core/format.js";

type RoundRow = typeof assessmentRounds.$inferSelect;

/** PostgreSQL's unique_violation, as raised by pg and by PGlite (possibly wrapped by Drizzle). */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

function summary(round: RoundRow, respondents: number): RoundSummary {
  return {
    id: round.id,
    partnershipId: round.partnershipId,
    title: round.title,
    version: round.rubricVersion,
    status: round.status,
    openedAt: round.openedAt.toISOString(),
    closedAt: round.closedAt?.toISOString() ?? null,
    respondents,
  };
}

/** Refuses answers that do not fit the rubric, naming every bad field at once. */
export function checkAnswers(rubric: RubricContent, answers: Record<string, unknown>): Answers {
  const problems = answerProblems(rubric, answers);
  if (problems.length) {
    throw new AppError("bad_request", fieldsDetail(problems), {
      errors: problems,
    });
  }
  return answers as Answers;
}

async function responsesOf(tx: Executor, roundId: string) {
  return tx
    .select({
      personId: assessmentResponses.personId,
      sector: assessmentResponses.sector,
      answers: assessmentResponses.answers,
      updatedAt: assessmentResponses.updatedAt,
    })
    .from(assessmentResponses)
    .where(eq(assessmentResponses.roundId, roundId));
}

/** Opens a round under the current rubric and e-mails every member with an address. */
export async function openRound(deps: AppDeps, actor: Actor, partnershipId: string, body: OpenRoundBody) {
  const result = await deps.db.transaction(async (tx) => {
    const partnership = await findPartnership(tx, partnershipId);
    const seat = await seatIn(tx, partnership.id, actor);
    if (!mayManageRounds(actor, seat)) {
      throw forbidden(
        msg({
          id: "server.assessment.openConvenersOnly",
          defaultMessage: "Only a convener of this partnership may open an assessment round.",
        }),
      );
    }
    const [open] = await tx
      .select({ id: assessmentRounds.id })
      .from(assessmentRounds)
      .where(and(eq(assessmentRounds.partnershipId, partnership.id), eq(assessmentRounds.status, "open")));
    if (open) {
      throw new AppError(
        "conflict",
        msg({
          id: "server.assessment.roundAlreadyOpen",
          defaultMessage: "A round is already open; close it before opening another.",
        }),
        { current: { id: open.id } },
      );
    }
    const rubric = await currentRubricRow(deps, tx);
    const now = deps.now();
    const title = body.title ?? `Self-assessment ${formatMonth(now)}`;
    // The partial unique index settles two conveners opening at the same moment: one wins.
    const [round] = await tx
      .insert(assessmentRounds)
      .values({
        partnershipId: partnership.id,
        rubricVersion: rubric.version,
        title,
        openedBy: actor.userId,
        openedAt: now,
      })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) {
          throw new AppError(
            "conflict",
            msg({
              id: "server.assessment.roundJustOpened",
              defaultMessage: "A round was opened a moment ago; answer that one.",
            }),
          );
        }
        throw error;
      });
    const invitees = await tx
      .select({ name: people.name, email: people.email, locale: users.locale })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .leftJoin(users, and(eq(users.id, people.userId), isNull(users.deletedAt)))
      .where(
        and(
          eq(memberships.partnershipId, partnership.id),
          isNull(memberships.leftAt),
          isNotNull(people.email),
          ne(people.id, actor.personId),
        ),
      );
    const link = `${deps.config.publicUrl}/assessments/${round.id}`;
    const questions = rubric.content.characteristics.reduce((n, c) => n + c.statements.length, 0);
    for (const person of invitees) {
      const lang = readerLocale(person.locale);
      const intl = intlFor(lang);
      const values = { name: person.name, actor: actor.name, partnership: partnership.name, questions, link };
      await deps.mailer.enqueue(tx, {
        to: person.email!,
        lang,
        subject: intl.formatMessage(
          {
            id: "mail.assessmentRound.subject",
            defaultMessage: "{partnership}: is our partnership Next Gen? ({questions} questions)",
          },
          values,
        ),
        text: [
          intl.formatMessage(
            {
              id: "mail.assessmentRound.opening",
              defaultMessage:
                "Hello {name},\n\n{actor} asks the members of {partnership} to assess the partnership " +
                "against the indicators of a Next Gen Sector Partnership. It takes about ten minutes.",
            },
            values,
          ),
          // The convener's own words, as they wrote them.
          body.message ?? "",
          intl.formatMessage(
            {
              id: "mail.assessmentRound.closing",
              defaultMessage:
                "Answer here (you can change your answers until the round closes):\n\n{link}\n\n" +
                "Your individual answers are never shown to other members; the partnership sees only the combined results.\n",
            },
            values,
          ),
        ]
          .filter(Boolean)
          .join("\n\n"),
      });
    }
    return { ...summary(round, 0), invited: invitees.length };
  });
  deps.mailer.deliverSoon();
  return result;
}

export async function roundDetail(deps: AppDeps, actor: Actor | null, id: string): Promise<RoundDetail> {
  const { round, partnershipName, partnershipSlug } = await findRound(deps.db, id);
  const seat = await seatIn(deps.db, round.partnershipId, actor);
  requireRoundVisible(actor, seat);
  const responses = await responsesOf(deps.db, round.id);
  const mine = actor ? responses.find((r) => r.personId === actor.personId) : undefined;
  const canManage = mayManageRounds(actor, seat);
  let members: RoundDetail["members"] = null;
  if (canManage) {
    const answered = new Set(responses.map((r) => r.personId));
    const rows = await deps.db
      .select({ personId: people.id, name: people.name, role: memberships.role, kind: organizations.kind })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(and(eq(memberships.partnershipId, round.partnershipId), isNull(memberships.leftAt)))
      .orderBy(asc(people.name));
    members = rows.map((r) => ({
      personId: r.personId,
      name: r.name,
      sector: sectorOf(r.kind, r.role),
      answered: answered.has(r.personId),
    }));
  }
  const [saved] =
    actor && seat && !mine
      ? await deps.db
          .select({ answers: assessmentQuickSaves.answers })
          .from(assessmentQuickSaves)
          .where(
            and(
              eq(assessmentQuickSaves.partnershipId, round.partnershipId),
              eq(assessmentQuickSaves.personId, actor.personId),
              eq(assessmentQuickSaves.rubricVersion, round.rubricVersion),
            ),
          )
          .orderBy(desc(assessmentQuickSaves.createdAt))
          .limit(1)
      : [];
  return {
    ...summary(round, responses.length),
    savedQuickCheck: saved?.answers ?? null,
    partnershipName,
    partnershipSlug,
    canManage,
    canRespond: seat !== null && round.status === "open",
    myAnswers: mine?.answers ?? null,
    myAnsweredAt: mine?.updatedAt.toISOString() ?? null,
    members,
  };
}

/** A member's one response; replaced while the round is open. */
export async function respond(deps: AppDeps, actor: Actor, id: string, answers: Record<string, unknown>) {
  return deps.db.transaction(async (tx) => {
    const { round } = await findRound(tx, id);
    const seat = await seatIn(tx, round.partnershipId, actor);
    if (!seat) {
      throw forbidden(
        msg({
          id: "server.assessment.answerMembersOnly",
          defaultMessage: "Only members of this partnership may answer its self-assessment.",
        }),
      );
    }
    // Lock the round so a close cannot slip between this check and the write.
    const [locked] = await tx
      .select({ status: assessmentRounds.status })
      .from(assessmentRounds)
      .where(eq(assessmentRounds.id, round.id))
      .for("update");
    if (locked?.status !== "open") {
      throw new AppError(
        "conflict",
        msg({
          id: "server.assessment.roundClosedNoChanges",
          defaultMessage: "This round is closed; answers can no longer change.",
        }),
        { current: { status: "closed" } },
      );
    }
    const checked = checkAnswers(await rubricContent(tx, round.rubricVersion), answers);
    const now = deps.now();
    await tx
      .insert(assessmentResponses)
      .values({
        roundId: round.id,
        personId: actor.personId,
        sector: seat.sector,
        answers: checked,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [assessmentResponses.roundId, assessmentResponses.personId],
        set: { answers: checked, sector: seat.sector, updatedAt: now },
      });
    return { roundId: round.id, answeredAt: now.toISOString(), sector: seat.sector };
  });
}

export async function closeRound(deps: AppDeps, actor: Actor, id: string): Promise<RoundSummary> {
  return deps.db.transaction(async (tx) => {
    const { round } = await findRound(tx, id);
    const seat = await seatIn(tx, round.partnershipId, actor);
    requireRoundVisible(actor, seat);
    if (!mayManageRounds(actor, seat)) {
      throw forbidden(
        msg({
          id: "server.assessment.closeConvenersOnly",
          defaultMessage: "Only a convener may close the round.",
        }),
      );
    }
    const [closed] = await tx
      .update(assessmentRounds)
      .set({ status: "closed", closedAt: deps.now(), closedBy: actor.userId })
      .where(and(eq(assessmentRounds.id, round.id), eq(assessmentRounds.status, "open")))
      .returning();
    if (!closed) {
      throw new AppError(
        "conflict",
        msg({ id: "server.assessment.roundAlreadyClosed", defaultMessage: "This round is already closed." }),
        { current: { status: "closed" } },
      );
    }
    return summary(closed, (await responsesOf(tx, round.id)).length);
  });
}

/** A closed round scored, with its version's texts in the reader's language (scores read keys only). */
async function scoredRound(tx: Executor, round: RoundRow, locale: AppLocale) {
  const rubric = await rubricTexts(tx, round.rubricVersion, locale);
  const responses = await responsesOf(tx, round.id);
  return { rubric, results: scoreResponses(rubric, responses) };
}

/** A change with the names of the characteristics it could not compare, from the rubric that holds each. */
function namedChange(change: Change, rubric: RubricContent, previous: RubricContent | undefined) {
  const name = (key: CharacteristicKey) =>
    [rubric, previous].flatMap((r) => r?.characteristics ?? []).find((c) => c.key === key)?.name ?? key;
  return { ...change, notCompared: change.notCompared.map((n) => ({ ...n, name: name(n.key) })) };
}

async function closedRoundsOf(tx: Executor, partnershipId: string) {
  return tx
    .select()
    .from(assessmentRounds)
    .where(and(eq(assessmentRounds.partnershipId, partnershipId), eq(assessmentRounds.status, "closed")))
    .orderBy(asc(assessmentRounds.closedAt));
}

/**
 * A closed round's results, for the partnership's members only; individual answers never leave,
 * and a group with too few respondents shows nothing but its count (`scoreResponses`).
 */
export async function roundResults(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  locale: AppLocale,
): Promise<ResultsResponse> {
  const { round, partnershipName, partnershipSlug } = await findRound(deps.db, id);
  const seat = await seatIn(deps.db, round.partnershipId, actor);
  // A coordinator of its scope reads the same aggregates as a member (logged); never an answer.
  if (!seat && !(await scopeRead(deps.db, round.partnershipId, actor, "assessment round results"))) {
    if (!actor) {
      throw new AppError(
        "unauthenticated",
        msg({ id: "server.assessment.signInToSeeResults", defaultMessage: "Sign in to see the results." }),
      );
    }
    throw roundNotFound();
  }
  if (round.status !== "closed") {
    throw new AppError(
      "conflict",
      msg({
        id: "server.assessment.resultsAfterClose",
        defaultMessage: "Results appear when the convener closes the round.",
      }),
      { current: { status: round.status } },
    );
  }
  const { rubric, results } = await scoredRound(deps.db, round, locale);
  const closed = await closedRoundsOf(deps.db, round.partnershipId);
  const index = closed.findIndex((r) => r.id === round.id);
  const previousRound = index > 0 ? closed[index - 1] : undefined;
  const previousScored = previousRound ? await scoredRound(deps.db, previousRound, locale) : undefined;
  const previous = previousScored?.results;
  const text = new Map(rubric.characteristics.flatMap((c) => c.statements.map((s) => [s.key, s.text])));
  const characteristicOf = new Map(
    rubric.characteristics.flatMap((c) => c.statements.map((s) => [s.key, c.key] as const)),
  );
  return {
    roundId: round.id,
    title: round.title,
    partnershipId: round.partnershipId,
    partnershipName,
    partnershipSlug,
    closedAt: round.closedAt?.toISOString() ?? null,
    version: round.rubricVersion,
    respondents: results.respondents,
    minimum: MIN_RESPONDENTS,
    visibility: results.visibility,
    overall: results.overall,
    band: results.band,
    characteristics: results.characteristics.map((c) => ({
      ...c,
      name: rubric.characteristics.find((x) => x.key === c.key)?.name ?? c.key,
    })),
    statements: results.statements.map((s) => ({ ...s, characteristic: characteristicOf.get(s.key)! })),
    gaps: results.gaps.map((g) => ({ ...g, text: text.get(g.statement) ?? g.statement })),
    previous: previousRound
      ? {
          roundId: previousRound.id,
          title: previousRound.title,
          closedAt: previousRound.closedAt?.toISOString() ?? null,
          version: previousRound.rubricVersion,
          overall: previous?.overall ?? null,
        }
      : null,
    change: namedChange(changeSince(previous, results), rubric, previousScored?.rubric),
  };
}

/** The partnership's rounds: the open one, and every closed one with its scores and change. */
export async function history(
  deps: AppDeps,
  actor: Actor | null,
  partnershipId: string,
  locale: AppLocale,
): Promise<HistoryResponse> {
  const partnership = await findPartnership(deps.db, partnershipId);
  const role = await readRole(deps.db, partnership.id, actor, "assessment results");
  requireMembers(
    actor,
    role,
    msg({
      id: "server.assessment.historyMembersOnly",
      defaultMessage: "Only members of this partnership may see its self-assessments.",
    }),
  );
  const rounds = await deps.db
    .select()
    .from(assessmentRounds)
    .where(eq(assessmentRounds.partnershipId, partnership.id))
    .orderBy(asc(assessmentRounds.openedAt));
  const open = rounds.find((r) => r.status === "open");
  const closed: HistoryResponse["closed"] = [];
  let previous: { results: ReturnType<typeof scoreResponses>; rubric: RubricContent } | undefined;
  for (const round of rounds.filter((r) => r.status === "closed")) {
    const { rubric, results } = await scoredRound(deps.db, round, locale);
    const { overall, comparison, notCompared } = namedChange(
      changeSince(previous?.results, results),
      rubric,
      previous?.rubric,
    );
    closed.push({
      ...summary(round, results.respondents.all),
      visibility: results.visibility.all,
      overall: results.overall,
      band: results.band,
      characteristics: results.characteristics.map((c) => ({ key: c.key, all: c.all })),
      change: { overall, comparison, notCompared },
    });
    previous = { results, rubric };
  }
  closed.reverse();
  return {
    partnershipId: partnership.id,
    minimum: MIN_RESPONDENTS,
    canOpen: mayManageRounds(actor, role ? { role, sector: "public" } : null),
    open: open ? summary(open, (await responsesOf(deps.db, open.id)).length) : null,
    closed,
  };
}
