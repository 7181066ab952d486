/**
 * The demo regional support team: the Northern Front Range (Larimer and Weld counties, Colorado),
 * run by the demo convener with five public partners, three notes, three candidate industries and
 * three of the first stage's steps done. The demo partnership that works in those counties and is
 * still early in the process was started from it. Fixed ids and dates: the same every load.
 */
import { eq, inArray } from "drizzle-orm";
import { copiedStepNote } from "../core/regional-teams.js";
import type { Tx } from "../db/open.js";
import {
  naicsCodes,
  partnerships,
  people,
  regionalTeamCandidates,
  regionalTeamCounties,
  regionalTeamMembers,
  regionalTeamNotes,
  regionalTeamOrganizations,
  regionalTeamSteps,
  regionalTeams,
  stageSteps,
} from "../db/schema/index.js";
import type { OrganizationKind } from "../core/vocabulary.js";
import { demoAccounts, type DemoData } from "./generate.js";
import { idFactory } from "./random.js";

export const demoTeam = {
  name: "Northern Front Range (demo)",
  slug: "northern-front-range-demo",
  regionName: "Northern Front Range",
  counties: ["08069", "08123"],
} as const;

const partners: { organization: string; kind: OrganizationKind; person: string; email: string }[] = [
  {
    organization: "Larimer-Weld Workforce Board",
    kind: "workforce_development",
    person: "Hannah Oyelaran",
    email: "hannah.oyelaran@demo.sharedtable.org",
  },
  {
    organization: "Poudre Valley Community College",
    kind: "postsecondary_education",
    person: "Marcus Lindqvist",
    email: "marcus.lindqvist@demo.sharedtable.org",
  },
  {
    organization: "Northern Colorado Economic Alliance",
    kind: "economic_development",
    person: "Priya Raman",
    email: "priya.raman@demo.sharedtable.org",
  },
  {
    organization: "Front Range Career Pathways (K-12)",
    kind: "k12_education",
    person: "Tomás Echeverría",
    email: "tomas.echeverria@demo.sharedtable.org",
  },
  {
    organization: "Weld Community Foundation",
    kind: "community_organization",
    person: "Grace Whitehorse",
    email: "grace.whitehorse@demo.sharedtable.org",
  },
];

const notes = [
  "**Kick-off.** We agreed to work as one support team for Larimer and Weld counties: one calendar, one ask of employers, no competing advisory boards.",
  "The QCEW ranking puts **hospitals** and **food manufacturing** near the top on concentration and size; construction grows fastest. Priya will bring the employer survey.",
  "Next meeting: bring two names of business leaders per candidate industry who could champion a launch. See the toolkit's *Build your support team* chapter.",
];

const candidates = [
  { code: "622", note: "Largest employer in both counties; nursing and technician shortages." },
  { code: "31-33", note: "Food and beverage, equipment makers: high concentration (LQ above 1.3)." },
  { code: "23", note: "Fast growth with the housing build-out; apprenticeship interest." },
];

const doneSteps = ["conveners_agreed", "support_team_formed", "partners_mapped"];

/** A fixed day, so dates do not move with the clock. */
const day = (iso: string) => new Date(`${iso}T16:00:00Z`);

/**
 * The demo partnership started from the team: one whose counties are all the team's, earliest in
 * the process first (then by name), or none when the data set has none there.
 */
export function startedFromTeam(data: Pick<DemoData, "partnerships" | "partnershipCounties">) {
  const team = new Set<string>(demoTeam.counties);
  const order = ["civic_infrastructure", "prepare", "launch", "act", "sustain"];
  // Counties grouped once: filtering all of them per partnership is quadratic at national scale.
  const countiesOf = new Map<string, string[]>();
  for (const c of data.partnershipCounties) {
    const list = countiesOf.get(c.partnershipId) ?? [];
    countiesOf.set(c.partnershipId, list);
    list.push(c.fips);
  }
  return (
    data.partnerships
      .filter((p) => {
        const fips = countiesOf.get(p.id) ?? [];
        return fips.length > 0 && fips.every((f) => team.has(f));
      })
      .sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage) || a.name.localeCompare(b.name))[0] ??
    null
  );
}

export async function insertRegionalTeamDemo(tx: Tx, data: DemoData, seed: number): Promise<void> {
  const convenerUser = data.users.find((u) => u.email === demoAccounts.convener.email);
  const convener = data.people.find((p) => p.userId === convenerUser?.id);
  if (!convenerUser || !convener) return;
  const nextId = idFactory(seed ^ 0x7ea3);
  const teamId = nextId();
  await tx.insert(regionalTeams).values({
    id: teamId,
    slug: demoTeam.slug,
    name: demoTeam.name,
    regionName: demoTeam.regionName,
    description:
      "Workforce, education, economic development and community partners of Larimer and Weld counties, choosing the industries to build partnerships around (fictional demo data).",
    stateFips: "08",
    createdBy: convenerUser.id,
    createdAt: day("2026-03-02"),
    updatedAt: day("2026-05-18"),
  });
  await tx
    .insert(regionalTeamCounties)
    .values(demoTeam.counties.map((fips) => ({ teamId, fips, stateFips: fips.slice(0, 2) })));
  const orgs = partners.map((p) => ({ ...p, id: nextId(), personId: nextId() }));
  await tx.insert(regionalTeamOrganizations).values(
    orgs.map((o) => ({
      id: o.id,
      teamId,
      name: o.organization,
      kind: o.kind,
      createdAt: day("2026-03-02"),
    })),
  );
  await tx.insert(people).values(orgs.map((o) => ({ id: o.personId, name: o.person, email: o.email })));
  await tx.insert(regionalTeamMembers).values([
    { id: nextId(), teamId, personId: convener.id, role: "convener" as const, joinedAt: day("2026-03-02") },
    ...orgs.map((o, i) => ({
      id: nextId(),
      teamId,
      personId: o.personId,
      organizationId: o.id,
      // The workforce board co-convenes, as boards often do.
      role: i === 0 ? ("convener" as const) : ("partner" as const),
      joinedAt: day("2026-03-09"),
    })),
  ]);
  await tx.insert(regionalTeamNotes).values(
    notes.map((body, i) => ({
      id: nextId(),
      teamId,
      authorId: convenerUser.id,
      body,
      createdAt: day(`2026-0${3 + i}-1${i}`),
      updatedAt: day(`2026-0${3 + i}-1${i}`),
    })),
  );
  const titles = new Map(
    (
      await tx
        .select({ code: naicsCodes.code, title: naicsCodes.title })
        .from(naicsCodes)
        .where(
          inArray(
            naicsCodes.code,
            candidates.map((c) => c.code),
          ),
        )
    ).map((r) => [r.code, r.title]),
  );
  const known = candidates.filter((c) => titles.has(c.code));
  if (known.length > 0)
    await tx.insert(regionalTeamCandidates).values(
      known.map((c, i) => ({
        id: nextId(),
        teamId,
        naicsCode: c.code,
        title: titles.get(c.code) ?? c.code,
        note: c.note,
        addedBy: convenerUser.id,
        createdAt: day(`2026-04-0${i + 1}`),
        updatedAt: day(`2026-04-0${i + 1}`),
      })),
    );
  const steps = doneSteps.map((stepKey, i) => ({
    stepKey,
    doneAt: day(`2026-03-${String(9 + 7 * i).padStart(2, "0")}`),
    doneBy: convenerUser.id,
  }));
  await tx.insert(regionalTeamSteps).values(steps.map((s) => ({ ...s, teamId })));

  const started = startedFromTeam(data);
  if (!started) return;
  await tx.update(partnerships).set({ regionalTeamId: teamId }).where(eq(partnerships.id, started.id));
  // The partnership's checklist says the team did these steps, as one started from it would.
  for (const s of steps)
    await tx
      .insert(stageSteps)
      .values({ partnershipId: started.id, ...s, note: copiedStepNote(demoTeam.name) })
      .onConflictDoNothing();
}
