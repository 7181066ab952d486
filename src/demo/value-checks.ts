/**
 * Demo employer value checks: every partnership with at least 3 business members asked its
 * business members last year (closed, 3 to 8 answers, mostly worth 6-10), and the demo convener's
 * partnership has this year's check open, so its page shows both an aggregate and a check to answer.
 */
import { businessRoles } from "../core/vocabulary.js";
import type { Tx } from "../db/open.js";
import { employerValueAnswers, employerValueChecks } from "../db/schema/index.js";
import { insertRows } from "../db/bulk-insert.js";
import { demoAccounts, type DemoData } from "./generate.js";
import { idFactory, type Random } from "./random.js";

type CheckRow = typeof employerValueChecks.$inferInsert & { id: string };
type AnswerRow = typeof employerValueAnswers.$inferInsert;

export interface ValueChecksDemo {
  checks: CheckRow[];
  answers: AnswerRow[];
}

/** Fewer business members than this and a check's results could not be shown anyway. */
const MIN_BUSINESS = 3;
const MAX_ANSWERS = 8;

const changedTexts = [
  "We hired two apprentices through the college's new program.",
  "Met the plant managers we compete with for welders and now share a training calendar.",
  "Our HR team rewrote job postings with the community college's help.",
  "Found a second source for CNC operators through the workforce board.",
  "Got a seat at the table when the county planned the new transit line.",
  "Shortened time to fill for entry-level roles by about three weeks.",
  "Our supervisors took the shared leadership course.",
  "We now host summer interns from the high school pathway.",
  "",
];
const toChangeTexts = [
  "Shorter meetings, with the decisions sent out the same day.",
  "More follow-through from the public partners between meetings.",
  "Bring in more small employers, not only the large plants.",
  "Evening meetings every other month would help shift managers join.",
  "Share the data on openings before the meeting so we can prepare.",
  "Keep the action teams small and focused.",
  "",
];

/** Scores lean high: most businesses that stay at the table find it worth their time. */
function worthOf(random: Random): number {
  return random.weighted([
    [10, 3],
    [9, 4],
    [8, 5],
    [7, 4],
    [6, 2],
    [5, 1],
    [4, 0.5],
  ] as const);
}

export function generateValueChecksDemo(
  data: Pick<DemoData, "partnerships" | "memberships" | "people" | "users">,
  random: Random,
  options: { seed: number; today: string },
): ValueChecksDemo {
  const nextId = idFactory(options.seed ^ 0x0e7a1c4e);
  const year = Number(options.today.slice(0, 4));
  const userOfPerson = new Map(data.people.map((p) => [p.id, p.userId ?? null]));
  const convenerUser = data.users.find((u) => u.email === demoAccounts.convener.email);
  const convenerPerson = data.people.find((p) => convenerUser && p.userId === convenerUser.id);
  const business = new Map<string, string[]>();
  const convenerOf = new Map<string, string | null>();
  for (const m of data.memberships) {
    if (m.leftAt) continue;
    if (businessRoles.includes(m.role)) {
      const list = business.get(m.partnershipId) ?? [];
      business.set(m.partnershipId, list);
      list.push(m.personId);
    }
    if (m.role === "convener" && !convenerOf.get(m.partnershipId)) {
      convenerOf.set(m.partnershipId, userOfPerson.get(m.personId) ?? null);
    }
  }
  // The demo convener's first partnership (in the generated order) gets this year's open check.
  // A set first: searching the memberships once per partnership is quadratic at national scale.
  const convened = new Set(
    data.memberships
      .filter((m) => m.personId === convenerPerson?.id && m.role === "convener" && !m.leftAt)
      .map((m) => m.partnershipId),
  );
  const convenersOwn = data.partnerships.find((p) => convened.has(p.id));

  const checks: CheckRow[] = [];
  const answers: AnswerRow[] = [];
  for (const p of data.partnerships) {
    const people = business.get(p.id) ?? [];
    if (people.length < MIN_BUSINESS) continue;
    const openedBy = convenerOf.get(p.id) ?? null;
    // Asked in early spring last year, closed four weeks later.
    const openedAt = new Date(Date.UTC(year - 1, 2, random.int(2, 20), 15));
    const closedAt = new Date(openedAt.getTime() + 28 * 86_400_000);
    const closed: CheckRow = {
      id: nextId(),
      partnershipId: p.id,
      year: year - 1,
      status: "closed",
      openedBy,
      openedAt,
      closedAt,
    };
    checks.push(closed);
    const answering = random
      .shuffle(people)
      .slice(0, random.int(MIN_BUSINESS, Math.min(MAX_ANSWERS, people.length)));
    for (const personId of answering) {
      answers.push({
        checkId: closed.id,
        personId,
        worth: worthOf(random),
        changed: random.pick(changedTexts),
        toChange: random.pick(toChangeTexts),
        answeredAt: new Date(openedAt.getTime() + random.int(1, 27) * 86_400_000),
      });
    }
    if (p.id === convenersOwn?.id) {
      checks.push({
        id: nextId(),
        partnershipId: p.id,
        year,
        status: "open",
        openedBy,
        openedAt: new Date(`${options.today}T00:00:00Z`),
        closedAt: null,
      });
    }
  }
  return { checks, answers };
}

export async function insertValueChecksDemo(tx: Tx, demo: ValueChecksDemo): Promise<void> {
  await insertRows(tx, employerValueChecks, demo.checks);
  await insertRows(tx, employerValueAnswers, demo.answers);
}
