import { msg } from "../../../core/i18n/msg.js";
import { and, eq, sql } from "drizzle-orm";
import { stateByFips } from "../../../core/geography.js";
import type {
  PartnershipCreate,
  PartnershipDetail,
  PartnershipList,
  PartnershipListQuery,
  PartnershipPatch,
} from "../../../core/partnerships.js";
import type { Executor } from "../../../db/open.js";
import {
  memberships,
  partnershipCounties,
  partnershipNaics,
  partnershipRevisions,
  partnerships,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { queryRows, readTogether } from "../../../db/query.js";
import { announceDirectoryChange } from "../../lib/change-feed.js";
import { authorize, roleIn } from "./policy.js";
import {
  directoryCards,
  directoryOrder,
  industryTitle,
  keyPageSql,
  onlyStateIndustryKeys,
  pageColumns,
  resolvedSort,
  searchRank,
  type DirectoryFilters,
} from "./queries.js";
import { uniqueSlug } from "./slug.js";
import { syncPartnershipEconomy } from "../qcew/partnership-sync.js";
import { checkReferenceCodes } from "./validate.js";
import { findPartnership } from "./find.js";
import { readPartnershipProfile } from "./profile-query.js";

export { findPartnership };

async function replaceRegionAndIndustry(
  tx: Executor,
  id: string,
  input: { naics?: string[]; counties?: string[] },
) {
  if (input.naics) {
    await tx.delete(partnershipNaics).where(eq(partnershipNaics.partnershipId, id));
    const codes = [...new Set(input.naics)];
    await tx
      .insert(partnershipNaics)
      .values(codes.map((code, position) => ({ partnershipId: id, code, position })));
  }
  if (input.counties) {
    await tx.delete(partnershipCounties).where(eq(partnershipCounties.partnershipId, id));
    const fips = [...new Set(input.counties)];
    await tx
      .insert(partnershipCounties)
      .values(fips.map((f) => ({ partnershipId: id, fips: f, stateFips: f.slice(0, 2) })));
  }
  // The BLS QCEW indicator values follow the industry and the region.
  if (input.naics || input.counties) await syncPartnershipEconomy(tx, id);
}

function profileFields(input: Partial<PartnershipCreate>) {
  const { naics: _naics, counties: _counties, ...rest } = input;
  return rest;
}

/**
 * Inserts a partnership with its industry and counties (reference codes checked, a unique
 * slug, the QCEW indicators synced) inside the caller's transaction, and tells the directory.
 * Who sits at its table is the caller's business: the creator (createPartnership) or a
 * regional team's people (regional-teams/start-partnership.ts).
 */
export async function insertPartnership(
  tx: Executor,
  input: PartnershipCreate & { regionalTeamId?: string },
): Promise<{ id: string; slug: string; name: string }> {
  await checkReferenceCodes(tx, input);
  const [row] = await tx
    .insert(partnerships)
    .values({
      ...profileFields(input),
      name: input.name,
      setting: input.setting,
      stage: input.stage ?? "civic_infrastructure",
      slug: await uniqueSlug(tx, input.name),
    })
    .returning({ id: partnerships.id, slug: partnerships.slug, name: partnerships.name });
  await replaceRegionAndIndustry(tx, row.id, input);
  await announceDirectoryChange(tx);
  return row;
}

export async function createPartnership(
  deps: AppDeps,
  actor: Actor,
  input: PartnershipCreate,
): Promise<PartnershipDetail> {
  const id = await deps.db.transaction(async (tx) => {
    const { id } = await insertPartnership(tx, input);
    await tx.insert(memberships).values({ partnershipId: id, personId: actor.personId, role: "convener" });
    return id;
  });
  deps.answers.invalidate();
  return getPartnershipDetail(deps.db, id, actor);
}

/** The public profile (one statement: profile-query.ts). */
export function getPartnershipDetail(
  db: Executor,
  idOrSlug: string,
  actor: Actor | null,
): Promise<PartnershipDetail> {
  return readPartnershipProfile(db, idOrSlug, actor);
}

export async function updatePartnership(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: PartnershipPatch,
): Promise<PartnershipDetail> {
  const { version, ...changes } = patch;
  await deps.db.transaction(async (tx) => {
    const current = await findPartnership(tx, id);
    authorize(
      actor,
      await roleIn(tx, current.id, actor),
      "edit",
      msg({
        id: "server.partnerships.convenerEditsProfile",
        defaultMessage: "Only a convener of this partnership may edit its profile.",
      }),
    );
    await checkReferenceCodes(tx, changes);
    const updated = await tx
      .update(partnerships)
      .set({ ...profileFields(changes), version: sql`${partnerships.version} + 1`, updatedAt: deps.now() })
      .where(and(eq(partnerships.id, current.id), eq(partnerships.version, version)))
      .returning({ id: partnerships.id });
    if (updated.length === 0) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.partnerships.thisProfileWasChangedBy",
            defaultMessage:
              "This profile was changed by someone else (you edited version {edited}, it is now {now}). Reload it, then apply your changes again.",
          },
          { edited: String(version), now: String(current.version) },
        ),
        { current: await getPartnershipDetail(tx, current.id, actor) },
      );
    }
    await tx.insert(partnershipRevisions).values({
      partnershipId: current.id,
      version: current.version,
      snapshot: JSON.stringify(current),
      changedBy: actor.userId,
    });
    await replaceRegionAndIndustry(tx, current.id, changes);
    await announceDirectoryChange(tx);
  });
  deps.answers.invalidate();
  return getPartnershipDetail(deps.db, id, actor);
}

interface ListRow {
  id: string;
  slug: string;
  name: string;
  stage: PartnershipDetail["stage"];
  setting: PartnershipDetail["setting"];
  launch_date: string | null;
  naics: string[] | null;
  counties: string[] | null;
  industry: string | null;
  business_count: number;
  public_count: number;
  total: number;
}

/**
 * One query for a page of the directory, over the partnerships' cards. With a narrowing filter
 * its matches are counted as they are read and then sorted; without one, the page comes straight
 * from the index of its order and the count from the cards alone.
 */
export async function listPartnerships(db: Executor, query: PartnershipListQuery): Promise<PartnershipList> {
  const offset = (query.page - 1) * query.pageSize;
  const sort = resolvedSort(query);
  const cards = directoryCards(query);
  // Filters count their matches apart (an InitPlan run once), so each part takes its own best
  // index: with count(*) over () the planner walked the name index as if the LIMIT stopped it,
  // but the count read every match through it (a state's manufacturing page at ten times the
  // national set: 21-72 ms). A search ranks every match anyway: it is found once, materialized,
  // and counted as it is read (counted apart, the text search ran twice).
  const order = directoryOrder(sort, query.q);
  const keys = sort === "name" || sort === "-name" ? onlyStateIndustryKeys(query) : null;
  const rows = await queryRows<ListRow>(
    db,
    keys
      ? keyPageSql(keys, sort === "-name", query.pageSize, offset)
      : query.q
        ? // Only what orders the matches is materialized, each match's rank computed once; the page's
          // cards are read after. Materializing whole cards with their search documents (1 KB a
          // match) spilled to disk: a search matching 2,934 of 3,000 partnerships took 45 ms, 11 now.
          sql`with p as materialized (
            select p.id, p.name, p.launch_date, p.updated_at, p.stage, ${searchRank(query.q)} as rank
            from ${cards})
          select page.*, ${industryTitle}
          from (
            select ${pageColumns("c")}, p.total::int as total
            from (select p.*, count(*) over () as total from p
                  order by ${order} limit ${query.pageSize} offset ${offset}) p
            join directory_cards c on c.id = p.id
            order by ${order}
          ) page`
        : sql`select page.*, ${industryTitle}
          from (
            select ${pageColumns("p")}, (select count(*) from ${cards})::int as total
            from ${cards}
            order by ${order}
            limit ${query.pageSize} offset ${offset}
          ) page`,
  );
  let count = rows[0]?.total ?? 0;
  if (rows.length === 0 && offset > 0) {
    // Past the last page: the count came with the rows, so count separately.
    const [counted] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${cards}`);
    count = counted?.n ?? 0;
  }
  return {
    items: rows.map((r) => {
      const countyList = r.counties ?? [];
      return {
        id: r.id,
        slug: r.slug,
        name: r.name,
        naics: r.naics ?? [],
        industry: r.industry ?? "",
        states: [...new Set(countyList.map((f) => stateByFips(f.slice(0, 2))?.abbr ?? f.slice(0, 2)))].sort(),
        counties: countyList,
        stage: r.stage,
        setting: r.setting,
        launchDate: r.launch_date,
        businessCount: r.business_count,
        publicCount: r.public_count,
      };
    }),
    total: count,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function directoryMap(db: Executor, filters: DirectoryFilters) {
  const cards = directoryCards(filters);
  const [stateRows, countyRows] = await readTogether(db, [
    () =>
      queryRows<{ fips: string; count: number }>(
        db,
        sql`select s.fips, count(*)::int as count from ${cards} cross join unnest(p.state_fips) as s(fips)
            group by s.fips order by s.fips`,
      ),
    () =>
      queryRows<{ fips: string; count: number }>(
        db,
        sql`select c.fips, count(*)::int as count from ${cards} cross join unnest(p.counties) as c(fips)
            group by c.fips order by c.fips`,
      ),
  ]);
  return {
    states: stateRows.map((s) => ({
      ...s,
      abbr: stateByFips(s.fips)?.abbr ?? s.fips,
    })),
    counties: countyRows,
  };
}
