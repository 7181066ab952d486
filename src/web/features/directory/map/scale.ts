/** Sequential colors of the choropleth, from "none" to "most"; text is never drawn on them. */
export const bucketColors = [
  "var(--mantine-color-gray-2)",
  "var(--mantine-color-table-1)",
  "var(--mantine-color-table-3)",
  "var(--mantine-color-table-5)",
  "var(--mantine-color-table-7)",
  "var(--mantine-color-table-9)",
] as const;

/** Bucket 0 is "no partnership"; buckets 1..5 split 1..max evenly. */
export function bucketOf(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(5, Math.max(1, Math.ceil((count / max) * 5)));
}

/** Legend entries: the range of counts that each used bucket stands for; `none` names bucket 0. */
export function legend(max: number, none: string): { color: string; label: string }[] {
  const entries: { color: string; label: string }[] = [{ color: bucketColors[0], label: none }];
  if (max <= 0) return entries;
  let from = 1;
  for (let b = 1; b <= 5; b++) {
    const to = Math.floor((b / 5) * max);
    if (to < from) continue;
    entries.push({
      color: bucketColors[b] ?? bucketColors[5],
      label: from === to ? `${from}` : `${from}–${to}`,
    });
    from = to + 1;
  }
  return entries;
}
