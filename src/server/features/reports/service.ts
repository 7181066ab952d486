/**
 * The annual outcomes report of a scope and a year (issue 14). Who may read which partnerships
 * is decided by selectPartnerships (the community admin: any; a coordinator: their own scopes);
 * a coordinator's read of members-only values is logged for each partnership's conveners.
 */
import type { AnnualReport, AnnualReportQuery } from "../../../core/annual-report.js";
import { countByStage, valueCheckSummary } from "../../../core/annual-report.js";
import type { Actor, AppDeps } from "../../deps.js";
import { logScopeReads, selectPartnerships } from "../coordinators/selection.js";
import { loadCatalog } from "../impact/indicators-service.js";
import { readReportRows } from "./data.js";
import { coverSummary, partnershipSections } from "./summary.js";

function emptyReport(scope: string, year: number, now: Date, note: string): AnnualReport {
  return {
    year,
    scope,
    generatedAt: now.toISOString(),
    note,
    summary: {
      partnerships: 0,
      byStage: countByStage([]),
      businessesEngaged: 0,
      outcomes: [],
      funding: [],
      valueCheck: valueCheckSummary([]),
      partnershipsReporting: 0,
    },
    partnerships: [],
  };
}

export async function buildAnnualReport(
  deps: AppDeps,
  actor: Actor,
  query: AnnualReportQuery,
): Promise<AnnualReport> {
  const { year, ...selection } = query;
  const selected = await selectPartnerships(deps.db, actor, selection);
  const now = deps.now();
  if (selected.partnershipIds.length === 0) {
    const none =
      !actor.isAdmin && !selection.scope && !selection.state
        ? "You coordinate no state or region yet, so this report covers no partnership. A community admin can assign you a scope."
        : `No partnership has a county in ${selected.label} yet, so there is nothing to report for ${year}.`;
    return emptyReport(selected.label, year, now, none);
  }
  const [rows, catalog] = await Promise.all([
    readReportRows(deps.db, selected.partnershipIds, year),
    loadCatalog(deps.db),
  ]);
  const sections = partnershipSections(rows, year);
  // Logged after the read succeeded, in one statement for every partnership the caller has no seat at.
  if (!actor.isAdmin) await logScopeReads(deps.db, actor, selected.partnershipIds, `annual report ${year}`);
  return {
    year,
    scope: selected.label,
    generatedAt: now.toISOString(),
    note: null,
    summary: coverSummary(rows, sections, catalog, year),
    partnerships: sections,
  };
}
