import { z } from "zod";
import { organizationKindSchema } from "./organization-kind.js";
import { corePublicKinds, organizationKinds, type OrganizationKind } from "./vocabulary.js";
import { uuidSchema } from "./ids.js";

/** One year of a partnership's life, as counted by the database (see features/health/panel-service.ts). */
export interface HealthYearCounts {
  year: number;
  /** Meetings held (not cancelled, already started), by the year in the meeting's own time zone. */
  meetings: number;
  /** Launch and full partnership meetings with attendance where business people were not the majority. */
  meetingsWithoutBusinessMajority: number;
  /** People at launch, full partnership and action team meetings (support team meetings are all public by design). */
  businessAttendance: number;
  publicAttendance: number;
  actionTeams: number;
  actionTeamsLedByBusiness: number;
  businessMembersAtStart: number;
  businessMembersRetained: number;
  businessMembersAdded: number;
  publicKinds: OrganizationKind[];
}

/** A ratio rounded to three decimals, or null when there is nothing to divide. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

export function healthYear(c: HealthYearCounts) {
  const present = new Set(c.publicKinds);
  return {
    year: c.year,
    meetings: c.meetings,
    meetingsWithoutBusinessMajority: c.meetingsWithoutBusinessMajority,
    attendance: {
      business: c.businessAttendance,
      public: c.publicAttendance,
      businessShare: share(c.businessAttendance, c.businessAttendance + c.publicAttendance),
    },
    actionTeams: {
      total: c.actionTeams,
      ledByBusiness: c.actionTeamsLedByBusiness,
      businessLedShare: share(c.actionTeamsLedByBusiness, c.actionTeams),
    },
    businessMembers: {
      atStart: c.businessMembersAtStart,
      retained: c.businessMembersRetained,
      added: c.businessMembersAdded,
      /** Of the business members at the start of the year, the share still at the table at its end. */
      retentionRate: share(c.businessMembersRetained, c.businessMembersAtStart),
      atEnd: c.businessMembersRetained + c.businessMembersAdded,
    },
    publicKinds: organizationKinds.filter((k) => present.has(k)),
    missingPublicKinds: corePublicKinds.filter((k) => !present.has(k)),
  };
}

/**
 * The panel from yearly counts: years in order, gaps filled with empty years so a chart's axis
 * has no holes, and the shares computed once here for the API and the tests.
 */
export function buildHealthPanel(counts: HealthYearCounts[]) {
  const byYear = new Map(counts.map((c) => [c.year, c]));
  const years = counts.map((c) => c.year);
  if (years.length === 0) return { years: [] };
  const first = Math.min(...years);
  const last = Math.max(...years);
  const out = [];
  for (let year = first; year <= last; year += 1) {
    out.push(
      healthYear(
        byYear.get(year) ?? {
          year,
          meetings: 0,
          meetingsWithoutBusinessMajority: 0,
          businessAttendance: 0,
          publicAttendance: 0,
          actionTeams: 0,
          actionTeamsLedByBusiness: 0,
          businessMembersAtStart: 0,
          businessMembersRetained: 0,
          businessMembersAdded: 0,
          publicKinds: [],
        },
      ),
    );
  }
  return { years: out };
}

const kind = organizationKindSchema;
export const healthYearSchema = z.object({
  year: z.number().int(),
  meetings: z.number().int(),
  meetingsWithoutBusinessMajority: z.number().int(),
  attendance: z.object({
    business: z.number().int(),
    public: z.number().int(),
    businessShare: z.number().nullable(),
  }),
  actionTeams: z.object({
    total: z.number().int(),
    ledByBusiness: z.number().int(),
    businessLedShare: z.number().nullable(),
  }),
  businessMembers: z.object({
    atStart: z.number().int(),
    retained: z.number().int(),
    added: z.number().int(),
    retentionRate: z.number().nullable(),
    atEnd: z.number().int(),
  }),
  publicKinds: z.array(kind),
  missingPublicKinds: z.array(kind),
});
export const healthPanelSchema = z.object({
  partnership: z.object({ id: uuidSchema, slug: z.string(), name: z.string() }),
  years: z.array(healthYearSchema),
});
export type HealthPanel = z.infer<typeof healthPanelSchema>;
export type HealthYear = z.infer<typeof healthYearSchema>;
