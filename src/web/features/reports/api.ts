import type { AnnualReport } from "../../../core/annual-report.js";
import { api, buildQuery } from "../../lib/api.js";

/** Which report: a scope id or a state FIPS code (or neither: every scope of the caller), and a year. */
export interface ReportSelection {
  scope?: string;
  state?: string;
  year: number;
}

export const annualReportKey = (s: ReportSelection) =>
  ["reports", "annual", s.scope ?? "", s.state ?? "", s.year] as const;

function query(s: ReportSelection): string {
  return buildQuery({ scope: s.scope, state: s.state, year: s.year });
}

export const reportsApi = {
  annual: (s: ReportSelection, signal?: AbortSignal) =>
    api.get<AnnualReport>(`/reports/annual${query(s)}`, signal),
  /** Where the browser downloads a file of the report (the session cookie goes along). */
  fileUrl: (s: ReportSelection, extension: "pdf" | "xlsx" | "csv") =>
    `/api/reports/annual.${extension}${query(s)}`,
};
