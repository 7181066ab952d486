/**
 * The area of a coordinator scope from what the caller named: a state, or a region given as
 * counties and/or a CBSA (expanded to its counties). Shared by coordinator assignment and by the
 * admin's service tokens, so both validate and name areas alike.
 */
import { eq, inArray } from "drizzle-orm";
import type { ScopeKind } from "../../../core/coordinators.js";
import { stateByFips } from "../../../core/geography.js";
import type { Executor } from "../../../db/open.js";
import { coordinatorScopeCounties, coordinatorScopes, counties } from "../../../db/schema/index.js";
import { msg } from "../../../core/i18n/msg.js";
import { fieldError } from "../../errors.js";

/** Field messages shared with a regional team's area (regional-teams/region.ts). */
export const noCountyOfCbsa = msg({
  id: "server.coordinators.field.noCountyOfCbsa",
  defaultMessage: "no county of this CBSA is known",
});
export const notUsCounty = (fips: string) =>
  msg({ id: "server.coordinators.field.notUsCounty", defaultMessage: "{fips} is not a US county" }, { fips });
export const nameACounty = msg({
  id: "server.coordinators.field.nameACounty",
  defaultMessage: "name at least one county, or a CBSA",
});

export interface ScopeAreaInput {
  kind: ScopeKind;
  stateFips?: string | undefined;
  name?: string | undefined;
  counties?: string[] | undefined;
  cbsaCode?: string | undefined;
}

export interface ScopeArea {
  kind: ScopeKind;
  stateFips: string;
  name: string;
  cbsaCode: string | null;
  /** A region's counties, sorted; empty for a state. */
  counties: string[];
}

/** Validates and expands an area; a bad part answers 400 naming its field (`prefix` + field). */
export async function resolveScopeArea(tx: Executor, body: ScopeAreaInput, prefix = ""): Promise<ScopeArea> {
  if (body.kind === "state") {
    if (!body.stateFips) {
      throw fieldError(
        `${prefix}stateFips`,
        msg({
          id: "server.coordinators.field.stateRequired",
          defaultMessage: "is required for a state coordinator",
        }),
      );
    }
    const state = stateByFips(body.stateFips);
    if (!state) {
      throw fieldError(
        `${prefix}stateFips`,
        msg({ id: "server.coordinators.field.notUsState", defaultMessage: "is not a US state" }),
      );
    }
    return { kind: "state", stateFips: state.fips, name: state.name, cbsaCode: null, counties: [] };
  }
  let fipsList: string[] = [];
  let cbsaTitle: string | null = null;
  if (body.cbsaCode) {
    const rows = await tx
      .select({ fips: counties.fips, title: counties.cbsaTitle })
      .from(counties)
      .where(eq(counties.cbsaCode, body.cbsaCode));
    if (rows.length === 0) throw fieldError(`${prefix}cbsaCode`, noCountyOfCbsa);
    fipsList = rows.map((r) => r.fips);
    cbsaTitle = rows[0].title;
  }
  if (body.counties?.length) {
    const known = await tx
      .select({ fips: counties.fips })
      .from(counties)
      .where(inArray(counties.fips, body.counties));
    const knownSet = new Set(known.map((k) => k.fips));
    const unknown = body.counties.find((f) => !knownSet.has(f));
    if (unknown) throw fieldError(`${prefix}counties`, notUsCounty(unknown));
    fipsList = [...new Set([...fipsList, ...body.counties])];
  }
  if (fipsList.length === 0) throw fieldError(`${prefix}counties`, nameACounty);
  fipsList.sort();
  // A region's state is the one most of its counties lie in (ties: the lower code).
  const tally = new Map<string, number>();
  for (const f of fipsList) tally.set(f.slice(0, 2), (tally.get(f.slice(0, 2)) ?? 0) + 1);
  const stateFips =
    body.stateFips ?? [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  return {
    kind: "region",
    stateFips,
    name: body.name || cbsaTitle || `Region of ${fipsList.length} counties`,
    cbsaCode: body.cbsaCode ?? null,
    counties: fipsList,
  };
}

/** Stores a scope of this area for a person; answers its id. */
export async function insertScope(
  tx: Executor,
  area: ScopeArea,
  input: { userId: string; assignedBy: string; createdAt: Date },
): Promise<string> {
  const [scope] = await tx
    .insert(coordinatorScopes)
    .values({
      userId: input.userId,
      kind: area.kind,
      stateFips: area.stateFips,
      name: area.name,
      cbsaCode: area.kind === "region" ? area.cbsaCode : null,
      assignedBy: input.assignedBy,
      createdAt: input.createdAt,
    })
    .returning({ id: coordinatorScopes.id });
  if (area.counties.length > 0) {
    await tx
      .insert(coordinatorScopeCounties)
      .values(area.counties.map((countyFips) => ({ scopeId: scope.id, countyFips })));
  }
  return scope.id;
}
