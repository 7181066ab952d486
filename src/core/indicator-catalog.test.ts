import { describe, expect, it } from "vitest";
import esCore from "../../locales/es/core.json" with { type: "json" };
import { withTranslator, type MessageDescriptor } from "./i18n/msg.js";
import { catalogEntries, indicatorDefinition, indicatorName } from "./indicator-catalog.js";

const spanish = (message: MessageDescriptor) =>
  (esCore as Record<string, string>)[message.id] ?? `untranslated ${message.id}`;
const inSpanish = <T>(read: () => T): T => withTranslator(spanish, read);

const jobs = catalogEntries.find((entry) => entry.key === "jobs_created")!;
const shipped = {
  key: "jobs_created",
  name: jobs.name.defaultMessage,
  definition: jobs.definition.defaultMessage,
};

describe("the indicator catalog's words", () => {
  it("read a shipped name and definition in the reader's language, and in English with no reader", () => {
    expect(inSpanish(() => [indicatorName(shipped), indicatorDefinition(shipped)])).toEqual([
      "Nuevos empleos creados",
      "Nuevos empleos netos en las empresas miembro de la región.",
    ]);
    expect(indicatorName(shipped)).toBe("New jobs created");
  });

  it("keep a name or definition a community admin rewrote as written: nobody translated it", () => {
    const rewritten = { ...shipped, name: "Net new jobs", definition: "Counted in December." };
    expect(inSpanish(() => [indicatorName(rewritten), indicatorDefinition(rewritten)])).toEqual([
      "Net new jobs",
      "Counted in December.",
    ]);
    // Only the part that was rewritten stays as written.
    const renamed = { ...shipped, name: "Net new jobs" };
    expect(inSpanish(() => indicatorDefinition(renamed))).toMatch(/^Nuevos empleos netos/);
  });

  it("keep a partnership's own indicator as written, even when it borrows a shipped name", () => {
    const own = { key: "own_3f2a_jobs", name: "New jobs created", definition: "Ours." };
    expect(inSpanish(() => indicatorName(own))).toBe("New jobs created");
  });

  it("have a Spanish name and definition for every shipped indicator, each its own", () => {
    const names = inSpanish(() => catalogEntries.map((entry) => spanish(entry.name)));
    expect(names.filter((name) => name.startsWith("untranslated"))).toEqual([]);
    expect(new Set(names).size).toBe(catalogEntries.length);
    const definitions = catalogEntries.map((entry) => spanish(entry.definition));
    expect(definitions.filter((text) => text.startsWith("untranslated"))).toEqual([]);
    expect(new Set(catalogEntries.map((entry) => entry.key)).size).toBe(catalogEntries.length);
  });
});
