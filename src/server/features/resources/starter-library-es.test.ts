import { describe, expect, it } from "vitest";
import { starterLibrary } from "./starter-library.js";
import { starterLibraryEs } from "./starter-library.es.js";

/** The shape of a Markdown text: its headings, list items, table rows and rules, in order. */
const shape = (markdown: string) =>
  markdown
    .split("\n")
    .map((line) => /^(#+ |- |\d+\. |\||---$)/.exec(line)?.[1] ?? null)
    .filter(Boolean);

describe("the starter library in Spanish", () => {
  it("translates every starter resource and nothing else", () => {
    expect(Object.keys(starterLibraryEs).sort()).toEqual(starterLibrary.map((r) => r.slug).sort());
    for (const r of starterLibrary) {
      const es = starterLibraryEs[r.slug];
      expect(es.title.trim(), r.slug).not.toBe("");
      expect(es.summary.trim(), r.slug).not.toBe("");
      expect(es.body.trim(), r.slug).not.toBe("");
      expect(es.title, r.slug).not.toBe(r.title);
    }
  });

  it("keeps each text's Markdown structure: headings, lists, tables and rules in the same order", () => {
    for (const r of starterLibrary)
      expect(shape(starterLibraryEs[r.slug].body), r.slug).toEqual(shape(r.body));
  });
});
