import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  QCEW_ANNUAL_COLUMNS,
  QCEW_KEY_COLUMNS,
  QCEW_QUARTERLY_COLUMNS,
  detectLayout,
  parseQcewRecord,
  qcewLineReader,
  type QcewRow,
} from "./rows.js";
import { annualCountyFile, fixtureRecords, fixtureRows, fixtureText } from "./testing.js";

/** BLS's own files quote the text fields ("39049","0","10",...); the committed copies do not. */
const QUOTED_COLUMNS = new Set<string>([...QCEW_KEY_COLUMNS, "lq_disclosure_code", "oty_disclosure_code"]);
function quoteLikeBls(csv: string): string {
  const [header = "", ...lines] = csv.trimEnd().split("\n");
  const names = header.split(",");
  const quote = (cells: string[]) =>
    cells.map((c, i) => (QUOTED_COLUMNS.has(names[i] ?? "") ? `"${c}"` : c)).join(",");
  return [names.map((n) => `"${n}"`).join(","), ...lines.map((l) => quote(l.split(",")))].join("\n") + "\n";
}

const franklinFile = annualCountyFile("39049");
const franklinRecord = (): Record<string, string> => ({ ...fixtureRecords(franklinFile)[0] });

describe("column names and layouts", () => {
  it("lists BLS's 38 annual and 42 quarterly columns in file order", () => {
    expect(QCEW_ANNUAL_COLUMNS).toHaveLength(38);
    expect(QCEW_QUARTERLY_COLUMNS).toHaveLength(42);
    expect(fixtureText(franklinFile).split("\n")[0]).toBe(QCEW_ANNUAL_COLUMNS.join(","));
    expect(fixtureText("morpc-qcew-2020-1-39041.csv").split("\n")[0]).toBe(QCEW_QUARTERLY_COLUMNS.join(","));
  });

  it("detects each layout, also with BLS's title columns and a byte-order mark", () => {
    expect(detectLayout([...QCEW_ANNUAL_COLUMNS])).toEqual({ ok: true, layout: "annual" });
    expect(detectLayout([...QCEW_QUARTERLY_COLUMNS])).toEqual({ ok: true, layout: "quarterly" });
    const withTitles = [
      ...QCEW_ANNUAL_COLUMNS.slice(0, 8),
      "area_title",
      "own_title",
      ...QCEW_ANNUAL_COLUMNS.slice(8),
    ];
    expect(detectLayout(withTitles)).toEqual({ ok: true, layout: "annual" });
    expect(detectLayout(["\uFEFFarea_fips", ...QCEW_QUARTERLY_COLUMNS.slice(1)])).toEqual({
      ok: true,
      layout: "quarterly",
    });
  });

  it("names the missing columns of the nearer layout when a header is not a QCEW file", () => {
    const header = QCEW_ANNUAL_COLUMNS.filter((c) => c !== "annual_avg_emplvl" && c !== "lq_avg_annual_pay");
    const result = detectLayout(header);
    expect(result).toMatchObject({
      ok: false,
      missing: ["annual_avg_emplvl", "lq_avg_annual_pay"],
      message:
        "Not a complete BLS QCEW annual CSV file: the header lacks 2 of its 38 columns: annual_avg_emplvl, lq_avg_annual_pay.",
    });
    const census = detectLayout(["code", "title", "level"]);
    expect(census.ok).toBe(false);
    if (!census.ok) {
      expect(census.missing).toHaveLength(38);
      expect(census.message).toMatch(/^Not a BLS QCEW CSV file: none of its 38 columns/);
    }
  });
});

describe("parseQcewRecord", () => {
  it("reads quoted records (as BLS serves them) to the same rows as unquoted ones", () => {
    const text = fixtureText(franklinFile);
    const quoted = quoteLikeBls(text);
    expect(quoted.split("\n")[1]).toMatch(/^"39049","0","10","70","0","2020","A","",34674,727016,/);
    const unquotedRows = fixtureRows(franklinFile);
    const quotedRows = parse<Record<string, string>>(quoted, { columns: true }).map((r) => {
      const parsed = parseQcewRecord(r, "annual");
      if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
      return parsed.row;
    });
    expect(quotedRows).toHaveLength(411);
    expect(quotedRows).toEqual(unquotedRows);
  });

  it("types every column of an annual row: Franklin County, all industries, 2020", () => {
    const result = parseQcewRecord(franklinRecord(), "annual");
    expect(result.ok).toBe(true);
    const row = (result as { row: QcewRow }).row;
    expect(row).toMatchObject({
      layout: "annual",
      year: 2020,
      quarter: null,
      areaFips: "39049",
      ownCode: 0,
      industryCode: "10",
      agglvlCode: 70,
      sizeCode: 0,
      disclosed: true,
      establishments: 34674,
      employment: 727016,
      month1Employment: null,
      totalWages: 45718355278,
      taxableWages: 6208180878,
      contributions: 122440041,
      avgWeeklyWage: 1209,
      avgAnnualPay: 62885,
      lqDisclosed: true,
      lqEmployment: 1,
      otyDisclosed: true,
      otyEstablishmentsChg: 918,
      otyEmploymentChg: -38413,
      otyEmploymentPctChg: -5,
      otyTotalWagesChg: 1338374862,
      otyAvgAnnualPayChg: 4904,
      otyAvgAnnualPayPctChg: 8.5,
    });
  });

  it("takes a quarter's employment from its third month and keeps all three", () => {
    const rows = fixtureRows("morpc-qcew-2020-1-39041.csv");
    expect(rows).toHaveLength(302);
    expect(rows[0]).toMatchObject({
      layout: "quarterly",
      quarter: 1,
      areaFips: "39041",
      establishments: 5791,
      employment: 87534,
      month1Employment: 87877,
      month2Employment: 88082,
      month3Employment: 87534,
      totalWages: 1472961797,
      avgWeeklyWage: 1290,
      avgAnnualPay: null,
      lqEmployment: 1,
      otyEmploymentChg: -346,
      otyMonth1EmploymentChg: 77,
      otyMonth2EmploymentPctChg: 0.9,
    });
  });

  it("makes suppressed values null, never the 0 BLS publishes, and keeps the establishment count", () => {
    // Health care and social assistance, private, Fayette County: code N, published as zeros.
    const fayette = fixtureRows(annualCountyFile("39047")).find(
      (r) => r.ownCode === 5 && r.industryCode === "62",
    );
    expect(fayette).toMatchObject({
      disclosed: false,
      employment: null,
      totalWages: null,
      avgAnnualPay: null,
      lqDisclosed: false,
      lqEmployment: null,
      otyDisclosed: false,
      otyEmploymentChg: null,
    });
    expect(fayette?.establishments).toBeGreaterThan(0);
    // The quarterly file's "-" (no establishments this quarter) is treated as undisclosed too.
    const dash = fixtureRecords("morpc-qcew-2020-1-39041.csv").find((r) => r.disclosure_code === "-");
    expect(dash).toBeDefined();
    const parsed = parseQcewRecord(dash!, "quarterly");
    expect(parsed.ok && parsed.row.disclosed === false && parsed.row.employment === null).toBe(true);
  });

  it("names every bad cell by column and reason", () => {
    const record: Record<string, string | undefined> = {
      ...franklinRecord(),
      annual_avg_emplvl: "12x",
      avg_annual_pay: "-3",
      total_annual_wages: "9007199254740993",
      qtr: "1",
      disclosure_code: "D",
      lq_annual_avg_emplvl: "high",
      industry_code: "3-1",
    };
    delete record.own_code;
    const result = parseQcewRecord(record, "annual");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.message)).toEqual([
      "own_code: is missing",
      'industry_code: "3-1" is not an industry code (2 to 6 digits, or a range like 31-33)',
      'qtr: "1" is not the annual-average quarter code (A)',
      'disclosure_code: "D" is not a disclosure code (blank, N or -)',
      'annual_avg_emplvl: "12x" is not a whole number',
      'total_annual_wages: "9007199254740993" is too large to store exactly (2^53 or more)',
      'avg_annual_pay: "-3" is not a whole number of zero or more',
      'lq_annual_avg_emplvl: "high" is not a number of zero or more',
    ]);
    expect(!result.ok && result.errors[4]).toEqual({
      column: "annual_avg_emplvl",
      value: "12x",
      reason: "is not a whole number",
      // The same reason as a message, for the reader's language (the API).
      words: { id: "qcew.cell.notWhole", defaultMessage: "is not a whole number" },
      message: 'annual_avg_emplvl: "12x" is not a whole number',
    });
  });

  it("accepts the largest exact whole number and an annual record read as quarterly fails on its columns", () => {
    const big = parseQcewRecord({ ...franklinRecord(), total_annual_wages: "9007199254740991" }, "annual");
    expect(big.ok && big.row.totalWages).toBe(Number.MAX_SAFE_INTEGER);
    const wrong = parseQcewRecord(franklinRecord(), "quarterly");
    expect(!wrong.ok && wrong.errors.map((e) => e.column)).toContain("month3_emplvl");
    expect(!wrong.ok && wrong.errors.find((e) => e.column === "qtr")?.message).toBe(
      'qtr: "A" is not a quarter (1, 2, 3 or 4)',
    );
  });

  it("rejects what is not a record at all", () => {
    const result = parseQcewRecord(null as unknown as Record<string, string>, "annual");
    expect(!result.ok && result.errors[0]?.message).toBe("record: is not a CSV record");
  });
});

describe("Franklin County 2020 (fixture)", () => {
  const rows = fixtureRows(franklinFile);

  it("has 727,016 jobs in all ownerships, and its ownership rows add up to it", () => {
    const total = rows.find((r) => r.agglvlCode === 70);
    expect(total).toMatchObject({ ownCode: 0, industryCode: "10", employment: 727016 });
    const owners = rows.filter((r) => r.agglvlCode === 71);
    expect(owners.map((r) => [r.ownCode, r.employment])).toEqual([
      [1, 13300],
      [2, 56356],
      [3, 53124],
      [5, 604236],
    ]);
    expect(owners.reduce((sum, r) => sum + (r.employment ?? Number.NaN), 0)).toBe(727016);
    expect(owners.reduce((sum, r) => sum + (r.totalWages ?? Number.NaN), 0)).toBe(total?.totalWages);
  });
});

describe("qcewLineReader (the import's fast path)", () => {
  const fields = [
    "year",
    "quarter",
    "areaFips",
    "ownCode",
    "industryCode",
    "disclosed",
    "establishments",
    "employment",
    "month1Employment",
    "totalWages",
    "avgAnnualPay",
    "lqDisclosed",
    "lqEmployment",
    "otyEmploymentChg",
    "otyEmploymentPctChg",
  ] as const satisfies readonly (keyof QcewRow)[];
  /** The line parseQcewRecord's row gives: null empty, flags t/f, annual quarter 0. */
  const expected = (row: QcewRow) =>
    fields
      .map((f) => {
        const v = f === "quarter" ? (row.quarter ?? 0) : row[f];
        return v === null ? "" : typeof v === "boolean" ? (v ? "t" : "f") : String(v);
      })
      .join(",") + "\n";

  for (const file of [franklinFile, "morpc-qcew-2020-1-39041.csv"]) {
    it(`reads every row of ${file} to the values parseQcewRecord reads`, () => {
      const [header = "", ...lines] = fixtureText(file).trimEnd().split("\n");
      const names = header.split(",");
      const layout = detectLayout(names);
      if (!layout.ok) throw new Error(layout.message);
      const read = qcewLineReader(names, layout.layout, fields);
      let suppressed = 0;
      for (const line of lines) {
        const cells = line.split(",");
        const parsed = parseQcewRecord(Object.fromEntries(names.map((n, i) => [n, cells[i]])), layout.layout);
        if (!parsed.ok) throw new Error(parsed.errors[0]?.message);
        const fast = read(cells);
        // Numbers compare as numbers: the fast path keeps the file's text ("1.0" for 1).
        const asNumbers = (text: string) =>
          text.split(",").map((c) => (c === "" || /[tf]/.test(c) ? c : Number(c)));
        expect(fast && asNumbers(fast.line)).toEqual(asNumbers(expected(parsed.row)));
        expect(fast).toMatchObject({
          areaFips: parsed.row.areaFips,
          ownCode: parsed.row.ownCode,
          industryCode: parsed.row.industryCode,
          agglvlCode: parsed.row.agglvlCode,
          year: 2020,
          quarter: parsed.row.quarter ?? 0,
        });
        if (!parsed.row.disclosed) suppressed += 1;
      }
      expect(suppressed).toBeGreaterThan(0);
    });
  }

  it("refuses a row with any bad cell, a missing cell or an extra one", () => {
    const [header = "", first = ""] = fixtureText(franklinFile).split("\n");
    const names = header.split(",");
    const read = qcewLineReader(names, "annual", fields);
    const cells = first.split(",");
    expect(read(cells)?.line).toMatch(/^2020,0,39049,0,10,t,34674,727016,,45718355278,/);
    const withCell = (column: string, value: string) =>
      cells.map((c, i) => (names[i] === column ? value : c));
    expect(read(withCell("annual_avg_emplvl", "12x"))).toBeNull();
    // A column no field asks for is checked all the same.
    expect(read(withCell("taxable_annual_wages", "-1"))).toBeNull();
    expect(read(withCell("lq_disclosure_code", "D"))).toBeNull();
    expect(read(cells.slice(0, -1))).toBeNull();
    expect(read([...cells, ""])).toBeNull();
  });
});
