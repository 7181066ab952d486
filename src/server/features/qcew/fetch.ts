import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { DEFAULT_LOCALE, type AppLocale } from "../../../core/i18n/locales.js";
import { msg } from "../../../core/i18n/msg.js";
import { queryRows } from "../../../db/query.js";
import { translate } from "../../i18n/intl.js";
import {
  badRowReason,
  importQcewStream,
  QcewImportError,
  type QcewBadRow,
  type QcewImportOptions,
  type QcewTarget,
} from "./import.js";

/** The national file's area code: the base of every location quotient. */
const US_AREA = "US000";

/** At most this many areas in one fetch: a region, not the country (use the singlefile for that). */
export const MAX_FETCH_AREAS = 50;
const FIRST_YEAR = 1990;

/** A QCEW area code: a county (39049), a metro or micro area (C1814), a state (39000), the US (US000). */
export const qcewAreaCode = z
  .string({ error: "give a 5-character QCEW area code such as 39049, C1814 or US000" })
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{5}$/, { error: "is not a QCEW area code: 5 characters such as 39049, C1814 or US000" });

/** What to fetch: a year, annual averages or one quarter, and the areas. */
export const qcewFetchRequest = z.strictObject({
  year: z
    .number({ error: "give the year as a number, e.g. 2023" })
    .int({ error: "give the year as a whole number, e.g. 2023" })
    .min(FIRST_YEAR, { error: `BLS QCEW open data starts in ${FIRST_YEAR}` })
    .refine((year) => year <= new Date().getUTCFullYear(), { error: "is in the future" }),
  quarter: z
    .number({ error: "give the quarter as 1, 2, 3 or 4 (leave it out for annual averages)" })
    .int({ error: "give the quarter as 1, 2, 3 or 4" })
    .min(1, { error: "give the quarter as 1, 2, 3 or 4" })
    .max(4, { error: "give the quarter as 1, 2, 3 or 4" })
    .optional(),
  areas: z
    .array(qcewAreaCode, { error: "give a list of area codes" })
    .min(1, { error: "name at least one area" })
    .max(MAX_FETCH_AREAS, { error: `name at most ${MAX_FETCH_AREAS} areas at once` }),
});
export type QcewFetchRequest = z.input<typeof qcewFetchRequest>;

/** What became of one file: imported, skipped (the national file was already there) or failed. */
export const qcewFetchedFile = z.object({
  area: z.string(),
  url: z.string(),
  status: z.enum(["imported", "skipped", "failed"]),
  /** One line for a person: what was stored, or what went wrong and what to do. */
  message: z.string(),
  importId: z.string().optional(),
  rows: z.number().int().optional(),
  /** A refused file's bad rows (line, column, reason); nothing of it was stored. */
  badRows: z.array(z.object({ line: z.number().int(), column: z.string(), reason: z.string() })).optional(),
  moreBadRows: z.number().int().optional(),
});
export type QcewFetchedFile = z.infer<typeof qcewFetchedFile>;

export const qcewFetchResult = z.object({
  year: z.number().int(),
  /** 0 for annual averages, else 1-4. */
  quarter: z.number().int(),
  files: z.array(qcewFetchedFile),
});
export type QcewFetchResult = z.infer<typeof qcewFetchResult>;

/** The BLS could not be reached at all (offline, DNS, refused, no answer): nothing more was tried. */
export class QcewUnreachableError extends Error {
  constructor(
    message: string,
    /** The files dealt with before the connection failed. */
    readonly files: QcewFetchedFile[],
  ) {
    super(message);
  }
}

export interface QcewFetchOptions {
  /** QCEW_BASE_URL, e.g. https://data.bls.gov/cew/data/api. */
  baseUrl: string;
  via: QcewImportOptions["via"];
  importedBy?: string | null;
  /** A download is given up when no byte has come for this long. */
  timeoutMs?: number;
  /** Tries per file for network errors, timeouts, 5xx and 429. */
  attempts?: number;
  /** The wait before the second try, doubled before each further one. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told of each file as soon as it is done (the CLI prints it). */
  onFile?: (file: QcewFetchedFile) => void;
  /** The language of the files' messages and of the unreachable error: the reader's (English by default). */
  locale?: AppLocale;
}

export const periodLabel = (year: number, quarter: number, locale: AppLocale = DEFAULT_LOCALE) =>
  translate(
    locale,
    msg(
      {
        id: "server.qcew.fetch.period",
        defaultMessage: "{quarter, plural, =0 {{year} annual} other {{year} Q{quarter}}}",
      },
      { year: String(year), quarter },
    ),
  );

export function qcewUrl(baseUrl: string, year: number, quarter: number, area: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/${year}/${quarter === 0 ? "a" : quarter}/area/${area}.csv`;
}

const USER_AGENT = "Shared Table (QCEW open-data fetch; https://github.com/sharedtable)";

/**
 * Downloads BLS QCEW area files of one period and imports each with the streaming importer (its
 * own transaction per file), plus the national file US000 that location quotients need unless it
 * is already stored for the period. A file BLS does not have, or one the importer refuses, is
 * reported and the others go on; when the BLS cannot be reached at all, QcewUnreachableError.
 */
export async function fetchQcew(
  target: QcewTarget,
  request: QcewFetchRequest,
  options: QcewFetchOptions,
): Promise<QcewFetchResult> {
  const { year, quarter = 0, areas } = qcewFetchRequest.parse(request);
  const wanted = [...new Set(areas)];
  const files: QcewFetchedFile[] = [];
  const done = (file: QcewFetchedFile) => {
    files.push(file);
    options.onFile?.(file);
  };
  const locale = options.locale ?? DEFAULT_LOCALE;
  const period = periodLabel(year, quarter, locale);
  const national = !wanted.includes(US_AREA);
  const list = national ? [...wanted, US_AREA] : wanted;
  for (const area of list) {
    const url = qcewUrl(options.baseUrl, year, quarter, area);
    if (area === US_AREA && national && (await hasNationalRows(target, year, quarter))) {
      done({
        area,
        url,
        status: "skipped",
        message: translate(
          locale,
          msg(
            {
              id: "server.qcew.fetch.nationalSkipped",
              defaultMessage:
                "The national file ({area}) for {period} is already imported; it was not fetched again",
            },
            { area: US_AREA, period },
          ),
        ),
      });
      continue;
    }
    const outcome = await downloadAndImport(target, url, area, year, quarter, options);
    if (outcome.kind === "unreachable") {
      const before = files.filter((f) => f.status === "imported").length;
      throw new QcewUnreachableError(
        translate(
          locale,
          msg(
            {
              id: "server.qcew.fetch.unreachable",
              defaultMessage:
                "Could not reach the BLS at {url}: {reason}{before, plural, =0 {} one { (# file was imported before that)} other { (# files were imported before that)}}. Check the connection, or download the files and use import-qcew.",
            },
            { url: options.baseUrl, reason: outcome.reason, before },
          ),
        ),
        files,
      );
    }
    done(outcome.file);
  }
  return { year, quarter, files };
}

async function hasNationalRows({ db }: QcewTarget, year: number, quarter: number): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from qcew_rows
        where year = ${year} and quarter = ${quarter} and area_fips = ${US_AREA} limit 1`,
  );
  return rows.length > 0;
}

type Outcome = { kind: "done"; file: QcewFetchedFile } | { kind: "unreachable"; reason: string };

type Attempt =
  | { kind: "done"; file: QcewFetchedFile }
  | { kind: "network"; reason: string }
  | { kind: "http"; status: number; statusText: string };

async function downloadAndImport(
  target: QcewTarget,
  url: string,
  area: string,
  year: number,
  quarter: number,
  options: QcewFetchOptions,
): Promise<Outcome> {
  const attempts = Math.max(1, options.attempts ?? 3);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let backoff = options.backoffMs ?? 1_000;
  let last: Attempt | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) {
      await sleep(backoff);
      backoff *= 2;
    }
    last = await tryOnce(target, url, area, options);
    if (last.kind === "done") return last;
    if (last.kind === "http" && !(last.status >= 500 || last.status === 429)) break;
  }
  const locale = options.locale ?? DEFAULT_LOCALE;
  const t = (message: Parameters<typeof translate>[1]) => translate(locale, message);
  const withTries = (reason: string) =>
    attempts === 1
      ? reason
      : t(
          msg(
            { id: "server.qcew.fetch.tries", defaultMessage: "{reason} ({attempts} tries)" },
            { reason, attempts },
          ),
        );
  if (!last || last.kind === "network") {
    const reason = last?.reason ?? t(msg({ id: "server.qcew.fetch.noAnswer", defaultMessage: "no answer" }));
    return { kind: "unreachable", reason: withTries(reason) };
  }
  if (last.kind === "done") return last;
  const answered = t(
    msg(
      { id: "server.qcew.fetch.answered", defaultMessage: "{url} answered {status}" },
      { url, status: `${last.status}${last.statusText ? ` ${last.statusText}` : ""}` },
    ),
  );
  const values = { period: periodLabel(year, quarter, locale), area, answered };
  const message =
    last.status === 404
      ? t(
          msg(
            {
              id: "server.qcew.fetch.noFile",
              defaultMessage: "BLS has no {period} file for area {area} ({answered})",
            },
            values,
          ),
        )
      : last.status >= 500 || last.status === 429
        ? t(
            msg(
              {
                id: "server.qcew.fetch.tryLater",
                defaultMessage:
                  "The BLS could not give the {period} file for area {area}: {answered}; try again later",
              },
              { ...values, answered: withTries(answered) },
            ),
          )
        : t(
            msg(
              {
                id: "server.qcew.fetch.refused",
                defaultMessage: "The BLS refused the {period} file for area {area}: {answered}",
              },
              values,
            ),
          );
  return { kind: "done", file: { area, url, status: "failed", message } };
}

class DownloadTimeout extends Error {}

/** One download streamed into the importer; a network failure at any point rolls the file back. */
async function tryOnce(
  target: QcewTarget,
  url: string,
  area: string,
  options: QcewFetchOptions,
): Promise<Attempt> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () => controller.abort(new DownloadTimeout(`no answer within ${formatSeconds(timeoutMs)}`)),
      timeoutMs,
    );
  };
  let stream: Readable | undefined;
  arm();
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        headers: { "user-agent": USER_AGENT, accept: "text/csv, */*" },
      });
    } catch (error) {
      return { kind: "network", reason: networkReason(error, controller.signal) };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: "http", status: response.status, statusText: response.statusText };
    }
    const body = response.body;
    let downloadError: unknown;
    // The clock runs only while waiting on the network, not while the importer holds the stream back.
    clearTimeout(timer);
    stream = Readable.from(
      (async function* () {
        if (!body) return;
        const reader = body.getReader();
        try {
          for (;;) {
            arm();
            let next: ReadableStreamReadResult<Uint8Array>;
            try {
              next = await reader.read();
            } catch (error) {
              downloadError = error;
              throw error;
            } finally {
              clearTimeout(timer);
            }
            if (next.done) return;
            yield next.value;
          }
        } finally {
          await reader.cancel().catch(() => undefined);
        }
      })(),
    );
    const fileName = `BLS ${new URL(url).pathname.split("/").slice(-4).join("/")}`;
    try {
      const report = await importQcewStream(target, stream, {
        fileName,
        via: options.via,
        importedBy: options.importedBy ?? null,
      });
      return {
        kind: "done",
        file: {
          area,
          url,
          status: "imported",
          message: translate(
            options.locale ?? DEFAULT_LOCALE,
            msg(
              {
                id: "server.qcew.fetch.imported",
                defaultMessage: "{rows, plural, other {# rows}} imported, {period}",
              },
              { rows: report.rows, period: periodLabel(report.year, report.quarter, options.locale) },
            ),
          ),
          importId: report.importId,
          rows: report.rows,
        },
      };
    } catch (error) {
      if (downloadError !== undefined || controller.signal.aborted)
        return { kind: "network", reason: networkReason(downloadError ?? error, controller.signal) };
      if (!(error instanceof QcewImportError)) throw error;
      // Stored with the fetch's result: each reason in the language of whoever asked for it.
      const locale = options.locale ?? DEFAULT_LOCALE;
      const badRows = error.badRows.map((bad: QcewBadRow) => ({
        line: bad.line,
        column: bad.column,
        reason: badRowReason(bad, locale),
      }));
      return {
        kind: "done",
        file: {
          area,
          url,
          status: "failed",
          message: translate(
            options.locale ?? DEFAULT_LOCALE,
            msg(
              {
                id: "server.qcew.fetch.fileRefused",
                defaultMessage:
                  "The BLS file {url} was refused: Nothing was imported from {file}: {count, plural, one {# problem} other {{total} problems}} to fix",
              },
              { url, file: fileName, count: error.problems, total: String(error.problems) },
            ),
          ),
          badRows,
          moreBadRows: error.moreBadRows,
        },
      };
    }
  } finally {
    clearTimeout(timer);
    stream?.destroy();
  }
}

function formatSeconds(ms: number): string {
  return `${Math.round(ms / 10) / 100} s`;
}

/** Why a connection failed, in the words of the failing layer ("connect ECONNREFUSED 127.0.0.1:9"). */
function networkReason(error: unknown, signal: AbortSignal): string {
  if (signal.aborted && signal.reason instanceof DownloadTimeout) return signal.reason.message;
  let reason = error instanceof Error ? error.message : String(error);
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (e.message && e.message !== "fetch failed") reason = e.message;
    if (typeof code === "string" && !reason.includes(code)) reason = `${reason} (${code})`;
  }
  return reason;
}
