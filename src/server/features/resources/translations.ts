import { and, eq } from "drizzle-orm";
import type { Locale } from "../../../core/i18n/locales.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { msg } from "../../../core/i18n/msg.js";
import type { Resource, ResourceTranslationBody } from "../../../core/resources.js";
import { resourceTranslations } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { translationVector } from "./search.js";
import { findResource, getResource } from "./service.js";

/** Community admins translate the library, as they publish it. */
function requireTranslator(actor: Actor) {
  if (!actor.isAdmin) {
    throw new AppError(
      "forbidden",
      msg({
        id: "server.resources.translateAdminOnly",
        defaultMessage: "Only a community admin may translate resources.",
      }),
    );
  }
}

const notFound = () =>
  new AppError(
    "not_found",
    msg({ id: "server.resources.notFound", defaultMessage: "The resource was not found." }),
  );

/** Writes (or replaces) a resource's text in one language; readers of it get it from then on. */
export async function saveTranslation(
  deps: AppDeps,
  actor: Actor,
  idOrSlug: string,
  lang: Exclude<Locale, "en">,
  body: ResourceTranslationBody,
  locale: AppLocale,
): Promise<Resource> {
  requireTranslator(actor);
  await deps.db.transaction(async (tx) => {
    const found = await findResource(tx, idOrSlug);
    if (!found) throw notFound();
    const values = {
      title: body.title,
      summary: body.summary,
      body: body.body,
      search: translationVector(lang, body),
      translatedBy: actor.userId,
      updatedAt: deps.now(),
    };
    await tx
      .insert(resourceTranslations)
      .values({ resourceId: found.resource.id, lang, ...values })
      .onConflictDoUpdate({
        target: [resourceTranslations.resourceId, resourceTranslations.lang],
        set: values,
      });
  });
  return getResource(deps, actor, idOrSlug, locale);
}

/** Removes a translation: readers of that language get the original again, with the note. */
export async function removeTranslation(
  deps: AppDeps,
  actor: Actor,
  idOrSlug: string,
  lang: Exclude<Locale, "en">,
  locale: AppLocale,
): Promise<Resource> {
  requireTranslator(actor);
  const found = await findResource(deps.db, idOrSlug);
  if (!found) throw notFound();
  await deps.db
    .delete(resourceTranslations)
    .where(and(eq(resourceTranslations.resourceId, found.resource.id), eq(resourceTranslations.lang, lang)));
  return getResource(deps, actor, idOrSlug, locale);
}
