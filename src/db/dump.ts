import { getTableName, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { FileStore } from "./files.js";
import type { Db } from "./open.js";
import { queryRows } from "./query.js";
import * as schema from "./schema/index.js";

/** Every table, parents before children, so an import can insert in this order. */
export const tablesInOrder = [
  schema.states,
  schema.counties,
  schema.naicsCodes,
  schema.users,
  schema.sessions,
  schema.apiTokens,
  schema.passwordResets,
  schema.loginThrottle,
  schema.resetRequests,
  schema.loginIpThrottle,
  schema.signInLinks,
  schema.signInLinkRequests,
  schema.emailChanges,
  schema.userIdentities,
  schema.ssoLogins,
  schema.ssoDomains,
  schema.outbox,
  schema.regionalTeams,
  schema.partnerships,
  schema.partnershipNaics,
  schema.partnershipCounties,
  schema.partnershipRevisions,
  schema.organizations,
  schema.people,
  schema.regionalTeamCounties,
  schema.regionalTeamOrganizations,
  schema.regionalTeamMembers,
  schema.regionalTeamNotes,
  schema.regionalTeamCandidates,
  schema.regionalTeamSteps,
  schema.memberships,
  schema.invitations,
  schema.opportunities,
  schema.voteRounds,
  schema.voteRoundItems,
  schema.ballots,
  schema.ballotEntries,
  schema.priorities,
  schema.actionTeams,
  schema.actionTeamMembers,
  schema.actions,
  schema.actionUpdates,
  schema.actionLinks,
  schema.agendaRevisions,
  schema.meetings,
  schema.meetingAttendance,
  schema.meetingGuests,
  schema.meetingRsvps,
  schema.liveVotes,
  schema.meetingFeeds,
  schema.meetingFiles,
  schema.stageSteps,
  schema.activity,
  schema.follows,
  schema.reminderLog,
  schema.notifications,
  schema.mailPreferences,
  schema.assessmentRubrics,
  schema.assessmentRounds,
  schema.assessmentResponses,
  schema.assessmentQuickSaves,
  schema.indicators,
  schema.trackedIndicators,
  schema.measurements,
  schema.measurementRevisions,
  schema.measurementDeletions,
  schema.impactStories,
  schema.impactSettings,
  schema.employerValueChecks,
  schema.employerValueAnswers,
  schema.coordinatorScopes,
  schema.coordinatorScopeCounties,
  schema.coordinatorAccessLog,
  schema.benchmarkProfiles,
  schema.benchmarkProfileRevisions,
  schema.events,
  schema.eventRegistrations,
  schema.eventMaterials,
  schema.eventMaterialFiles,
  schema.resources,
  schema.resourceFiles,
  schema.resourceTranslations,
  schema.discussionThreads,
  schema.discussionReplies,
  schema.discussionReports,
  schema.threadFollows,
  schema.directoryListings,
  schema.connectRequests,
  schema.jobs,
  schema.appSecrets,
  schema.qcewImports,
  schema.qcewRows,
  schema.industryShortlists,
  schema.industryShortlistItems,
  schema.industryShortlistMembers,
].map((t): string => getTableName(t));

export function allSchemaTables(): string[] {
  return Object.values(schema as Record<string, unknown>)
    .filter((v): v is PgTable => v instanceof PgTable)
    .map((t) => getTableName(t));
}

/**
 * Tables built from other tables by triggers (migration 0022's directory cards, 0025's keys of
 * those cards, 0023's agenda stamps): not exported, since importing the rows they come from
 * builds them again.
 */
export const derivedTables: ReadonlySet<string> = new Set([
  getTableName(schema.directoryCards),
  getTableName(schema.directoryCardKeys),
  getTableName(schema.agendaStamps),
]);

const referenceTables = new Set(["states", "counties", "naics_codes"]);

export const dumpSchema = z.object({
  format: z.literal("shared-table-export"),
  version: z.literal(1),
  exportedAt: z.string(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type Dump = z.infer<typeof dumpSchema>;

/** Tables whose rows name a file that may be kept on disk (src/db/files.ts). */
const fileTables = new Set(["resource_files", "event_material_files", "meeting_files"]);

/**
 * The whole database as one JSON document; PostgreSQL's own JSON keeps every type exact. Files
 * kept on disk are read into their rows, so the export alone holds everything.
 */
export async function exportDatabase(db: Db, files?: FileStore): Promise<Dump> {
  const tables: Dump["tables"] = {};
  for (const name of tablesInOrder) {
    const [row] = await queryRows<{ rows: Record<string, unknown>[] }>(
      db,
      sql`select coalesce(json_agg(t order by t), '[]'::json) as rows from ${sql.identifier(name)} t`,
    );
    const rows = row?.rows ?? [];
    if (fileTables.has(name)) {
      for (const r of rows) {
        if (r.bytes !== null || typeof r.sha256 !== "string") continue;
        if (!files) throw new Error(`${name} has files on disk: export them with the server's file store`);
        // bytea's own text form, as json_agg writes the bytes kept in the database.
        r.bytes = `\\x${(await files.read({ sha256: r.sha256, bytes: null })).toString("hex")}`;
      }
    }
    tables[name] = rows;
  }
  return { format: "shared-table-export", version: 1, exportedAt: new Date().toISOString(), tables };
}

/**
 * Loads an export into a database that holds no data yet (reference data is replaced by the
 * file's). One transaction: a failure leaves the database as it was.
 */
export async function importDatabase(db: Db, input: unknown): Promise<Record<string, number>> {
  const dump = dumpSchema.parse(input);
  const unknown = Object.keys(dump.tables).filter((t) => !tablesInOrder.includes(t));
  if (unknown.length)
    throw new Error(`The file has tables this version does not know: ${unknown.join(", ")}`);
  return db.transaction(async (tx) => {
    for (const name of tablesInOrder) {
      if (referenceTables.has(name)) continue;
      const [row] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from ${sql.identifier(name)}`,
      );
      if ((row?.n ?? 0) > 0) {
        throw new Error(`The database is not empty (table ${name} has rows). Import into a new database.`);
      }
    }
    const counts: Record<string, number> = {};
    for (const name of [...tablesInOrder].reverse()) {
      if (referenceTables.has(name) && dump.tables[name])
        await tx.execute(sql`delete from ${sql.identifier(name)}`);
    }
    for (const name of tablesInOrder) {
      const rows = dump.tables[name] ?? [];
      counts[name] = rows.length;
      for (let i = 0; i < rows.length; i += 1000) {
        const chunk = JSON.stringify(rows.slice(i, i + 1000));
        await tx.execute(
          sql`insert into ${sql.identifier(name)} select * from json_populate_recordset(null::${sql.identifier(name)}, ${chunk}::json)`,
        );
      }
    }
    return counts;
  });
}
