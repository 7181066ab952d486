import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";

const wages = (name: string) => bigint(name, { mode: "number" });

/**
 * BLS QCEW figures as published: one row per (year, quarter, area, ownership, industry, size).
 * `quarter` 0 holds annual averages, 1-4 a quarter, so the primary key needs no nulls.
 * A cell BLS did not disclose (code N, published as 0) is stored as null with `disclosed` false:
 * never as a zero. For a quarter, `employment` is the third month (BLS's quarterly county
 * figure) and the three months are kept too; `avg_annual_pay` is annual only.
 */
export const qcewRows = pgTable(
  "qcew_rows",
  {
    year: smallint("year").notNull(),
    quarter: smallint("quarter").notNull(),
    /** "39049" county, "39000" state, "C1814" metro area, "US000" the nation. */
    areaFips: text("area_fips").notNull(),
    ownCode: smallint("own_code").notNull(),
    industryCode: text("industry_code").notNull(),
    agglvlCode: smallint("agglvl_code").notNull(),
    sizeCode: smallint("size_code").notNull(),
    disclosed: boolean("disclosed").notNull(),
    establishments: integer("establishments").notNull(),
    employment: integer("employment"),
    month1Employment: integer("month1_employment"),
    month2Employment: integer("month2_employment"),
    month3Employment: integer("month3_employment"),
    totalWages: wages("total_wages"),
    taxableWages: wages("taxable_wages"),
    contributions: wages("contributions"),
    avgWeeklyWage: integer("avg_weekly_wage"),
    avgAnnualPay: integer("avg_annual_pay"),

    lqDisclosed: boolean("lq_disclosed").notNull(),
    lqEstablishments: real("lq_establishments"),
    lqEmployment: real("lq_employment"),
    lqMonth1Employment: real("lq_month1_employment"),
    lqMonth2Employment: real("lq_month2_employment"),
    lqMonth3Employment: real("lq_month3_employment"),
    lqTotalWages: real("lq_total_wages"),
    lqTaxableWages: real("lq_taxable_wages"),
    lqContributions: real("lq_contributions"),
    lqAvgWeeklyWage: real("lq_avg_weekly_wage"),
    lqAvgAnnualPay: real("lq_avg_annual_pay"),

    otyDisclosed: boolean("oty_disclosed").notNull(),
    otyEstablishmentsChg: integer("oty_establishments_chg"),
    otyEstablishmentsPctChg: real("oty_establishments_pct_chg"),
    otyEmploymentChg: integer("oty_employment_chg"),
    otyEmploymentPctChg: real("oty_employment_pct_chg"),
    otyMonth1EmploymentChg: integer("oty_month1_employment_chg"),
    otyMonth1EmploymentPctChg: real("oty_month1_employment_pct_chg"),
    otyMonth2EmploymentChg: integer("oty_month2_employment_chg"),
    otyMonth2EmploymentPctChg: real("oty_month2_employment_pct_chg"),
    otyMonth3EmploymentChg: integer("oty_month3_employment_chg"),
    otyMonth3EmploymentPctChg: real("oty_month3_employment_pct_chg"),
    otyTotalWagesChg: wages("oty_total_wages_chg"),
    otyTotalWagesPctChg: real("oty_total_wages_pct_chg"),
    otyTaxableWagesChg: wages("oty_taxable_wages_chg"),
    otyTaxableWagesPctChg: real("oty_taxable_wages_pct_chg"),
    otyContributionsChg: wages("oty_contributions_chg"),
    otyContributionsPctChg: real("oty_contributions_pct_chg"),
    otyAvgWeeklyWageChg: integer("oty_avg_weekly_wage_chg"),
    otyAvgWeeklyWagePctChg: real("oty_avg_weekly_wage_pct_chg"),
    otyAvgAnnualPayChg: integer("oty_avg_annual_pay_chg"),
    otyAvgAnnualPayPctChg: real("oty_avg_annual_pay_pct_chg"),
  },
  (t) => [
    // Its prefix (year, quarter, area) is also what a re-import deletes, and the US rows of a
    // year are found by (year, quarter, 'US000', own, industry).
    primaryKey({
      name: "qcew_rows_pk",
      columns: [t.year, t.quarter, t.areaFips, t.ownCode, t.industryCode, t.sizeCode],
    }),
    // A region profile: these areas, one aggregation level, one year, one ownership, and the
    // figures it sums, so that it reads the index alone (an index-only scan, once the table is
    // vacuumed: autovacuum on PostgreSQL, the importer on PGlite) instead of rows of 50 columns.
    // "Which ownerships have industries here" is one index probe each.
    index("qcew_rows_region_idx").on(
      t.areaFips,
      t.agglvlCode,
      t.year,
      t.quarter,
      t.ownCode,
      t.industryCode,
      t.sizeCode,
      t.employment,
      t.totalWages,
      t.establishments,
      t.otyEmploymentChg,
    ),
  ],
);

/** One imported file: what it held and who brought it in (null from the command line). */
export const qcewImports = pgTable(
  "qcew_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fileName: text("file_name").notNull(),
    year: smallint("year").notNull(),
    /** 0 for annual averages, else 1-4. */
    quarter: smallint("quarter").notNull(),
    /** The area codes the file held (sorted). */
    areas: text("areas").array().notNull(),
    rows: integer("rows").notNull(),
    /** "cli" or "upload". */
    via: text("via", { enum: ["cli", "upload"] }).notNull(),
    importedBy: uuid("imported_by").references(() => users.id, { onDelete: "set null" }),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("qcew_imports_imported_at_idx").on(t.importedAt)],
);
