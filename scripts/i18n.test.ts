import { describe, expect, it } from "vitest";
import { catalogProblems, extractPart, PARTS, type Catalog, type Part } from "./i18n/catalogs.js";

describe("the catalogs", () => {
  it("hold every message the code uses, in every language, with the English's arguments", () => {
    const extracted = Object.fromEntries(
      (Object.keys(PARTS) as Part[]).map((part) => [part, extractPart(part)]),
    ) as Record<Part, Catalog>;
    expect(catalogProblems(extracted)).toEqual([]);

    // The same check fails on a message the catalogs lack, and on a bad id.
    const ahead = { ...extracted, web: { ...extracted.web, "shell.brandNew": "New", Unnamed: "x" } };
    const problems = catalogProblems(ahead);
    expect(problems).toContain('locales/es/web.json: "shell.brandNew" is not translated');
    expect(problems).toContain('web: the id "Unnamed" is not a dotted name like "shell.skipLink"');
    expect(problems).toContain("locales/en/web.json is not the code's English: run `npm run i18n:extract`");
  });
});
