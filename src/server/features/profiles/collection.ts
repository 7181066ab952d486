import { and, eq, inArray, isNull } from "drizzle-orm";
import { visibleTo } from "../../../core/impact.js";
import { naicsSector } from "../../../core/naics.js";
import { stateByAbbr } from "../../../core/geography.js";
import type { Profile, ProfileList, ProfileListQuery } from "../../../core/profiles.js";
import { benchmarkProfiles, memberships, partnerships } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError } from "../../errors.js";
import { markdownToPlainText } from "../../lib/markdown.js";
import { impactAccess } from "../impact/access.js";
import { sectorTitles } from "../impact/rollup.js";
import { profileView } from "./service.js";
import { partnershipSummaries } from "./summaries.js";

const SUMMARY_LENGTH = 240;

function summaryOf(markdown: string): string {
  const text = markdownToPlainText(markdown);
  if (text.length <= SUMMARY_LENGTH) return text;
  return `${text.slice(0, text.lastIndexOf(" ", SUMMARY_LENGTH - 1) > 0 ? text.lastIndexOf(" ", SUMMARY_LENGTH - 1) : SUMMARY_LENGTH - 1)}…`;
}

/**
 * Published profiles the reader may see: public ones for everyone, community ones for anyone
 * signed in, members-only ones for the partnership's members. Narrowed by industry sector,
 * state, stage and setting; the filters' choices come from every profile the reader may see.
 */
export async function listProfiles(
  deps: AppDeps,
  actor: Actor | null,
  query: ProfileListQuery,
): Promise<ProfileList> {
  const [rows, mine, titles] = await Promise.all([
    deps.db
      .select({
        profile: benchmarkProfiles,
        id: partnerships.id,
        slug: partnerships.slug,
        name: partnerships.name,
        stage: partnerships.stage,
        setting: partnerships.setting,
      })
      .from(benchmarkProfiles)
      .innerJoin(partnerships, eq(partnerships.id, benchmarkProfiles.partnershipId))
      .where(and(eq(benchmarkProfiles.status, "published"), isNull(partnerships.deletedAt))),
    actor
      ? deps.db
          .select({ id: memberships.partnershipId })
          .from(memberships)
          .where(and(eq(memberships.personId, actor.personId), isNull(memberships.leftAt)))
      : [],
    sectorTitles(deps),
  ]);
  const memberOf = new Set(mine.map((m) => m.id));
  const visible = rows.filter((r) =>
    visibleTo(memberOf.has(r.id) ? "member" : actor ? "practitioner" : "public").includes(
      r.profile.visibility,
    ),
  );
  const summaries = await partnershipSummaries(deps.db, visible);
  const all = visible.map((r) => ({ row: r, partnership: summaries.get(r.id)! }));
  const sectorsOf = (p: (typeof all)[number]["partnership"]) =>
    new Set(p.industries.map((i) => naicsSector(i.code)));
  const items = all
    .filter(({ row, partnership }) => {
      if (query.partnership && query.partnership !== row.id && query.partnership !== row.slug) return false;
      if (query.stage && row.stage !== query.stage) return false;
      if (query.setting && row.setting !== query.setting) return false;
      if (query.state && !partnership.states.includes(query.state.toUpperCase())) return false;
      if (query.industry && !sectorsOf(partnership).has(query.industry)) return false;
      return true;
    })
    .sort(
      (a, b) =>
        (b.row.profile.publishedAt?.getTime() ?? 0) - (a.row.profile.publishedAt?.getTime() ?? 0) ||
        a.partnership.name.localeCompare(b.partnership.name),
    )
    .map(({ row, partnership }) => ({
      partnership,
      visibility: row.profile.visibility,
      publishedAt: (row.profile.publishedAt ?? row.profile.updatedAt).toISOString(),
      summary: summaryOf(row.profile.motivations),
      indicators: row.profile.indicatorKeys.length,
    }));
  const sectors = [...new Set(all.flatMap(({ partnership }) => [...sectorsOf(partnership)]))].sort();
  const states = [...new Set(all.flatMap(({ partnership }) => partnership.states))];
  return {
    items,
    facets: {
      industries: sectors.map((code) => ({ code, title: titles.get(code) ?? code })),
      states: states
        .flatMap((abbr) => {
          const s = stateByAbbr(abbr);
          return s ? [{ abbr: s.abbr, name: s.name }] : [];
        })
        .sort((a, b) => a.name.localeCompare(b.name)),
    },
  };
}

/** Two or three published profiles the reader may see, side by side; any other names a 400. */
export async function compareProfiles(
  deps: AppDeps,
  actor: Actor | null,
  ids: readonly string[],
): Promise<{ items: Profile[] }> {
  const items: Profile[] = [];
  for (const idOrSlug of ids) {
    const unknown = fieldError(
      "ids",
      msg(
        {
          id: "server.profiles.field.notReadable",
          defaultMessage: '"{profile}" is not a published profile you may read',
        },
        { profile: idOrSlug },
      ),
    );
    const access = await impactAccess(deps.db, idOrSlug, actor).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") throw unknown;
      throw error;
    });
    const [row] = await deps.db
      .select()
      .from(benchmarkProfiles)
      .where(
        and(
          eq(benchmarkProfiles.partnershipId, access.partnership.id),
          eq(benchmarkProfiles.status, "published"),
          inArray(benchmarkProfiles.visibility, visibleTo(access.audience)),
        ),
      );
    if (!row) throw unknown;
    if (items.some((p) => p.partnership.id === access.partnership.id)) {
      throw fieldError(
        "ids",
        msg(
          {
            id: "server.profiles.field.alreadyCompared",
            defaultMessage: '"{profile}" names a profile already compared',
          },
          { profile: idOrSlug },
        ),
      );
    }
    items.push(await profileView(deps.db, actor, access, row));
  }
  return { items };
}
