import type { FastifyInstance } from "fastify";
import {
  acceptedLanguages,
  appLocaleSchema,
  DEFAULT_LOCALE,
  LOCALE_COOKIE,
  pickLocale,
  type AppLocale,
} from "../../core/i18n/locales.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The language to answer in: problem+json, and whatever the request itself produces. */
    locale: AppLocale;
  }
}

/**
 * The reader's language: the person's choice on the account page, else the header switcher's
 * cookie, else the browser's Accept-Language, else English. Registered before auth, so that
 * auth's own refusals are in the visitor's language; auth then applies the person's choice.
 */
export function registerLocale(app: FastifyInstance) {
  app.decorateRequest("locale", DEFAULT_LOCALE);
  app.addHook("onRequest", async (request) => {
    request.locale = requestLocale(
      undefined,
      request.cookies[LOCALE_COOKIE],
      request.headers["accept-language"],
    );
  });
}

export function requestLocale(
  chosen: AppLocale | undefined,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): AppLocale {
  if (chosen) return chosen;
  const fromCookie = appLocaleSchema.safeParse(cookie);
  if (fromCookie.success) return fromCookie.data;
  return pickLocale(acceptedLanguages(acceptLanguage)) ?? DEFAULT_LOCALE;
}
