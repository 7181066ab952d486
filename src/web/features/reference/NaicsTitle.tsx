import { useIntl } from "react-intl";

/** The `lang` of text the app shows as it came, in English, on a page in the reader's language. */
export function useEnglishDataLang(): "en" | undefined {
  return useIntl().locale.startsWith("en") ? undefined : "en";
}

/**
 * An industry's NAICS title. The official US list exists only in English, so on a page in another
 * language the title is marked `lang="en"`: a screen reader then reads it with English sounds.
 */
export function NaicsTitle({ children }: { children: string }) {
  const lang = useEnglishDataLang();
  return lang ? <span lang={lang}>{children}</span> : <>{children}</>;
}
