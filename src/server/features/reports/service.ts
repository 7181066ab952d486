/**
 * The annual outcomes report of a scope and a year (issue 14). Who may read which partnerships
 * is decided by selectPartnerships (the community admin: any; a coordinator: their own scopes);
 * a coordinator's read of members-only values is logged for each partnership's conveners.
 */
import type { AnnualReport, AnnualReportQuery } from "../../../core/annual-report.js";
import { countByStage, valueCheckSummary } from "../../../core/annual-report.js";
import { DEFAULT_LOCALE, type AppLocale } from "../../../core/i18n/locales.js";
import { msg } from "../../../core/i18n/msg.js";
import type { Actor, AppDeps } from "../../deps.js";
import { logScopeReads, selectPartnerships } from "../coordinators/selection.js";
import { translate } from "../../i18n/intl.js";
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

/** The report; its note (why it is empty) is in `locale`, the reader's language. */
export async function buildAnnualReport(
  deps: AppDeps,
  actor: Actor,
  query: AnnualReportQuery,
  locale: AppLocale = DEFAULT_LOCALE,
): Promise<AnnualReport> {
  const { year, ...selection } = query;
  const selected = await selectPartnerships(deps.db, actor, selection, locale);
  const now = deps.now();
  if (selected.partnershipIds.length === 0) {
    const none =
      !actor.isAdmin && !selection.scope && !selection.state
        ? msg({
            id: "server.reports.noScope",
            defaultMessage:
              "You coordinate no state or region yet, so this report covers no partnership. A community admin can assign you a scope.",
          })
        : msg(
            {
              id: "server.reports.nothingInScope",
              defaultMessage:
                "No partnership has a county in {scope} yet, so there is nothing to report for {year}.",
            },
            { scope: selected.label, year: String(year) },
          );
    return emptyReport(selected.label, year, now, translate(locale, none));
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
