/**
 * The catalogs: English extracted from the code (each message's id and default text), every
 * other language translated by hand under `locales/<code>/`. Three parts, by where a message is
 * used: `core` (both sides), `web` (the app in the browser) and `server` (problem+json, e-mails,
 * calendars, reports, exports). The browser loads core and web; the server core and server.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isStructurallySame, parse } from "@formatjs/icu-messageformat-parser";
import { LOCALES } from "../../src/core/i18n/locales.js";

export const PARTS = {
  core: ["src/core/**/*.ts"],
  web: ["src/web/**/*.ts", "src/web/**/*.tsx"],
  server: ["src/server/**/*.ts"],
} as const;
export type Part = keyof typeof PARTS;
const IGNORE = ["**/*.test.ts", "**/*.test.tsx", "**/*.d.ts"];

/** Ids name where a message lives, dotted: "shell.skipLink", "errors.title.not_found". */
const ID = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/;

export type Catalog = Record<string, string>;

/** The English catalog of one part, read from the code as it is now. */
export function extractPart(part: Part): Catalog {
  const dir = mkdtempSync(join(tmpdir(), "i18n-"));
  try {
    const out = join(dir, `${part}.json`);
    execFileSync(
      process.execPath,
      [
        "node_modules/@formatjs/cli/bin/formatjs",
        "extract",
        ...PARTS[part],
        ...IGNORE.flatMap((glob) => ["--ignore", glob]),
        "--out-file",
        out,
        "--format",
        "simple",
        "--throws",
        // An e-mail's message keeps its line breaks.
        "--preserve-whitespace",
        // `msg(descriptor, values)`: a message decided in one place and put in words in another.
        "--additional-function-names",
        "msg",
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    return sortCatalog(JSON.parse(readFileSync(out, "utf8")) as Catalog);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function sortCatalog(catalog: Catalog): Catalog {
  return Object.fromEntries(Object.entries(catalog).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function catalogPath(locale: string, part: Part): string {
  return join("locales", locale, `${part}.json`);
}

export function readCatalog(locale: string, part: Part): Catalog | undefined {
  try {
    return JSON.parse(readFileSync(catalogPath(locale, part), "utf8")) as Catalog;
  } catch {
    return undefined;
  }
}

export function formatCatalog(catalog: Catalog): string {
  return `${JSON.stringify(sortCatalog(catalog), null, 2)}\n`;
}

/** Everything wrong with the catalogs, one line each; empty when they are complete. */
export function catalogProblems(extracted: Record<Part, Catalog>): string[] {
  const problems: string[] = [];
  const seen = new Map<string, Part>();
  for (const part of Object.keys(PARTS) as Part[]) {
    const english = extracted[part];
    for (const id of Object.keys(english)) {
      if (!ID.test(id)) problems.push(`${part}: the id "${id}" is not a dotted name like "shell.skipLink"`);
      const other = seen.get(id);
      if (other) problems.push(`${part}: the id "${id}" is also used in ${other}; ids are unique`);
      seen.set(id, part);
    }
    const committed = readCatalog("en", part);
    if (!committed || formatCatalog(committed) !== formatCatalog(english))
      problems.push(`${catalogPath("en", part)} is not the code's English: run \`npm run i18n:extract\``);
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      const translated = readCatalog(locale, part);
      if (!translated) {
        problems.push(`${catalogPath(locale, part)} is missing`);
        continue;
      }
      for (const id of Object.keys(english))
        if (!(id in translated)) problems.push(`${catalogPath(locale, part)}: "${id}" is not translated`);
      for (const [id, message] of Object.entries(translated)) {
        const source = english[id];
        if (source === undefined) {
          problems.push(`${catalogPath(locale, part)}: "${id}" is not used by the code; remove it`);
          continue;
        }
        try {
          const same = isStructurallySame(parse(source), parse(message));
          if (!same.success)
            problems.push(
              `${catalogPath(locale, part)}: "${id}" ${same.error?.message ?? "differs from English"}`,
            );
        } catch (error) {
          problems.push(`${catalogPath(locale, part)}: "${id}" is not valid ICU: ${String(error)}`);
        }
      }
    }
  }
  return problems;
}
