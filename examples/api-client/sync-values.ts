/**
 * A state system's nightly copy of the impact values it may read, as an example of the sync
 * API: the first run copies everything, each later run only what changed since the previous
 * one's `until` (kept here in a small JSON file), applying removals.
 *
 *   SHARED_TABLE_URL=http://localhost:3000 SHARED_TABLE_TOKEN=st_… \
 *     npx tsx examples/api-client/sync-values.ts values.json
 *
 * scripts/api-client.test.ts type-checks it against the generated client and runs it twice.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import createClient from "openapi-fetch";
import type { paths } from "./api-types.js";

export interface CopiedValue {
  partnershipId: string;
  indicator: string;
  kind: string;
  period: string;
  value: number;
}
export interface Copy {
  /** Send as `updatedSince` next time; null before the first run. */
  until: string | null;
  values: Record<string, CopiedValue>;
}

/** Brings a copy up to date; returns the new copy and how many values changed or went. */
export async function syncValues(options: {
  baseUrl: string;
  token: string;
  copy: Copy;
}): Promise<{ copy: Copy; changed: number; removed: number }> {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { authorization: `Bearer ${options.token}` },
  });
  const values = { ...options.copy.values };
  let changed = 0;
  let removed = 0;
  let cursor: string | undefined;
  for (;;) {
    const { data, error } = await client.GET("/api/sync/measurements", {
      params: {
        query: {
          ...(options.copy.until ? { updatedSince: options.copy.until } : {}),
          ...(cursor ? { cursor } : {}),
          limit: 500,
        },
      },
    });
    if (error) throw new Error(`sync: ${error.status} ${error.detail}`);
    for (const item of data.items) {
      if (item.removed) {
        if (values[item.id]) removed++;
        delete values[item.id];
      } else if (item.indicatorKey && item.kind && item.period && item.value !== null) {
        values[item.id] = {
          partnershipId: item.partnershipId,
          indicator: item.indicatorKey,
          kind: item.kind,
          period: item.period,
          value: item.value,
        };
        changed++;
      }
    }
    if (!data.nextCursor) return { copy: { until: data.until, values }, changed, removed };
    cursor = data.nextCursor;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const baseUrl = process.env.SHARED_TABLE_URL ?? "http://localhost:3000";
  const token = process.env.SHARED_TABLE_TOKEN;
  if (!token) throw new Error("Set SHARED_TABLE_TOKEN to an API token from your account page.");
  const file = process.argv[2] ?? "values.json";
  const copy: Copy = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as Copy)
    : { until: null, values: {} };
  const result = await syncValues({ baseUrl, token, copy });
  writeFileSync(file, JSON.stringify(result.copy));
  console.log(
    `${result.changed} values new or changed, ${result.removed} removed, up to ${result.copy.until}.`,
  );
}
