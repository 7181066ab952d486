/**
 * What a coordinator read through their scope, as the access log keeps it (conveners see it on
 * the members page): the log stores the read's English words, the same since the log began, and
 * each convener reads them in their language. A read this list does not know reads as stored.
 */
import { msg, type Msg } from "./i18n/msg.js";

const reads: Record<string, Msg> = {
  activity: msg({ id: "access.read.activity", defaultMessage: "activity" }),
  "stage checklist": msg({ id: "access.read.stageChecklist", defaultMessage: "stage checklist" }),
  "assessment evidence signals": msg({
    id: "access.read.assessmentSignals",
    defaultMessage: "assessment evidence signals",
  }),
  "assessment round results": msg({
    id: "access.read.assessmentRoundResults",
    defaultMessage: "assessment round results",
  }),
  "assessment results": msg({ id: "access.read.assessmentResults", defaultMessage: "assessment results" }),
  meetings: msg({ id: "access.read.meetings", defaultMessage: "meetings" }),
  "a meeting": msg({ id: "access.read.aMeeting", defaultMessage: "a meeting" }),
  "impact values": msg({ id: "access.read.impactValues", defaultMessage: "impact values" }),
  "impact values (bulk sync)": msg({
    id: "access.read.impactValuesSync",
    defaultMessage: "impact values (bulk sync)",
  }),
  "health panel": msg({ id: "access.read.healthPanel", defaultMessage: "health panel" }),
  members: msg({ id: "access.read.members", defaultMessage: "members" }),
  "live vote": msg({ id: "access.read.liveVote", defaultMessage: "live vote" }),
  "action plan": msg({ id: "access.read.actionPlan", defaultMessage: "action plan" }),
  "a vote round": msg({ id: "access.read.aVoteRound", defaultMessage: "a vote round" }),
  "a priority": msg({ id: "access.read.aPriority", defaultMessage: "a priority" }),
  "an action": msg({ id: "access.read.anAction", defaultMessage: "an action" }),
  portfolio: msg({ id: "access.read.portfolio", defaultMessage: "portfolio" }),
};

const annualReport = /^annual report (\d{4})$/;

/** The words of a logged read, as a message; null for words this list does not know. */
export function accessReadWords(what: string): Msg | null {
  const known = Object.hasOwn(reads, what) ? reads[what] : undefined;
  if (known) return known;
  const year = annualReport.exec(what)?.[1];
  return year
    ? msg({ id: "access.read.annualReport", defaultMessage: "annual report {year}" }, { year })
    : null;
}
