import type { AppLocale } from "../../../core/i18n/locales.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import { translate } from "../../i18n/intl.js";
import type { RegionEconomy } from "../../../core/qcew/profile.js";
import { toCsv } from "../impact/csv.js";

/** The columns, with their units, as a person reads them in a spreadsheet (their language). */
export const PROFILE_CSV_COLUMNS = [
  msg({ id: "server.qcew.csv.naicsCode", defaultMessage: "naics code" }),
  msg({ id: "server.qcew.csv.industry", defaultMessage: "industry" }),
  msg({ id: "server.qcew.csv.jobs", defaultMessage: "jobs (annual average)" }),
  msg({ id: "server.qcew.csv.share", defaultMessage: "share of region jobs (%)" }),
  msg({ id: "server.qcew.csv.establishments", defaultMessage: "establishments" }),
  msg({ id: "server.qcew.csv.averagePay", defaultMessage: "average annual pay (USD)" }),
  msg({ id: "server.qcew.csv.payRatio", defaultMessage: "pay vs region average (ratio)" }),
  msg({ id: "server.qcew.csv.locationQuotient", defaultMessage: "location quotient (US = 1)" }),
  msg({ id: "server.qcew.csv.oneYearChange", defaultMessage: "one-year change in jobs" }),
  msg({ id: "server.qcew.csv.oneYearPercent", defaultMessage: "one-year change in jobs (%)" }),
  msg({ id: "server.qcew.csv.fiveYearChange", defaultMessage: "five-year change in jobs" }),
  msg({ id: "server.qcew.csv.fiveYearPercent", defaultMessage: "five-year change in jobs (%)" }),
  msg({ id: "server.qcew.csv.note", defaultMessage: "note" }),
] as const;

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The industry table of a region as CSV. A figure a county held back makes a sum a lower bound:
 * jobs and the location quotient read "at least N"; pay (of the disclosed counties only) and
 * changes (which cannot be bounded) are left empty; the note says which and how many counties.
 */
export function regionEconomyCsv(profile: RegionEconomy, locale: AppLocale = "en"): string {
  const say = (message: Msg) => translate(locale, message);
  const rows = profile.industries.map((i) => {
    const notes: string[] = [];
    if (!i.jobs.complete)
      notes.push(
        say(
          msg(
            {
              id: "server.qcew.csv.undisclosed",
              defaultMessage:
                "{count, plural, one {# county} other {# counties}} not disclosed by the BLS: jobs and LQ are lower bounds; pay and change left out",
            },
            { count: i.jobs.undisclosedAreas },
          ),
        ),
      );
    if (i.locationQuotient.value === null && i.locationQuotient.reason)
      notes.push(
        say(
          msg(
            { id: "server.qcew.csv.noLq", defaultMessage: "no LQ: {reason}" },
            { reason: i.locationQuotient.reason },
          ),
        ),
      );
    // Figures stay plain numbers a spreadsheet reads; only a lower bound is said in words.
    const bound = (text: string | number | null, complete: boolean) =>
      text === null
        ? null
        : complete
          ? text
          : say(
              msg(
                { id: "server.qcew.csv.atLeast", defaultMessage: "at least {value}" },
                { value: String(text) },
              ),
            );
    const oneYear = i.oneYear?.complete ? i.oneYear : null;
    const fiveYear = i.fiveYear?.complete ? i.fiveYear : null;
    return [
      i.code,
      i.title,
      bound(i.jobs.value, i.jobs.complete),
      i.jobs.complete ? round(i.share.value === null ? null : i.share.value * 100, 2) : null,
      i.establishments,
      i.averagePay.complete ? round(i.averagePay.value, 0) : null,
      i.payRatio.complete ? round(i.payRatio.value, 3) : null,
      bound(round(i.locationQuotient.value, 2), i.locationQuotient.complete),
      oneYear ? oneYear.change : null,
      oneYear ? round(oneYear.percent, 1) : null,
      fiveYear ? fiveYear.change : null,
      fiveYear ? round(fiveYear.percent, 1) : null,
      notes.join("; ") || null,
    ];
  });
  return toCsv(
    PROFILE_CSV_COLUMNS.map((column) => say(column)),
    rows,
  );
}

export function regionEconomyFilename(profile: RegionEconomy): string {
  const where = profile.cbsa
    ? `cbsa-${profile.cbsa.code}`
    : profile.counties
        .map((c) => c.fips)
        .slice(0, 5)
        .join("-");
  const more = !profile.cbsa && profile.counties.length > 5 ? `-and-${profile.counties.length - 5}-more` : "";
  return `qcew-${where}${more}-${profile.year}-${profile.level === "sector" ? "sectors" : `naics${profile.level}`}-${profile.ownership}.csv`;
}
