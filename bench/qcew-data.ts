/**
 * A synthetic national BLS QCEW annual "singlefile" at real size, for the regional economy bench:
 * every county of the reference data, each state and the nation, in BLS's 38-column annual layout,
 * quoted as BLS serves it (codes in quotes, numbers bare).
 *
 * Each county draws the 6-digit private industries it has (big counties have most of the 1,057,
 * small ones a few dozen: the skew of the real file) and some government ones (schools, colleges,
 * hospitals, the post office, public administration under federal, state or local ownership).
 * The coarser rows are sums of those: 5-, 4-, 3-digit, sectors, supersectors, domains, each
 * ownership's total (agglvl 71) and the county total (70), so a region's figures add up as BLS's
 * do. States (50-58) and the nation (10-18) are the sums over their counties. Small cells are
 * suppressed as BLS does: disclosure code N with zeros in every employment and wage column (the
 * establishment count stays), and some complementary suppression of coarser rows.
 *
 * Deterministic: the same seed writes the same file.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { QCEW_ANNUAL_COLUMNS } from "../src/core/qcew/columns.js";
import { projectPath } from "../src/db/project-root.js";
import { seededRandom as random } from "./lib.js";

const SUPERSECTOR_OF_SECTOR: Record<string, string> = {
  "11": "1011",
  "21": "1011",
  "23": "1012",
  "31-33": "1013",
  "22": "1021",
  "42": "1021",
  "44-45": "1021",
  "48-49": "1021",
  "51": "1022",
  "52": "1023",
  "53": "1023",
  "54": "1024",
  "55": "1024",
  "56": "1024",
  "61": "1025",
  "62": "1025",
  "71": "1026",
  "72": "1026",
  "81": "1027",
  "92": "1028",
};
const domainOf = (supersector: string) => (supersector <= "1013" ? "101" : "102");
const sectorOf = (code: string) => {
  const two = code.slice(0, 2);
  if (two >= "31" && two <= "33") return "31-33";
  if (two === "44" || two === "45") return "44-45";
  if (two === "48" || two === "49") return "48-49";
  return two;
};

/** Government industries and the ownerships that have them (1 federal, 2 state, 3 local). */
const GOVERNMENT: readonly [string, readonly number[]][] = [
  ["611110", [3]],
  ["611310", [2]],
  ["622110", [2, 3]],
  ["491110", [1]],
  ["921110", [1, 2, 3]],
  ["921190", [1, 2, 3]],
  ["922120", [2, 3]],
  ["928110", [1]],
  ["221310", [3]],
  ["485111", [3]],
  ["562111", [3]],
];

interface Cell {
  estabs: number;
  emp: number;
  wages: number;
  /** true when a contributing cell was suppressed small enough that BLS would hide this one too. */
  hidden: boolean;
}

export interface QcewFileFacts {
  path: string;
  rows: number;
  bytes: number;
  counties: number;
  /** The first year of the file (the data year). */
  year: number;
  /** Counties with their total jobs, largest first (to pick a region from). */
  largest: string[];
  seconds: number;
}

interface Industry {
  code: string;
  /** How common the industry is across counties (0-1). */
  reach: number;
  /** Average annual pay of the industry. */
  pay: number;
  /** Jobs per establishment. */
  estabSize: number;
}

function industries(rand: () => number): Industry[] {
  const naics = JSON.parse(readFileSync(projectPath("data", "reference", "naics-2017.json"), "utf8")) as {
    code: string;
    level: number;
  }[];
  return naics
    .filter((n) => n.level === 6)
    .map((n) => ({
      code: n.code,
      // Skewed: a few industries (restaurants, retail, health) are everywhere, most are rare.
      reach: Math.min(0.97, Math.pow(rand(), 2.2) * 1.1),
      pay: Math.round(22_000 + Math.pow(rand(), 1.5) * 110_000),
      estabSize: 2 + Math.pow(rand(), 2) * 60,
    }));
}

/** Writes the file and says what it holds. `counties` limits the county list (tests). */
export async function writeQcewSinglefile(
  path: string,
  options: { year: number; seed?: number; counties?: number } = { year: 2023 },
): Promise<QcewFileFacts> {
  const started = performance.now();
  const rand = random(options.seed ?? 20231);
  const list = (
    JSON.parse(readFileSync(projectPath("data", "reference", "counties.json"), "utf8")) as { fips: string }[]
  )
    .map((c) => c.fips)
    .slice(0, options.counties);
  const inds = industries(rand);
  const year = options.year;
  const out = createWriteStream(path, { highWaterMark: 1 << 22 });
  // Lines gathered in an array and joined per chunk: appending to one long string makes V8 build
  // and flatten rope strings, and garbage collection then took most of the time.
  let lines: string[] = [];
  let rows = 0;
  let bytes = 0;
  const flushChunk = async () => {
    if (!lines.length) return;
    const buffer = Buffer.from(lines.join(""));
    lines = [];
    bytes += buffer.length;
    if (!out.write(buffer)) await once(out, "drain");
  };
  lines.push(QCEW_ANNUAL_COLUMNS.map((c) => `"${c}"`).join(",") + "\n");

  const q = (s: string | number) => `"${s}"`;
  const pct = (chg: number, now: number) => {
    const before = now - chg;
    return before === 0 ? "0.0" : ((100 * chg) / before).toFixed(1);
  };
  /** One row; a suppressed cell carries its establishments and zeros elsewhere, as BLS writes it. */
  const line = (area: string, own: number, code: string, agglvl: number, cell: Cell, base: number) => {
    const shown = !cell.hidden;
    const emp = shown ? cell.emp : 0;
    const wages = shown ? Math.round(cell.wages) : 0;
    const taxable = shown ? Math.round(wages * 0.22) : 0;
    const contributions = shown ? Math.round(taxable * 0.021) : 0;
    const weekly = shown && emp > 0 ? Math.round(wages / emp / 52) : 0;
    const annual = shown && emp > 0 ? Math.round(wages / emp) : 0;
    const lq = shown && base > 0 ? ((emp / base) * (0.6 + rand() * 0.8)).toFixed(2) : "0.00";
    const estabChg = Math.round(cell.estabs * (rand() - 0.45) * 0.08);
    const empChg = shown ? Math.round(emp * (rand() - 0.4) * 0.1) : 0;
    const wageChg = shown ? Math.round(wages * (rand() - 0.35) * 0.1) : 0;
    const taxChg = shown ? Math.round(taxable * (rand() - 0.5) * 0.1) : 0;
    const contribChg = shown ? Math.round(contributions * (rand() - 0.5) * 0.1) : 0;
    const weeklyChg = shown ? Math.round(weekly * (rand() - 0.4) * 0.06) : 0;
    const annualChg = shown ? Math.round(annual * (rand() - 0.4) * 0.06) : 0;
    const d = shown ? "" : "N";
    lines.push(
      `${q(area)},${q(own)},${q(code)},${q(agglvl)},"0",${q(year)},"A",${q(d)},` +
        `${cell.estabs},${emp},${wages},${taxable},${contributions},${weekly},${annual},` +
        `${q(d)},${shown ? (0.5 + rand()).toFixed(2) : "0.00"},${lq},${lq},${lq},${lq},${shown ? (0.8 + rand() * 0.4).toFixed(2) : "0.00"},${shown ? (0.8 + rand() * 0.4).toFixed(2) : "0.00"},` +
        `${q(d)},${estabChg},${pct(estabChg, cell.estabs)},${empChg},${pct(empChg, emp)},${wageChg},${pct(wageChg, wages)},` +
        `${taxChg},${pct(taxChg, taxable)},${contribChg},${pct(contribChg, contributions)},` +
        `${weeklyChg},${pct(weeklyChg, weekly)},${annualChg},${pct(annualChg, annual)}\n`,
    );
    rows += 1;
  };

  type Sums = Map<string, Cell>;
  const add = (sums: Sums, key: string, c: Cell) => {
    const s = sums.get(key);
    if (s) {
      s.estabs += c.estabs;
      s.emp += c.emp;
      s.wages += c.wages;
      s.hidden ||= c.hidden;
    } else sums.set(key, { ...c });
  };
  /** Rows of an area from its 6-digit cells: every coarser cut is their sum. */
  const writeArea = async (area: string, tens: number, six: Sums, suppress: boolean) => {
    const levels: Sums[] = Array.from({ length: 7 }, (): Sums => new Map<string, Cell>());
    // 0 total, 1 ownership, 2 domain, 3 supersector, 4 sector, 5 3-digit, 6 4-digit; 5-digit below.
    const five: Sums = new Map();
    for (const [key, cell] of six) {
      const [own, code] = key.split("|");
      const sector = sectorOf(code);
      const supersector = SUPERSECTOR_OF_SECTOR[sector] ?? "1029";
      // A coarser cell is hidden only now and then (complementary suppression), not whenever a
      // small cell inside it is: otherwise most of a rural county would be N.
      const up = { ...cell, hidden: false };
      add(five, `${own}|${code.slice(0, 5)}`, up);
      add(levels[6], `${own}|${code.slice(0, 4)}`, up);
      add(levels[5], `${own}|${code.slice(0, 3)}`, up);
      add(levels[4], `${own}|${sector}`, up);
      add(levels[3], `${own}|${supersector}`, up);
      add(levels[2], `${own}|${domainOf(supersector)}`, up);
      add(levels[1], `${own}|10`, up);
      add(levels[0], `0|10`, up);
    }
    const total = levels[0].get("0|10")?.emp ?? 0;
    const rowsOf = (sums: Sums, agglvl: number, hideChance: number) => {
      for (const [key, cell] of [...sums].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const [own, code] = key.split("|");
        if (suppress && hideChance > 0 && cell.emp < 40 && rand() < hideChance) cell.hidden = true;
        line(area, Number(own), code, agglvl, cell, total);
      }
    };
    rowsOf(levels[0], tens, 0);
    rowsOf(levels[1], tens + 1, 0);
    rowsOf(levels[2], tens + 2, 0);
    rowsOf(levels[3], tens + 3, 0.02);
    rowsOf(levels[4], tens + 4, 0.05);
    rowsOf(levels[5], tens + 5, 0.15);
    rowsOf(levels[6], tens + 6, 0.25);
    rowsOf(five, tens + 7, 0.3);
    rowsOf(six, tens + 8, 0);
    if (lines.length > 20_000) await flushChunk();
  };

  const states = new Map<string, Sums>();
  const nation: Sums = new Map();
  const totals: [string, number][] = [];
  for (const fips of list) {
    // County size: lognormal, from a few hundred jobs to millions.
    const u = Math.sqrt(-2 * Math.log(rand() || 1e-9)) * Math.cos(2 * Math.PI * rand());
    const size = Math.exp(u * 1.35 - 0.4);
    const six: Sums = new Map();
    let countyJobs = 0;
    const take = (own: number, ind: Industry, scale: number) => {
      const emp = Math.max(1, Math.round(size * scale * 80 * Math.exp((rand() - 0.5) * 2)));
      const estabs = Math.max(1, Math.round(emp / ind.estabSize));
      const wages = emp * ind.pay * (0.75 + rand() * 0.5);
      // BLS hides a cell when a few employers would be identifiable.
      const hidden = estabs < 3 ? rand() < 0.85 : rand() < 0.08;
      six.set(`${own}|${ind.code}`, { estabs, emp, wages, hidden });
      countyJobs += emp;
    };
    for (const ind of inds) {
      const present = 1 - Math.exp(-size * ind.reach * 1.7);
      if (rand() < present) take(5, ind, ind.reach + 0.05);
    }
    for (const [code, owns] of GOVERNMENT)
      for (const own of owns)
        if (rand() < 0.8)
          take(
            own,
            inds.find((i) => i.code === code)!,
            0.6,
          );
    await writeArea(fips, 70, six, true);
    totals.push([fips, countyJobs]);
    const state = fips.slice(0, 2);
    let stateSums = states.get(state);
    if (!stateSums) states.set(state, (stateSums = new Map<string, Cell>()));
    for (const [key, cell] of six) {
      add(stateSums, key, { ...cell, hidden: false });
      add(nation, key, { ...cell, hidden: false });
    }
  }
  for (const [state, sums] of [...states].sort()) await writeArea(`${state}000`, 50, sums, true);
  await writeArea("US000", 10, nation, false);
  await flushChunk();
  out.end();
  await once(out, "finish");
  return {
    path,
    rows,
    bytes,
    counties: list.length,
    year,
    largest: totals.sort((a, b) => b[1] - a[1]).map(([f]) => f),
    seconds: (performance.now() - started) / 1000,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2] ?? "/tmp/qcew-singlefile.csv";
  writeQcewSinglefile(path, { year: 2023, counties: process.argv[3] ? Number(process.argv[3]) : undefined })
    .then((facts) => console.log({ ...facts, largest: facts.largest.slice(0, 10) }))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
