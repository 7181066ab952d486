import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvRecords, CsvSplitter, type CsvItem } from "./import-csv.js";

/** Every item of a text fed in pieces of `size` characters, so records cross chunk ends. */
function split(text: string, size = text.length || 1): CsvItem[] {
  const splitter = new CsvSplitter();
  const out: CsvItem[] = [];
  for (let i = 0; i < text.length; i += size) splitter.feed(text.slice(i, i + size), false, out);
  splitter.feed("", true, out);
  return out;
}
const cellsOf = (items: CsvItem[]) => items.map((i) => ("cells" in i ? i.cells : i.error));

describe("CsvSplitter", () => {
  const text =
    '\uFEFF"area_fips","own_code",title\n' +
    '"39049","0",plain\n' +
    '39041,5,"two\nlines"\n' +
    '"US000","5","a ""quoted"" word, and a comma"\n' +
    "\n" +
    "39073,3,\n" +
    '"39045","1",last';

  it("reads what csv-parse reads, whatever the chunk size, with each record's first line", () => {
    const expected: string[][] = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    });
    for (const size of [1, 2, 3, 7, 64, text.length]) {
      const items = split(text, size);
      expect(cellsOf(items)).toEqual(expected);
      expect(items.map((i) => i.line)).toEqual([1, 2, 3, 5, 6, 7, 8]);
    }
    // Windows line ends read the same; a line break inside quotes stays as written.
    expect(cellsOf(split(text.replace(/\n(?!lines)/g, "\r\n"), 4))).toEqual(cellsOf(split(text)));
  });

  it("skips a record that is not CSV to the end of its line and goes on; an unclosed quote is fatal", () => {
    const items = split('a,b\n39049",0\n"x"y,1\n1,2\n"open,3\n4,5\n', 5);
    expect(items).toEqual([
      { line: 1, cells: ["a", "b"] },
      {
        line: 2,
        error: expect.objectContaining({ id: "server.qcew.csv.quoteInside", values: { cell: 1 } }),
        fatal: false,
      },
      {
        line: 3,
        error: expect.objectContaining({ id: "server.qcew.csv.textAfterQuote", values: { cell: 1 } }),
        fatal: false,
      },
      { line: 4, cells: ["1", "2"] },
      { line: 5, error: expect.objectContaining({ id: "server.qcew.csv.unclosedQuote" }), fatal: true },
    ]);
  });

  it("reads a byte stream whose chunks cut a character in two", async () => {
    const bytes = Buffer.from("name,place\nJosé,Zürich\n");
    const cut = bytes.indexOf(0xc3) + 1;
    const stream = Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]);
    const items: CsvItem[] = [];
    for await (const chunk of csvRecords(stream)) items.push(...chunk);
    expect(cellsOf(items)).toEqual([
      ["name", "place"],
      ["José", "Zürich"],
    ]);
  });
});
