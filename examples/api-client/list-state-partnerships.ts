/**
 * A state system's nightly read, as an example of the API from outside: every partnership of a
 * state with the latest value of each indicator the token's owner may see. Typed by a client
 * generated from the OpenAPI document:
 *
 *   npx openapi-typescript openapi.json -o examples/api-client/api-types.d.ts
 *   SHARED_TABLE_URL=http://localhost:3000 SHARED_TABLE_TOKEN=st_… \
 *     npx tsx examples/api-client/list-state-partnerships.ts OH
 *
 * scripts/api-client.test.ts generates the types, type-checks this file against them and runs
 * it against a live server, so the document cannot drift into something clients can't use.
 */
import createClient from "openapi-fetch";
import type { paths } from "./api-types.js";

export interface LatestValue {
  indicator: string;
  period: string;
  value: number;
}
export interface StatePartnership {
  name: string;
  slug: string;
  latest: LatestValue[];
}

/** The newest period first: "2025-Q2" after "2025" after "2024-Q4". */
const newer = (a: string, b: string) =>
  a.slice(0, 4) === b.slice(0, 4) ? a.length > b.length || a > b : a > b;

export async function listStatePartnerships(options: {
  baseUrl: string;
  token: string;
  state: string;
}): Promise<StatePartnership[]> {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { authorization: `Bearer ${options.token}` },
  });
  const out: StatePartnership[] = [];
  for (let page = 1; ; page++) {
    const { data, error } = await client.GET("/api/partnerships", {
      params: { query: { state: [options.state], page, pageSize: 100 } },
    });
    if (error) throw new Error(`partnerships: ${error.status} ${error.detail}`);
    for (const partnership of data.items) {
      const values = await client.GET("/api/partnerships/{id}/measurements", {
        params: { path: { id: partnership.id } },
      });
      if (values.error) throw new Error(`${partnership.slug}: ${values.error.status} ${values.error.detail}`);
      const latest = new Map<string, LatestValue>();
      for (const m of values.data.items) {
        if (m.kind !== "actual") continue;
        const known = latest.get(m.indicator);
        if (!known || newer(m.period, known.period))
          latest.set(m.indicator, { indicator: m.indicator, period: m.period, value: m.value });
      }
      out.push({ name: partnership.name, slug: partnership.slug, latest: [...latest.values()] });
    }
    if (page * 100 >= data.total) return out;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const baseUrl = process.env.SHARED_TABLE_URL ?? "http://localhost:3000";
  const token = process.env.SHARED_TABLE_TOKEN;
  if (!token) throw new Error("Set SHARED_TABLE_TOKEN to an API token from your account page.");
  for (const p of await listStatePartnerships({ baseUrl, token, state: process.argv[2] ?? "OH" })) {
    console.log(
      `${p.name}: ${p.latest.map((v) => `${v.indicator} ${v.value} (${v.period})`).join(", ") || "no values"}`,
    );
  }
}
