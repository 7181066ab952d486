import { z } from "zod";

/**
 * The languages Shared Table speaks. English is the source: its texts live in the code as each
 * message's default; every other language is a catalog under `locales/<code>/`. Adding one is
 * adding its code here and its catalogs (README, "Languages").
 */
export const LOCALES = ["en", "es"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/**
 * A pseudo-language for testing: the English texts accented and lengthened, so that a page
 * rendered in it shows at a glance (and to a test) any text that did not go through a catalog,
 * and any layout that breaks when a translation runs longer. Not offered to people.
 */
export const PSEUDO_LOCALE = "en-XA";
export type AppLocale = Locale | typeof PSEUDO_LOCALE;

/** What a person may choose on the account page or in the header's switcher. */
export const localeSchema = z.enum(LOCALES);

/** Also accepted from a cookie or a query, where tests ask for the pseudo-language. */
export const appLocaleSchema = z.enum([...LOCALES, PSEUDO_LOCALE]);

/** Each language's name in itself, for the switcher: a reader finds their own. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español" };

/**
 * The tag given to `Intl` for dates, numbers and currency: US English, and Latin American
 * Spanish (a comma groups thousands, as in Mexico and the US). The pseudo-language formats as
 * English and is then accented by the formatter.
 */
export function intlTag(locale: AppLocale): string {
  return locale === "es" ? "es-419" : "en-US";
}

/** The language whose content (translations of data) a reader gets: the pseudo-language reads English. */
export function contentLocale(locale: AppLocale): Locale {
  return locale === PSEUDO_LOCALE ? DEFAULT_LOCALE : locale;
}

/** A language as the database keeps it (text, null until chosen), when it is one Shared Table speaks. */
export function storedLocale(value: string | null | undefined): Locale | undefined {
  const parsed = localeSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The first of a reader's preferred languages (most preferred first, as `navigator.languages`
 * or a parsed Accept-Language give them) that Shared Table speaks: "es-MX" reads as "es".
 */
export function pickLocale(preferred: readonly string[]): Locale | undefined {
  for (const tag of preferred) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0];
    const match = LOCALES.find((locale) => locale === language);
    if (match) return match;
  }
  return undefined;
}

/** The cookie that keeps a visitor's choice from the header's switcher (a year). */
export const LOCALE_COOKIE = "st_lang";

/**
 * An Accept-Language header's languages, most preferred first: "es-MX,es;q=0.9,en;q=0.8" ->
 * ["es-MX", "es", "en"]. Languages refused with q=0 and the wildcard are left out.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 500)
    .split(",")
    .map((entry, order) => {
      const [tag = "", ...params] = entry.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter(({ tag, q }) => tag && tag !== "*" && q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order)
    .map(({ tag }) => tag);
}
