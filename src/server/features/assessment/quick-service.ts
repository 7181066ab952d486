import { scoreAnswers } from "../../../core/assessment-scoring.js";
import type { QuickResponse } from "../../../core/assessment.js";
import { assessmentQuickSaves } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { forbidden } from "../../errors.js";
import { findPartnership } from "../partnerships/service.js";
import { seatIn } from "./policy.js";
import { checkAnswers } from "./round-service.js";
import { currentRubricRow } from "./rubric-service.js";

/** The anonymous quick check: scored against the current rubric and forgotten. */
export async function quickCheck(deps: AppDeps, answers: Record<string, unknown>): Promise<QuickResponse> {
  const rubric = await currentRubricRow(deps);
  const checked = checkAnswers(rubric.content, answers);
  return { version: rubric.version, ...scoreAnswers(rubric.content, checked) };
}

/** Keeps a quick check with a partnership the person belongs to; nothing else is ever stored. */
export async function saveQuickCheck(
  deps: AppDeps,
  actor: Actor,
  partnershipId: string,
  answers: Record<string, unknown>,
) {
  return deps.db.transaction(async (tx) => {
    const partnership = await findPartnership(tx, partnershipId);
    const seat = await seatIn(tx, partnership.id, actor);
    if (!seat)
      throw forbidden(
        msg({
          id: "server.assessment.quickSaveMembersOnly",
          defaultMessage: "You can save a quick check only to a partnership you belong to.",
        }),
      );
    const rubric = await currentRubricRow(deps, tx);
    const checked = checkAnswers(rubric.content, answers);
    const [row] = await tx
      .insert(assessmentQuickSaves)
      .values({
        partnershipId: partnership.id,
        personId: actor.personId,
        rubricVersion: rubric.version,
        sector: seat.sector,
        answers: checked,
        createdAt: deps.now(),
      })
      .returning();
    return {
      id: row.id,
      partnershipId: partnership.id,
      version: rubric.version,
      savedAt: row.createdAt.toISOString(),
    };
  });
}
