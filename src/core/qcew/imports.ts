/**
 * The API's words for imported QCEW files: a stored file's report and a line of the list of
 * imported files. One schema for the server's answers and the web's types.
 */
import { z } from "zod";

export const qcewImportReport = z.object({
  importId: z.uuid(),
  fileName: z.string(),
  layout: z.enum(["annual", "quarterly"]),
  year: z.number().int(),
  quarter: z.number().int().describe("0 for annual averages, else 1-4"),
  rows: z.number().int(),
  areas: z.array(z.string()),
  replaced: z.enum(["areas", "industry"]),
  seconds: z.number(),
});
export type QcewImportReportOut = z.infer<typeof qcewImportReport>;

export const qcewImportItem = z.object({
  id: z.uuid(),
  fileName: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  areas: z.array(z.string()),
  rows: z.number().int(),
  via: z.enum(["cli", "upload"]),
  importedBy: z.uuid().nullable(),
  importedAt: z.string(),
  seconds: z.number(),
});
/** A line of the list of imported files. */
export type QcewImportItem = z.infer<typeof qcewImportItem>;
