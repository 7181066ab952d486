import { describe, expect, it } from "vitest";
import { levelKeys, type RubricContent } from "../../../core/assessment-scoring.js";
import { localizeRubric, type RubricTranslation } from "../../../core/rubric-translation.js";
import { rubricV1 } from "./rubric-v1.js";
import { rubricV1Es } from "./rubric-v1.es.js";
import { rubricV2 } from "./rubric-v2.js";
import { rubricV2Es } from "./rubric-v2.es.js";

/** The released versions ship whole in Spanish, and their translations never outlive a key. */
describe.each([
  ["version 1", rubricV1, rubricV1Es],
  ["version 2", rubricV2, rubricV2Es],
] as [string, RubricContent, RubricTranslation][])("the Spanish of %s", (_, english, spanish) => {
  it("translates every name, summary, statement, level and resource title", () => {
    const read = localizeRubric(english, { es: spanish }, "es");
    expect(read.inEnglish).toEqual([]);
    expect(read.untranslated).toBe(0);
    for (const c of english.characteristics) {
      expect(spanish.characteristics[c.key]?.name, c.key).toBeTruthy();
      expect(spanish.characteristics[c.key]?.summary, c.key).toBeTruthy();
      for (const s of c.statements) {
        expect(spanish.statements[s.key]?.text, s.key).toBeTruthy();
        for (const level of levelKeys) expect(spanish.statements[s.key]?.levels?.[level], s.key).toBeTruthy();
      }
    }
  });

  it("has no key the English lacks", () => {
    const statements = new Set(english.characteristics.flatMap((c) => c.statements.map((s) => s.key)));
    const titles = new Set(
      english.characteristics.flatMap((c) => c.statements.flatMap((s) => s.resources.map((r) => r.title))),
    );
    expect(Object.keys(spanish.characteristics).sort()).toEqual(
      english.characteristics.map((c) => c.key).sort(),
    );
    expect(Object.keys(spanish.statements).filter((k) => !statements.has(k))).toEqual([]);
    expect(Object.keys(spanish.resourceTitles).filter((t) => !titles.has(t))).toEqual([]);
  });

  it("reads a missing text in English, counted and named by its statement", () => {
    const first = english.characteristics[0].statements[0];
    const { [first.key]: _gone, ...rest } = spanish.statements;
    const read = localizeRubric(english, { es: { ...spanish, statements: rest } }, "es");
    expect(read.inEnglish).toEqual([first.key]);
    expect(read.untranslated).toBe(1 + levelKeys.length);
    expect(read.characteristics[0].statements[0].text).toBe(first.text);
  });
});
