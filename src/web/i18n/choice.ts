import {
  appLocaleSchema,
  DEFAULT_LOCALE,
  LOCALE_COOKIE,
  pickLocale,
  type AppLocale,
} from "../../core/i18n/locales.js";

function fromCookie(): AppLocale | undefined {
  const value = document.cookie
    .split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  const parsed = appLocaleSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The language a page opens in: a `?lang=` in the address (a shared link, a test), else the
 * choice kept in the cookie (the switcher, or the account's setting seen last time), else the
 * browser's languages, else English. The server reads the same cookie and header.
 */
export function initialLocale(): AppLocale {
  const fromQuery = appLocaleSchema.safeParse(new URLSearchParams(window.location.search).get("lang"));
  if (fromQuery.success) {
    rememberLocale(fromQuery.data);
    return fromQuery.data;
  }
  return fromCookie() ?? pickLocale(navigator.languages) ?? DEFAULT_LOCALE;
}

/** Keeps the choice for a year, for this browser and for the server's answers to it. */
export function rememberLocale(locale: AppLocale): void {
  document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
}
