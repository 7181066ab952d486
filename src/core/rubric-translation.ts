import { z } from "zod";
import {
  characteristicKeys,
  levelKeys,
  type LevelKey,
  type RubricContent,
  type RubricResource,
} from "./assessment-scoring.js";
import { LOCALES, type AppLocale, type Locale } from "./i18n/locales.js";

/** Translations per language; English is the source and never has one. */
export type RubricTranslations = Partial<Record<Exclude<Locale, "en">, RubricTranslation>>;

export const rubricTranslationLimits = { name: 120, text: 600, levelText: 400, resourceTitle: 160 } as const;

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional();

export const rubricTranslationSchema = z.strictObject({
  characteristics: z.partialRecord(
    z.enum(characteristicKeys),
    z.strictObject({
      name: optionalText(rubricTranslationLimits.name),
      summary: optionalText(rubricTranslationLimits.text),
    }),
  ),
  statements: z.record(
    z.string().max(64),
    z.strictObject({
      text: optionalText(rubricTranslationLimits.text),
      levels: z
        .partialRecord(z.enum(levelKeys), z.string().trim().min(1).max(rubricTranslationLimits.levelText))
        .optional(),
    }),
  ),
  resourceTitles: z.record(
    z.string().max(rubricTranslationLimits.resourceTitle),
    z.string().trim().min(1).max(rubricTranslationLimits.resourceTitle),
  ),
});

/**
 * A rubric version's texts in another language. Keyed by the stable keys of its characteristics
 * and statements, never by position, so scores (which read keys and numbers only) do not depend on
 * the language. Any text may be missing: it is then read in the original (English) and marked so.
 * `resourceTitles` names the statements' help links by their English title.
 */
export type RubricTranslation = z.infer<typeof rubricTranslationSchema>;

const translatedLocales = LOCALES.filter((l): l is Exclude<Locale, "en"> => l !== "en");
export const rubricTranslationsSchema = z.partialRecord(z.enum(translatedLocales), rubricTranslationSchema);

/** A rubric's content as one reader reads it, with what is still in the original marked. */
export interface LocalizedRubric extends RubricContent {
  /** The language the texts were asked in. */
  language: AppLocale;
  /** How many texts are shown in English for want of a translation (0 when complete or English). */
  untranslated: number;
  /** Keys of the characteristics and statements with at least one text still in English. */
  inEnglish: string[];
}

/**
 * Overlays a translation on a rubric's content. Every text without a translation stays English and
 * is counted, so the page can say so and mark it `lang="en"`.
 */
export function localizeRubric(
  content: RubricContent,
  translations: RubricTranslations | null | undefined,
  locale: AppLocale,
): LocalizedRubric {
  // English is the source; the pseudo-locale reads it as it is (its words are the app's, not data).
  if (locale === "en" || locale === "en-XA")
    return { ...content, language: locale, untranslated: 0, inEnglish: [] };
  const t = translations?.[locale];
  let untranslated = 0;
  const inEnglish: string[] = [];
  const pick = (value: string | undefined, original: string, owner: string[]) => {
    if (value) return value;
    if (original) {
      untranslated += 1;
      owner.push(original);
    }
    return original;
  };
  const resource = (r: RubricResource, owner: string[]): RubricResource => ({
    ...r,
    title: pick(t?.resourceTitles[r.title], r.title, owner),
  });
  const characteristics = content.characteristics.map((c) => {
    const missed: string[] = [];
    const ct = t?.characteristics[c.key];
    const name = pick(ct?.name, c.name, missed);
    const summary = pick(ct?.summary, c.summary, missed);
    if (missed.length > 0) inEnglish.push(c.key);
    return {
      ...c,
      name,
      summary,
      statements: c.statements.map((s) => {
        const st = t?.statements[s.key];
        const missedHere: string[] = [];
        const levels = Object.fromEntries(
          levelKeys.map((k) => [k, pick(st?.levels?.[k], s.levels[k], missedHere)]),
        ) as Record<LevelKey, string>;
        const text = pick(st?.text, s.text, missedHere);
        const resources = s.resources.map((r) => resource(r, missedHere));
        if (missedHere.length > 0) inEnglish.push(s.key);
        return { ...s, text, levels, resources };
      }),
    };
  });
  return { characteristics, language: locale, untranslated, inEnglish };
}

/**
 * Keeps only what translates a text the content still has: a statement removed from the English,
 * or a resource title changed, takes its old translation with it.
 */
export function pruneTranslations(
  content: RubricContent,
  translations: RubricTranslations,
): RubricTranslations {
  const characteristics = new Set<string>(content.characteristics.map((c) => c.key));
  const statements = new Set(content.characteristics.flatMap((c) => c.statements.map((s) => s.key)));
  const titles = new Set(
    content.characteristics.flatMap((c) => c.statements.flatMap((s) => s.resources.map((r) => r.title))),
  );
  const keep = <T>(record: Partial<Record<string, T>>, wanted: Set<string>) =>
    Object.fromEntries(Object.entries(record).filter(([key]) => wanted.has(key)));
  return Object.fromEntries(
    Object.entries(translations).map(([locale, t]) => [
      locale,
      {
        characteristics: keep(t.characteristics, characteristics),
        statements: keep(t.statements, statements),
        resourceTitles: keep(t.resourceTitles, titles),
      },
    ]),
  );
}
