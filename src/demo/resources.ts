import type { ResourceBody } from "../core/resources.js";
import type { Executor } from "../db/open.js";
import { resources } from "../db/schema/index.js";
import { searchVector } from "../server/features/resources/search.js";
import { demoAccounts, type DemoData } from "./generate.js";
import type { Random } from "./random.js";

export interface DemoSuggestion extends Omit<ResourceBody, "url"> {
  slug: string;
  suggestedBy: string;
  createdAt: Date;
}

/**
 * Two resources suggested by demo members, waiting in the admins' review list, so the review
 * flow can be tried at once. The published library itself is the starter library.
 */
export function generateResourcesDemo(data: DemoData, random: Random, today: Date): DemoSuggestion[] {
  const userOf = (email: string) => data.users.find((u) => u.email === email)?.id;
  const convener = userOf(demoAccounts.convener.email);
  const champion = userOf(demoAccounts.champion.email);
  const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000);
  const out: DemoSuggestion[] = [];
  if (convener)
    out.push({
      slug: "demo-employer-survey-before-launch",
      title: "Our five-question employer survey before the launch",
      kind: "template",
      stage: "prepare",
      topics: ["business_engagement", "industry_data"],
      audience: ["convener"],
      summary: "The short survey we sent to 60 manufacturers before our launch; 31 answered in a week.",
      body: "1. What would most help your company grow in the next three years?\n2. Which jobs are hardest to fill?\n3. How long does it take to hire for them?\n4. Which partners do you already work with?\n5. Would you come to a two-hour meeting of industry leaders?",
      suggestedBy: convener,
      createdAt: daysAgo(random.int(2, 9)),
    });
  if (champion)
    out.push({
      slug: "demo-plant-tour-checklist",
      title: "Checklist for hosting a teacher tour at a plant",
      kind: "example",
      stage: "act",
      topics: ["action_teams", "business_engagement"],
      audience: ["business_leader"],
      summary:
        "What our plant prepares when 20 teachers visit: safety, stations, a lunch with young employees.",
      body: "- Safety glasses and a short safety talk\n- Four stations, ten minutes each\n- Lunch with employees hired in the last two years\n- A one-page sheet of jobs, wages and training paths",
      suggestedBy: champion,
      createdAt: daysAgo(random.int(1, 5)),
    });
  return out;
}

export async function insertResourcesDemo(tx: Executor, rows: readonly DemoSuggestion[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(resources)
    .values(
      rows.map((r) => ({
        ...r,
        status: "suggested" as const,
        updatedAt: r.createdAt,
        search: searchVector(r),
      })),
    )
    .onConflictDoNothing({ target: resources.slug });
}
