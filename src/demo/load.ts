import { inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/open.js";
import { eventMaterials, eventRegistrations, events } from "../db/schema/index.js";
import {
  activity,
  assessmentResponses,
  assessmentRounds,
  assessmentRubrics,
  meetingAttendance,
  meetingRsvps,
  meetingGuests,
  meetings,
  memberships,
  organizations,
  partnershipCounties,
  partnershipNaics,
  partnerships,
  people,
  stageSteps,
  users,
} from "../db/schema/index.js";
import { insertRows, withIndexesSetAside } from "../db/bulk-insert.js";
import { hashPassword } from "../server/lib/passwords.js";
import { demoToday, generateAgendaDemo, insertAgendaDemo } from "./agenda.js";
import { defaultSeed, demoAccounts, generateDemoData, type DemoSize } from "./generate.js";
import { generateMeetingsDemo } from "./meetings.js";
import { generateAssessmentDemo } from "./assessment.js";
import { generateImpactData, insertImpactData } from "./impact.js";
import { ensureIndicatorCatalog } from "../server/features/impact/catalog.js";
import { ensureStarterResources } from "../server/features/resources/starter.js";
import { generateResourcesDemo, insertResourcesDemo } from "./resources.js";
import { Random } from "./random.js";
import { generateEventsDemo } from "./events.js";
import { generateDiscussionsDemo, insertDiscussionsDemo } from "./discussions.js";
import { generateProfilesDemo, insertProfilesDemo } from "./profiles.js";
import { demoCoordinator, insertCoordinatorDemo } from "./coordinators.js";
import { insertRegionalTeamDemo } from "./regional-teams.js";
import { generateValueChecksDemo, insertValueChecksDemo } from "./value-checks.js";

export const demoPassword = "demo-password-1";
export const demoSignIns = [
  { role: "Community admin", email: demoAccounts.admin.email, password: demoPassword },
  { role: "Convener", email: demoAccounts.convener.email, password: demoPassword },
  { role: "Business champion", email: demoAccounts.champion.email, password: demoPassword },
  { role: "State coordinator", email: demoCoordinator.email, password: demoPassword },
];

export interface LoadOptions {
  /** "demo" (14 partnerships, the default), "national" (3,000) or a number of partnerships. */
  size?: DemoSize;
  seed?: number;
}

export interface LoadResult {
  partnerships: number;
  organizations: number;
  people: number;
}

const DEMO_LOCK = 727_002;
/** Above this many partnerships the loader sets the big tables' plain indexes aside while it inserts. */
const LARGE_SET = 1000;
/** The tables with the most rows, which nothing reads while the demo set loads. */
const bulkTables = [
  "organizations",
  "people",
  "memberships",
  "measurements",
  "meeting_attendance",
  "meeting_rsvps",
  "activity",
  "action_updates",
  "ballots",
  "ballot_entries",
  "assessment_responses",
];

/**
 * Loads the fictional demo data set with its demo accounts, all or nothing in one transaction.
 * Does nothing (and answers zeros) when a demo account already exists.
 */
export async function loadDemoData(db: Db, options: LoadOptions = {}): Promise<LoadResult> {
  const emails = demoSignIns.map((s) => s.email);
  const none: LoadResult = { partnerships: 0, organizations: 0, people: 0 };
  const existing = await db.select({ id: users.id }).from(users).where(inArray(users.email, emails)).limit(1);
  if (existing.length > 0) return none;

  // scrypt is slow on purpose: hash once and share the hash among the demo accounts.
  const passwordHash = await hashPassword(demoPassword);
  const data = generateDemoData({ size: options.size, seed: options.seed, passwordHash });
  const seed = options.seed ?? defaultSeed;
  const meetingsDemo = generateMeetingsDemo(data, new Random(seed).fork("meetings"), {
    seed,
    light: data.partnerships.length > 100,
  });
  const assessmentDemo = generateAssessmentDemo(data, new Random(seed).fork("assessment"), { seed });
  const impactDemo = generateImpactData(data, new Random(seed).fork("impact"), {
    national: options.size === "national" || options.size === "national10",
  });

  const agendaDemo = generateAgendaDemo(data, new Random(seed).fork("agenda"), {
    seed,
    today: demoToday(),
    light: data.partnerships.length > 100,
  });
  const eventsDemo = generateEventsDemo(data, new Random(seed).fork("events"), { seed, today: demoToday() });
  const discussionsDemo = generateDiscussionsDemo(
    data,
    eventsDemo.users,
    new Random(seed).fork("discussions"),
    {
      seed,
      today: demoToday(),
    },
  );
  const resourcesDemo = generateResourcesDemo(
    data,
    new Random(seed).fork("resources"),
    new Date(`${demoToday()}T12:00:00Z`),
  );
  const profilesDemo = generateProfilesDemo(data, new Random(seed).fork("profiles"), { today: demoToday() });
  const large = data.partnerships.length > LARGE_SET;
  const loaded = await db.transaction(async (tx: Tx) => {
    // Checked again under a lock: two processes starting at once on one database load it once.
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK})`);
    const again = await tx.select({ id: users.id }).from(users).where(inArray(users.email, emails)).limit(1);
    if (again.length > 0) return none;
    // A national-scale set builds the indexes of its biggest tables once, after their rows.
    return large ? withIndexesSetAside(tx, bulkTables, () => insertAll(tx)) : insertAll(tx);
  });
  // Each batch of codes, counties and members moved every card again (triggers, migration
  // 0022), leaving several dead versions of each card and their entries in the cards' indexes:
  // the directory's first pages read through them (at 3,000 partnerships the cards took 5 MB for
  // 1 MB of rows). A large load ends with the cards written once, compact, and counted; their
  // keys (migration 0025) likewise, and then vacuumed, so that a page reads them from the index
  // alone (a table's visibility map is set by vacuum, which vacuum full does not do).
  if (large && loaded.partnerships > 0) {
    await db.execute(sql`vacuum full analyze directory_cards`);
    await db.execute(sql`vacuum full directory_card_keys`);
    await db.execute(sql`vacuum analyze directory_card_keys`);
  }
  return loaded;

  async function insertAll(tx: Tx): Promise<LoadResult> {
    await insertRows(tx, users, data.users);
    await insertRows(tx, partnerships, data.partnerships);
    await insertRows(tx, partnershipNaics, data.partnershipNaics);
    await insertRows(tx, partnershipCounties, data.partnershipCounties);
    await insertRows(tx, organizations, data.organizations);
    await insertRows(tx, people, data.people);
    await insertRows(tx, memberships, data.memberships);
    await insertAgendaDemo(tx, agendaDemo);
    await insertRows(tx, meetings, meetingsDemo.meetings);
    await insertRows(tx, meetingAttendance, meetingsDemo.meetingAttendance);
    await insertRows(tx, meetingGuests, meetingsDemo.meetingGuests);
    await insertRows(tx, meetingRsvps, meetingsDemo.meetingRsvps);
    await insertRows(tx, stageSteps, meetingsDemo.stageSteps);
    await insertRows(tx, activity, meetingsDemo.activity);
    await tx.insert(assessmentRubrics).values(assessmentDemo.rubrics).onConflictDoNothing();
    await insertRows(tx, assessmentRounds, assessmentDemo.rounds);
    await insertRows(tx, assessmentResponses, assessmentDemo.responses);
    await ensureIndicatorCatalog(tx);
    await ensureStarterResources(tx);
    await insertResourcesDemo(tx, resourcesDemo);
    await insertImpactData(tx, impactDemo);
    // After the impact data: a profile features stories the database has just numbered.
    await insertProfilesDemo(tx, profilesDemo);
    await insertRows(tx, users, eventsDemo.users);
    await insertRows(tx, events, eventsDemo.events);
    await insertRows(tx, eventRegistrations, eventsDemo.eventRegistrations);
    await insertRows(tx, eventMaterials, eventsDemo.eventMaterials);
    await insertDiscussionsDemo(tx, discussionsDemo);
    await insertCoordinatorDemo(tx, data, passwordHash, demoAccounts.admin.email);
    await insertRegionalTeamDemo(tx, data, seed);
    await insertValueChecksDemo(
      tx,
      generateValueChecksDemo(data, new Random(seed).fork("value-checks"), { seed, today: demoToday() }),
    );
    return {
      partnerships: data.partnerships.length,
      organizations: data.organizations.length,
      people: data.people.length,
    };
  }
}
