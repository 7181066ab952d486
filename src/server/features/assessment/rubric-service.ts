import { count, desc, eq, sql } from "drizzle-orm";
import type { Rubric, RubricDraftBody, RubricVersions } from "../../../core/assessment.js";
import type { RubricContent, RubricResource } from "../../../core/assessment-scoring.js";
import type { Db, Executor } from "../../../db/open.js";
import { assessmentRounds, assessmentRubrics } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError } from "../../errors.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import {
  localizeRubric,
  pruneTranslations,
  type RubricTranslations,
} from "../../../core/rubric-translation.js";
import { rubricV1 } from "./rubric-v1.js";
import { rubricV1Es } from "./rubric-v1.es.js";
import { rubricV2 } from "./rubric-v2.js";
import { rubricV2Es } from "./rubric-v2.es.js";

type RubricRow = typeof assessmentRubrics.$inferSelect;

const versionNotFound = (version: number) =>
  new AppError(
    "not_found",
    msg(
      {
        id: "server.assessment.rubricVersionNotFound",
        defaultMessage: "Rubric version {version} was not found.",
      },
      { version: String(version) },
    ),
  );

/**
 * The versions the software itself releases: version 1, then the rubric of the published Next Gen
 * indicators (rubric-v2.ts) as the next free version, once, unless a version with its six
 * characteristics exists already (a fresh database gets 2). Rounds on earlier versions keep them.
 * Safe when two servers race: the version is the primary key and a loser inserts nothing.
 */
async function seedReleased(db: Executor) {
  await db
    .insert(assessmentRubrics)
    .values({
      version: 1,
      status: "published",
      content: rubricV1,
      translations: releasedTranslations.v1,
      publishedAt: sql`now()`,
    })
    .onConflictDoNothing();
  await db.execute(
    sql`insert into assessment_rubrics (version, status, content, translations, published_at)
        select coalesce(max(version), 0) + 1, 'published', ${JSON.stringify(rubricV2)}::jsonb,
               ${JSON.stringify(releasedTranslations.v2)}::jsonb, now()
        from assessment_rubrics
        having not exists (
          select 1 from assessment_rubrics
          where content -> 'characteristics' @> ${JSON.stringify([{ key: "industry_solutions" }])}::jsonb
        )
        on conflict do nothing`,
  );
  // Versions released before they had translations gain the ones shipped since: version 1 by its
  // number, the indicators' version (and any draft left as its unchanged copy) by its very text.
  await db.execute(
    sql`update assessment_rubrics set translations = ${JSON.stringify(releasedTranslations.v1)}::jsonb
        where version = 1 and translations = '{}'::jsonb`,
  );
  await db.execute(
    sql`update assessment_rubrics set translations = ${JSON.stringify(releasedTranslations.v2)}::jsonb
        where translations = '{}'::jsonb and content = ${JSON.stringify(rubricV2)}::jsonb`,
  );
}

/** The translations the software ships with its released versions. */
const releasedTranslations: Record<"v1" | "v2", RubricTranslations> = {
  v1: { es: rubricV1Es },
  v2: { es: rubricV2Es },
};

/**
 * Version 1 as first released sent "Meeting attendance in your workspace" to the members page;
 * attendance is on the meetings page. The statements and levels of a released version never
 * change (rounds were answered under them), but its links are read pointing at the right page,
 * in databases seeded before the fix too.
 */
export function withCurrentLinks(content: RubricContent): RubricContent {
  const moved = (r: RubricResource) =>
    r.workspace && r.href === "members" && r.title === "Meeting attendance in your workspace";
  if (!content.characteristics.some((c) => c.statements.some((st) => st.resources.some(moved))))
    return content;
  return {
    ...content,
    characteristics: content.characteristics.map((c) => ({
      ...c,
      statements: c.statements.map((st) => ({
        ...st,
        resources: st.resources.map((r) => (moved(r) ? { ...r, href: "meetings" } : r)),
      })),
    })),
  };
}

/**
 * Seeds the released versions. Checked on every use rather than remembered: it costs two
 * statements that write nothing once done, and a database restored or emptied under a running
 * server (an upgrade from a backup, the test pool) is still brought up to date.
 */
export async function ensureRubric(db: Db): Promise<void> {
  await seedReleased(db);
}

/**
 * A version as a reader reads it: its texts in their language where translated (the rest in
 * English, counted and named). A draft also carries its translations as stored, for the editor.
 */
export function toRubric(row: RubricRow, locale: AppLocale): Rubric {
  const { characteristics, language, untranslated, inEnglish } = localizeRubric(
    withCurrentLinks(row.content),
    row.translations,
    locale,
  );
  return {
    version: row.version,
    status: row.status,
    revision: row.revision,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    characteristics,
    language,
    untranslated,
    inEnglish,
    ...(row.status === "draft" ? { source: row.content, translations: row.translations } : {}),
  };
}

/** A version's content in one reader's language, for the names and texts a page shows. */
export async function rubricTexts(tx: Executor, version: number, locale: AppLocale): Promise<RubricContent> {
  const [row] = await tx
    .select({ content: assessmentRubrics.content, translations: assessmentRubrics.translations })
    .from(assessmentRubrics)
    .where(eq(assessmentRubrics.version, version));
  if (!row) throw versionNotFound(version);
  return localizeRubric(withCurrentLinks(row.content), row.translations, locale);
}

/** The newest published version: what new rounds and quick checks are answered under. */
export async function currentRubricRow(deps: AppDeps, tx: Executor = deps.db): Promise<RubricRow> {
  const newest = () =>
    tx
      .select()
      .from(assessmentRubrics)
      .where(eq(assessmentRubrics.status, "published"))
      .orderBy(desc(assessmentRubrics.version))
      .limit(1);
  // Seeded through the caller's executor: inside a transaction, a second connection (or PGlite's
  // single one) would wait for that very transaction.
  await seedReleased(tx);
  const [row] = await newest();
  if (!row) {
    throw new AppError(
      "not_found",
      msg({
        id: "server.assessment.publishedRubricNotFound",
        defaultMessage: "A published rubric was not found.",
      }),
    );
  }
  return { ...row, content: withCurrentLinks(row.content) };
}

export async function rubricContent(tx: Executor, version: number): Promise<RubricContent> {
  const [row] = await tx
    .select({ content: assessmentRubrics.content })
    .from(assessmentRubrics)
    .where(eq(assessmentRubrics.version, version));
  if (!row) throw versionNotFound(version);
  return withCurrentLinks(row.content);
}

/** A version by number: published ones are public, drafts only for community admins. */
export async function rubricVersion(
  deps: AppDeps,
  actor: Actor | null,
  version: number,
  locale: AppLocale,
): Promise<Rubric> {
  await ensureRubric(deps.db);
  const [row] = await deps.db.select().from(assessmentRubrics).where(eq(assessmentRubrics.version, version));
  if (!row || (row.status === "draft" && !actor?.isAdmin)) throw versionNotFound(version);
  return toRubric(row, locale);
}

export async function listRubricVersions(deps: AppDeps): Promise<RubricVersions> {
  await ensureRubric(deps.db);
  const rows = await deps.db
    .select({ rubric: assessmentRubrics, rounds: count(assessmentRounds.id) })
    .from(assessmentRubrics)
    .leftJoin(assessmentRounds, eq(assessmentRounds.rubricVersion, assessmentRubrics.version))
    .groupBy(assessmentRubrics.version)
    .orderBy(desc(assessmentRubrics.version));
  const current = rows.find((r) => r.rubric.status === "published")?.rubric.version;
  return {
    items: rows.map(({ rubric, rounds }) => ({
      version: rubric.version,
      status: rubric.status,
      statements: rubric.content.characteristics.reduce((n, c) => n + c.statements.length, 0),
      publishedAt: rubric.publishedAt?.toISOString() ?? null,
      updatedAt: rubric.updatedAt.toISOString(),
      rounds,
      current: rubric.version === current,
    })),
  };
}

/** Starts the next version as a copy of the current one; there is at most one draft at a time. */
export async function createDraft(deps: AppDeps, actor: Actor, locale: AppLocale): Promise<Rubric> {
  await ensureRubric(deps.db);
  return deps.db.transaction(async (tx) => {
    // Serializes draft creation: two admins clicking at once get one draft, not two.
    await tx.execute(sql`select pg_advisory_xact_lock(727101)`);
    const [draft] = await tx.select().from(assessmentRubrics).where(eq(assessmentRubrics.status, "draft"));
    if (draft) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.assessment.draftExists",
            defaultMessage: "Version {version} is already a draft; edit it or publish it first.",
          },
          { version: String(draft.version) },
        ),
        { current: toRubric(draft, locale) },
      );
    }
    const current = await currentRubricRow(deps, tx);
    const [row] = await tx
      .insert(assessmentRubrics)
      .values({
        version: current.version + 1,
        status: "draft",
        content: current.content,
        translations: current.translations,
        createdBy: actor.userId,
        createdAt: deps.now(),
        updatedAt: deps.now(),
      })
      .returning();
    return toRubric(row, locale);
  });
}

async function lockedVersion(tx: Executor, version: number, locale: AppLocale): Promise<RubricRow> {
  const [row] = await tx
    .select()
    .from(assessmentRubrics)
    .where(eq(assessmentRubrics.version, version))
    .for("update");
  if (!row) throw versionNotFound(version);
  if (row.status === "published") {
    throw new AppError(
      "conflict",
      msg(
        {
          id: "server.assessment.versionPublished",
          defaultMessage:
            "Version {version} is published and never changes; start a new draft to succeed it.",
        },
        { version: String(version) },
      ),
      { current: toRubric(row, locale) },
    );
  }
  return row;
}

export async function updateDraft(
  deps: AppDeps,
  version: number,
  body: RubricDraftBody,
  locale: AppLocale,
): Promise<Rubric> {
  return deps.db.transaction(async (tx) => {
    const row = await lockedVersion(tx, version, locale);
    if (row.revision !== body.revision) {
      throw new AppError(
        "conflict",
        msg({
          id: "server.assessment.draftEditedFirst",
          defaultMessage: "Someone else edited this draft first; review their changes.",
        }),
        { current: toRubric(row, locale) },
      );
    }
    const [updated] = await tx
      .update(assessmentRubrics)
      .set({
        content: { characteristics: body.characteristics },
        // Left as they are when the edit does not send them (an editor of the English only).
        ...(body.translations
          ? { translations: pruneTranslations({ characteristics: body.characteristics }, body.translations) }
          : {}),
        revision: row.revision + 1,
        updatedAt: deps.now(),
      })
      .where(eq(assessmentRubrics.version, version))
      .returning();
    return toRubric(updated, locale);
  });
}

export async function publishDraft(deps: AppDeps, version: number, locale: AppLocale): Promise<Rubric> {
  return deps.db.transaction(async (tx) => {
    await lockedVersion(tx, version, locale);
    const [updated] = await tx
      .update(assessmentRubrics)
      .set({ status: "published", publishedAt: deps.now(), updatedAt: deps.now() })
      .where(eq(assessmentRubrics.version, version))
      .returning();
    return toRubric(updated, locale);
  });
}
