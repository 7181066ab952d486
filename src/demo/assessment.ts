import type { assessmentResponses, assessmentRounds, assessmentRubrics } from "../db/schema/index.js";
import {
  characteristicKeys,
  MIN_RESPONDENTS,
  statementKeys,
  type RubricContent,
} from "../core/assessment-scoring.js";
import { sectorOf } from "../core/vocabulary.js";
import { rubricV1 } from "../server/features/assessment/rubric-v1.js";
import { rubricV2 } from "../server/features/assessment/rubric-v2.js";
import type { DemoData } from "./generate.js";
import { idFactory, type Random } from "./random.js";
import { formatMonth } from "../core/format.js";

export interface AssessmentDemo {
  rubrics: (typeof assessmentRubrics.$inferInsert)[];
  rounds: (typeof assessmentRounds.$inferInsert & { id: string })[];
  responses: (typeof assessmentResponses.$inferInsert)[];
}

/** Enough partnerships for the community view (5 or more), few enough to keep the national set fast. */
const MAX_PARTNERSHIPS = 20;
const referenceDay = Date.UTC(2026, 9, 1);
const dayMs = 86_400_000;

const clamp = (v: number) => Math.max(0, Math.min(3, Math.round(v)));

/** Version 2 (the published indicators) was released six months before the demo's reference day. */
const v2ReleasedAt = new Date(referenceDay - 180 * dayMs);
const released = [
  { version: 1, content: rubricV1, at: new Date(referenceDay - 800 * dayMs) },
  { version: 2, content: rubricV2, at: v2ReleasedAt },
];

/** The version a round opened at `when` is answered under: the newest released by then. */
function rubricAt(when: Date): { version: number; content: RubricContent } {
  return [...released].reverse().find((r) => r.at <= when) ?? released[0];
}

/**
 * One to three closed self-assessment rounds per demo partnership, about six months apart (the
 * latest on rubric version 2, earlier ones on version 1, so history crosses versions), each
 * answered by three or more business and three or more public members (where the table has them). Scores improve from round to round; in about half the
 * partnerships business and public members see some statements a level or more apart, the gaps
 * the results page flags.
 */
export function generateAssessmentDemo(
  data: DemoData,
  random: Random,
  options: { seed: number },
): AssessmentDemo {
  const nextId = idFactory(options.seed ^ 0x0a55e55);
  const out: AssessmentDemo = {
    rubrics: released.map((r) => ({
      version: r.version,
      status: "published" as const,
      content: r.content,
      createdAt: r.at,
      updatedAt: r.at,
      publishedAt: r.at,
    })),
    rounds: [],
    responses: [],
  };
  const kindOf = new Map(data.organizations.map((o) => [o.id, o.kind]));
  const openerOf = new Map<string, string>();
  const userOfPerson = new Map(data.people.filter((p) => p.userId).map((p) => [p.id, p.userId!]));
  for (const m of data.memberships) {
    const user = userOfPerson.get(m.personId);
    if (m.role === "convener" && user && !openerOf.has(m.partnershipId)) openerOf.set(m.partnershipId, user);
  }

  for (const partnership of data.partnerships.slice(0, MAX_PARTNERSHIPS)) {
    const seats = data.memberships
      .filter((m) => m.partnershipId === partnership.id && !m.leftAt)
      .map((m) => ({
        personId: m.personId,
        sector: sectorOf(m.organizationId ? (kindOf.get(m.organizationId) ?? null) : null, m.role),
      }));
    const business = random.shuffle(seats.filter((s) => s.sector === "business"));
    const publicSeats = random.shuffle(seats.filter((s) => s.sector === "public"));
    if (!business.length || !publicSeats.length) continue;

    // How mature the partnership is on each characteristic (mean level), and where the sides differ.
    const base = new Map(characteristicKeys.map((key) => [key, 0.6 + random.next() * 1.8]));
    const allKeys = [...new Set(released.flatMap((r) => statementKeys(r.content)))];
    const gapStatements = random.chance(0.55)
      ? new Set(random.shuffle(allKeys).slice(0, random.int(2, 6)))
      : new Set();
    const rounds = random.int(1, 3);
    for (let r = 0; r < rounds; r += 1) {
      const closedAt = new Date(referenceDay - (rounds - 1 - r) * 182 * dayMs - random.int(10, 40) * dayMs);
      const openedAt = new Date(closedAt.getTime() - random.int(14, 28) * dayMs);
      const roundId = nextId();
      const rubric = rubricAt(openedAt);
      const keys = statementKeys(rubric.content);
      const characteristicOf = new Map(
        rubric.content.characteristics.flatMap((c) => c.statements.map((s) => [s.key, c.key] as const)),
      );
      out.rounds.push({
        id: roundId,
        partnershipId: partnership.id,
        rubricVersion: rubric.version,
        title: `Self-assessment ${formatMonth(openedAt)}`,
        status: "closed",
        openedBy: openerOf.get(partnership.id) ?? null,
        openedAt,
        closedAt,
      });
      // At least MIN_RESPONDENTS of each sector where the table has them, so the demo shows results.
      const respondents = [
        ...business.slice(0, Math.min(business.length, random.int(MIN_RESPONDENTS, 5))),
        ...publicSeats.slice(0, Math.min(publicSeats.length, random.int(MIN_RESPONDENTS, 4))),
      ];
      for (const person of respondents) {
        const answers: Record<string, number> = {};
        for (const key of keys) {
          const mean = (base.get(characteristicOf.get(key)!) ?? 1.5) + r * 0.35;
          // Public partners rate the flagged statements well below what business leaders see.
          const shift = gapStatements.has(key) ? (person.sector === "business" ? 0.8 : -0.9) : 0;
          answers[key] = clamp(mean + shift + (random.next() - 0.5) * 1.2);
        }
        const answeredAt = new Date(openedAt.getTime() + random.int(1, 12) * dayMs);
        out.responses.push({
          roundId,
          personId: person.personId,
          sector: person.sector,
          answers,
          createdAt: answeredAt,
          updatedAt: answeredAt,
        });
      }
    }
  }
  return out;
}
