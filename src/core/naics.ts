/**
 * NAICS codes at any level. Sectors 31-33, 44-45 and 48-49 are ranges: "31-33" stands for the
 * two-digit prefixes 31, 32 and 33, so a partnership registered as 3363 is in sector 31-33.
 */
const rangeSectors: Record<string, string[]> = {
  "31-33": ["31", "32", "33"],
  "44-45": ["44", "45"],
  "48-49": ["48", "49"],
};

export const naicsCodePattern = /^(\d{2,6}|31-33|44-45|48-49)$/;

/** The plain-digit prefixes a code covers. */
export function naicsPrefixes(code: string): string[] {
  return rangeSectors[code] ?? [code];
}

/** The sector (two-digit or range) that a code belongs to. */
export function naicsSector(code: string): string {
  const two = code.slice(0, 2);
  for (const [range, prefixes] of Object.entries(rangeSectors)) {
    if (prefixes.includes(two)) return range;
  }
  return two;
}

/** True when `code` lies inside `filter` (same or deeper level). */
export function naicsWithin(code: string, filter: string): boolean {
  if (code === filter) return true;
  const codeDigits = naicsPrefixes(code);
  return naicsPrefixes(filter).some((prefix) => codeDigits.every((c) => c.startsWith(prefix)));
}

/** Titles of the naics package and of Census downloads end with a footnote marker "T". */
export function cleanNaicsTitle(title: string): string {
  return title
    .trim()
    .replace(/(?<=[a-z)])T$/, "")
    .trim();
}

export function naicsLevel(code: string): number {
  return code.includes("-") ? 2 : code.length;
}

/** The broader codes a code sits inside, e.g. 3363 -> 336, 33 and the sector 31-33. */
export function naicsAncestors(code: string): string[] {
  if (code.includes("-")) return [];
  const out: string[] = [];
  for (let len = code.length - 1; len >= 2; len--) out.push(code.slice(0, len));
  const sector = naicsSector(code);
  if (sector !== code.slice(0, 2)) out.push(sector);
  return out;
}
