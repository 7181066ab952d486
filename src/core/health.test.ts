import { describe, expect, it } from "vitest";
import { buildHealthPanel, share, type HealthYearCounts } from "./health.js";

const year = (y: number, over: Partial<HealthYearCounts> = {}): HealthYearCounts => ({
  year: y,
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
  ...over,
});

describe("the health panel", () => {
  it("rounds shares to three decimals and answers null for nothing", () => {
    expect(share(2, 3)).toBe(0.667);
    expect(share(1, 8)).toBe(0.125);
    expect(share(0, 0)).toBeNull();
  });

  it("computes shares, retention and missing public kinds per year and fills gaps", () => {
    const panel = buildHealthPanel([
      year(2022, {
        meetings: 6,
        meetingsWithoutBusinessMajority: 1,
        businessAttendance: 45,
        publicAttendance: 30,
        actionTeams: 4,
        actionTeamsLedByBusiness: 3,
        businessMembersAtStart: 10,
        businessMembersRetained: 8,
        businessMembersAdded: 5,
        publicKinds: ["postsecondary_education", "workforce_development", "labor"],
      }),
      year(2024, { meetings: 2, businessAttendance: 10, publicAttendance: 10 }),
    ]);
    expect(panel.years.map((y) => y.year)).toEqual([2022, 2023, 2024]);
    expect(panel.years[0]).toEqual({
      year: 2022,
      meetings: 6,
      meetingsWithoutBusinessMajority: 1,
      attendance: { business: 45, public: 30, businessShare: 0.6 },
      actionTeams: { total: 4, ledByBusiness: 3, businessLedShare: 0.75 },
      businessMembers: { atStart: 10, retained: 8, added: 5, retentionRate: 0.8, atEnd: 13 },
      publicKinds: ["workforce_development", "postsecondary_education", "labor"],
      missingPublicKinds: [
        "economic_development",
        "k12_education",
        "community_organization",
        "chamber_of_commerce",
      ],
    });
    expect(panel.years[1].meetings).toBe(0);
    expect(panel.years[1].attendance.businessShare).toBeNull();
    expect(panel.years[2].attendance.businessShare).toBe(0.5);
    expect(buildHealthPanel([])).toEqual({ years: [] });
  });
});
