import { msg } from "../../../core/i18n/msg.js";
import { and, eq } from "drizzle-orm";
import type { Action } from "../../../core/agenda.js";
import type { NextStepActionBody } from "../../../core/meetings.js";
import { actionTeams } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { fieldError } from "../../errors.js";
import { createAction } from "../agenda/actions-service.js";
import { authorizeMeetings } from "./policy.js";
import { findMeeting } from "./service.js";

/**
 * Turns a next step agreed at a meeting into an action. The agenda feature owns actions and their
 * rules (who may add them, owners, due dates); this only checks that the team belongs to the
 * meeting's partnership and that the caller may record the meeting.
 */
export async function nextStepToAction(
  deps: AppDeps,
  actor: Actor,
  meetingId: string,
  body: NextStepActionBody,
): Promise<Action> {
  const meeting = await findMeeting(deps.db, meetingId);
  await authorizeMeetings(deps.db, meeting.partnershipId, actor, "write");
  const [team] = await deps.db
    .select({ id: actionTeams.id })
    .from(actionTeams)
    .where(and(eq(actionTeams.id, body.teamId), eq(actionTeams.partnershipId, meeting.partnershipId)));
  if (!team)
    throw fieldError(
      "teamId",
      msg({
        id: "server.meetings.isNotAnActionTeam2",
        defaultMessage: "is not an action team of this partnership",
      }),
    );
  const { teamId, ...action } = body;
  return createAction(deps, actor, teamId, { ...action, status: "planned" });
}
