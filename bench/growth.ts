/**
 * How the figures grow from the national set to ten times it, for the summary: each one at 10x
 * against its target, with its 1x value (when that part ran in the same invocation) and the
 * factor between them. An index makes a read flat or logarithmic; a factor near 10 means a scan.
 */
import type { DirectoryResult } from "./directory.js";
import { homeTarget, type HomeBenchResult } from "./home.js";
import { fmt, type Row } from "./lib.js";

export const growthTargets = { loadSeconds: 600, p99Ms: 50 };

interface Scale {
  directory?: DirectoryResult;
  home?: HomeBenchResult;
}

function grown(at1: number | undefined, at10: number, unit: string, digits = 0): string {
  const now = `${fmt(at10, digits)}${unit}`;
  if (at1 === undefined || at1 === 0) return now;
  return `${now} (1x: ${fmt(at1, digits)}${unit}, x${fmt(at10 / at1, 1)})`;
}

export function growthRows({ national, national10 }: { national: Scale; national10: Scale }): Row[] {
  const rows: Row[] = [];
  const verdict = (ok: boolean): Row["verdict"] => (ok ? "ok" : "MISSED");
  const d1 = national.directory;
  const d10 = national10.directory;
  if (d10) {
    rows.push(
      {
        metric: `10x: load ${fmt(d10.counts.partnerships)} partnerships, ${fmt(d10.counts.organizations)} organizations, ${fmt(d10.counts.people)} people`,
        measured: grown(d1?.loadSeconds, d10.loadSeconds, " s", 1),
        target: `< ${growthTargets.loadSeconds} s`,
        verdict: verdict(d10.loadSeconds < growthTargets.loadSeconds),
      },
      {
        metric: "10x: directory, answer cache off, p99 at 50 connections",
        measured: grown(d1?.uncached.latency.p99, d10.uncached.latency.p99, " ms"),
        target: `<= ${growthTargets.p99Ms} ms`,
        verdict: verdict(d10.uncached.latency.p99 <= growthTargets.p99Ms),
      },
      {
        metric: "10x: directory, answer cache off, requests/s",
        measured: grown(d1?.uncached.requests.average, d10.uncached.requests.average, "/s"),
        target: "",
        verdict: "info",
      },
      {
        metric: "10x: directory search, answer cache off, p99",
        measured: grown(d1?.search.latency.p99, d10.search.latency.p99, " ms"),
        target: "",
        verdict: "info",
      },
      {
        metric: "10x: directory cached / bare Fastify",
        measured: grown(
          d1 ? d1.directory.requests.average / d1.bare.requests.average : undefined,
          d10.directory.requests.average / d10.bare.requests.average,
          "",
          2,
        ),
        target: "",
        verdict: "info",
      },
    );
  }
  const h10 = national10.home;
  if (h10) {
    rows.push({
      metric: `10x: home "what is due": API / SQL (SQL ${fmt(h10.sqlMs, 2)} ms)`,
      measured: grown(national.home?.ratio, h10.ratio, "x", 2),
      target: `<= ${homeTarget}x`,
      verdict: verdict(h10.ratio <= homeTarget),
    });
  }
  return rows;
}
