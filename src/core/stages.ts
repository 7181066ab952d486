import { z } from "zod";
import { stages, type Stage } from "./vocabulary.js";
import { uuidSchema } from "./ids.js";

export interface StageStep {
  key: string;
  stage: Stage;
  label: string;
  /** The slug of the library resource (a toolkit chapter or template) that explains the step. */
  resource: string;
}

/**
 * The concrete steps of each stage of the Next Gen process (DOMAIN.md, "Stage"). Keys are stored in
 * stage_steps, so they never change once released; labels may be reworded.
 */
export const stageSteps: readonly StageStep[] = [
  {
    key: "conveners_agreed",
    stage: "civic_infrastructure",
    label: "Lead convener or co-conveners agreed",
    resource: "build-your-support-team",
  },
  {
    key: "support_team_formed",
    stage: "civic_infrastructure",
    label: "Support team agreed to work as one team",
    resource: "build-your-support-team",
  },
  {
    key: "partners_mapped",
    stage: "civic_infrastructure",
    label: "Workforce, education and economic development partners at the table",
    resource: "build-your-support-team",
  },
  {
    key: "region_agreed",
    stage: "civic_infrastructure",
    label: "Regional footprint agreed: a labor-market region, not an administrative line",
    resource: "industry-snapshot-example",
  },
  {
    key: "industry_chosen",
    stage: "civic_infrastructure",
    label: "Target industry chosen with data",
    resource: "industry-snapshot-example",
  },
  {
    key: "industry_data_reviewed",
    stage: "prepare",
    label: "Industry data reviewed",
    resource: "industry-snapshot-example",
  },
  {
    key: "champions_recruited",
    stage: "prepare",
    label: "Two to six business champions recruited",
    resource: "prepare-for-launch",
  },
  {
    key: "invitations_sent",
    stage: "prepare",
    label: "Launch invitations sent by the champions, in their names",
    resource: "launch-invitation-letter",
  },
  {
    key: "launch_planned",
    stage: "prepare",
    label: "Launch meeting planned",
    resource: "launch-meeting-agenda",
  },
  { key: "launch_held", stage: "launch", label: "Launch held", resource: "run-a-launch-meeting" },
  {
    key: "public_partners_listened",
    stage: "launch",
    label: "Public partners listened at the launch; business leaders chose",
    resource: "run-a-launch-meeting",
  },
  {
    key: "opportunities_raised",
    stage: "launch",
    label: "Opportunities and challenges raised by business",
    resource: "run-a-launch-meeting",
  },
  { key: "priorities_chosen", stage: "launch", label: "Priorities chosen", resource: "run-a-launch-meeting" },
  {
    key: "action_teams_formed",
    stage: "act",
    label: "Action teams formed with business champions",
    resource: "action-team-charter",
  },
  {
    key: "sixty_day_goals",
    stage: "act",
    label: "Action teams set goals for the next 60 days",
    resource: "action-teams-that-deliver",
  },
  { key: "first_win", stage: "act", label: "First early win delivered", resource: "early-wins-examples" },
  {
    key: "first_report_back",
    stage: "act",
    label: "Action teams reported back at the next full partnership meeting",
    resource: "meeting-report-back",
  },
  {
    key: "follow_up_sent",
    stage: "act",
    label: "A follow-up note to everyone after each meeting",
    resource: "meeting-report-back",
  },
  {
    key: "regular_meetings",
    stage: "sustain",
    label: "Full partnership meets regularly",
    resource: "sustain-and-evolve",
  },
  {
    key: "new_business_members",
    stage: "sustain",
    label: "New business members joined this year",
    resource: "engaging-small-businesses",
  },
  {
    key: "priorities_refreshed",
    stage: "sustain",
    label: "Priorities refreshed this year",
    resource: "sustain-and-evolve",
  },
  {
    key: "impact_told",
    stage: "sustain",
    label: "Impact measured and told",
    resource: "measure-and-tell-your-impact",
  },
];

export const stepKeys = stageSteps.map((s) => s.key);
const stepByKey = new Map(stageSteps.map((s) => [s.key, s]));
export const findStep = (key: string): StageStep | undefined => stepByKey.get(key);

export interface StageProgress {
  stage: Stage;
  done: number;
  total: number;
  complete: boolean;
}

/** How far each stage's checklist is ticked. */
export function checklistProgress(doneKeys: Iterable<string>): StageProgress[] {
  const done = new Set(doneKeys);
  return stages.map((stage) => {
    const steps = stageSteps.filter((s) => s.stage === stage);
    const n = steps.filter((s) => done.has(s.key)).length;
    return { stage, done: n, total: steps.length, complete: n === steps.length };
  });
}

/**
 * The stage a partnership may move to once every step of its current stage is done, or null
 * (not all done yet, or already in the last stage).
 */
export function nextStageOffered(current: Stage, doneKeys: Iterable<string>): Stage | null {
  const index = stages.indexOf(current);
  if (index === stages.length - 1) return null;
  const progress = checklistProgress(doneKeys).find((p) => p.stage === current);
  return progress?.complete ? stages[index + 1] : null;
}

export const stepTickBody = z.strictObject({
  done: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export type StepTickBody = z.infer<typeof stepTickBody>;

export const advanceStageBody = z.strictObject({
  /** The partnership's version the convener saw: a stale move answers 409. */
  version: z.number().int().positive(),
});

/**
 * What the workspace already holds that shows a step may be done: a closed vote round, a launch
 * meeting with attendance, a team led by a business champion. Offered to the convener to tick;
 * never ticked by itself (the convener knows whether it really happened).
 */
export const stepEvidenceSchema = z.object({
  /** In a sentence: "Vote round “Spring priorities” closed on March 3, 2026; 3 priorities chosen". */
  text: z.string(),
  /** Where to see it, an in-app path such as /p/{slug}/agenda/votes/{id}. */
  link: z.string(),
});
export type StepEvidence = z.infer<typeof stepEvidenceSchema>;

export const checklistSchema = z.object({
  partnershipId: uuidSchema,
  stage: z.enum(stages),
  version: z.number().int(),
  stages: z.array(
    z.object({
      stage: z.enum(stages),
      done: z.number().int(),
      total: z.number().int(),
      complete: z.boolean(),
      steps: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          done: z.boolean(),
          doneAt: z.string().nullable(),
          /** Who ticked it: shown to members only. */
          doneBy: z.string().nullable(),
          note: z.string(),
          /** What the workspace shows for the step, or null: shown to members only. */
          evidence: stepEvidenceSchema.nullable(),
          /** The library's resource for the step, when the library has it. */
          resource: z.object({ slug: z.string(), title: z.string() }).nullable(),
        }),
      ),
    }),
  ),
  nextStage: z.enum(stages).nullable(),
  permissions: z.object({ tick: z.boolean() }),
});
export type Checklist = z.infer<typeof checklistSchema>;
