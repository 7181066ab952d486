/**
 * Assembles the annual report from the rows data.ts read: one section per partnership, then the
 * cover summary over all of them. No I/O here.
 */
import {
  countByStage,
  fundingBySource,
  outcomeShare,
  valueCheckSummary,
  type AnnualReportSummary,
  type ReportPartnership,
} from "../../../core/annual-report.js";
import { stateByFips } from "../../../core/geography.js";
import { organizationKinds, sectorOf, type OrganizationKind } from "../../../core/vocabulary.js";
import type { Indicator } from "../../../core/impact.js";
import { markdownToPlainText } from "../../lib/markdown.js";
import { BUSINESSES_ENGAGED } from "../impact/catalog.js";
import type { ReportRows } from "./data.js";

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** The per-partnership sections, in the order of the partnerships (by name). */
export function partnershipSections(rows: ReportRows, year: number): ReportPartnership[] {
  const thisYear = String(year);
  const states = groupBy(rows.states, (r) => r.id);
  const seats = groupBy(rows.seats, (r) => r.id);
  const organizations = groupBy(rows.organizations, (r) => r.id);
  const priorities = groupBy(rows.priorities, (r) => r.partnership_id);
  const done = groupBy(rows.done, (r) => r.priority_id);
  const tracked = groupBy(rows.tracked, (r) => r.id);
  const values = groupBy(rows.values, (r) => r.id);
  const checks = groupBy(rows.checks, (r) => r.id);
  const stories = groupBy(rows.stories, (r) => r.id);

  return rows.partnerships.map((p) => {
    const mine = values.get(p.id) ?? [];
    const valueOf = (key: string, period: string) =>
      mine.find((v) => v.key === key && v.period === period)?.value ?? null;
    const engaged = rows.engaged.get(p.id) ?? 0;
    const people = { business: 0, public: 0 };
    for (const s of seats.get(p.id) ?? []) {
      // Conveners run the table and observers watch it: neither is a business or public partner.
      if (s.role === "convener" || s.role === "observer") continue;
      people[sectorOf(s.kind, s.role)] += s.n;
    }
    const kinds = new Map((organizations.get(p.id) ?? []).map((o) => [o.kind, o.n]));
    const sectionPriorities = (priorities.get(p.id) ?? []).map((pr) => {
      const actions = done.get(pr.id) ?? [];
      return {
        id: pr.id,
        title: pr.title,
        status: pr.status,
        actions: pr.actions,
        actionsDone: actions.length,
        done: actions.map((a) => ({ title: a.title, result: a.result, completedAt: a.completed })),
      };
    });
    const thisYears = mine.filter((v) => v.period === thisYear);
    const check = valueCheckSummary(checks.get(p.id) ?? []);
    return {
      id: p.id,
      name: p.name,
      slug: p.slug,
      stage: p.stage,
      states: (states.get(p.id) ?? []).map((s) => stateByFips(s.state_fips)?.abbr ?? s.state_fips),
      table: {
        businessPeople: people.business,
        publicPeople: people.public,
        businessesEngaged: engaged,
        organizations: organizationKinds
          .filter((kind: OrganizationKind) => kinds.has(kind))
          .map((kind) => ({ kind, count: kinds.get(kind) ?? 0 })),
      },
      priorities: sectionPriorities,
      actionsDone: sectionPriorities.reduce((n, pr) => n + pr.actionsDone, 0),
      indicators: (tracked.get(p.id) ?? []).map((t) => ({
        key: t.key,
        name: t.name,
        area: t.area,
        unit: t.unit,
        // Businesses engaged is counted from the table, never typed: the year's count, and the
        // year before's stays what was stored (the table then is no longer known exactly).
        value: t.key === BUSINESSES_ENGAGED ? engaged : valueOf(t.key, thisYear),
        previous: valueOf(t.key, String(year - 1)),
      })),
      outcomes: thisYears
        .filter((v) => v.unit === "yes_no")
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((v) => ({ key: v.key, name: v.name, achieved: v.value === 1 })),
      funding: fundingBySource(
        thisYears.flatMap((v) =>
          v.funding_source ? [{ partnershipId: p.id, source: v.funding_source, value: v.value }] : [],
        ),
      ).map(({ source, total }) => ({ source, total })),
      valueCheck: check.mean === null ? null : { answers: check.answers, mean: check.mean },
      stories: (stories.get(p.id) ?? []).map((s) => ({
        title: s.title,
        date: s.date,
        area: s.area,
        text: markdownToPlainText(s.body),
      })),
    };
  });
}

/**
 * The cover summary. Yes/no outcomes are the catalog's (a partnership's own indicators are not
 * rolled up), listed whether or not anyone reported them so a reader sees what nobody did.
 */
export function coverSummary(
  rows: ReportRows,
  sections: readonly ReportPartnership[],
  catalog: ReadonlyMap<string, Indicator>,
  year: number,
): AnnualReportSummary {
  const thisYears = rows.values.filter((v) => v.period === String(year));
  const yesNo = [...catalog.values()].filter((i) => i.unit === "yes_no" && !i.custom && !i.retired);
  const outcomes = yesNo.map((i) => ({
    indicator: i.key,
    name: i.name,
    ...outcomeShare(thisYears.filter((v) => v.key === i.key).map((v) => v.value)),
  }));
  const funding = fundingBySource(
    thisYears.flatMap((v) =>
      v.funding_source && !v.custom
        ? [{ partnershipId: v.id, source: v.funding_source, value: v.value }]
        : [],
    ),
  );
  return {
    partnerships: sections.length,
    byStage: countByStage(sections),
    businessesEngaged: sections.reduce((n, s) => n + s.table.businessesEngaged, 0),
    outcomes,
    funding,
    valueCheck: valueCheckSummary(rows.checks),
    partnershipsReporting: new Set(thisYears.filter((v) => v.key !== BUSINESSES_ENGAGED).map((v) => v.id))
      .size,
  };
}
