import { createIntl, createIntlCache, type IntlShape } from "@formatjs/intl";
import type { MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import {
  DEFAULT_LOCALE,
  intlTag,
  PSEUDO_LOCALE,
  storedLocale,
  type AppLocale,
  type Locale,
} from "../../core/i18n/locales.js";
import { withTranslator, type Msg } from "../../core/i18n/msg.js";
import { inFormatLocale } from "../../core/format.js";
import { pseudoCatalog } from "../../core/i18n/pseudo.js";
import { serverCatalogs } from "./catalogs.js";

const cache = createIntlCache();
const intls = new Map<AppLocale, IntlShape>();

function messagesFor(locale: AppLocale): Record<string, string> | Record<string, MessageFormatElement[]> {
  return locale === PSEUDO_LOCALE ? pseudoCatalog(serverCatalogs.en) : serverCatalogs[locale];
}

/**
 * The server's words in one language: problem+json, e-mails, calendar entries, reports. Made
 * once per language. A message a catalog lacks reads in English (the check in CI keeps the
 * catalogs complete; a development server may be ahead of them).
 */
export function intlFor(locale: AppLocale): IntlShape {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl(
      {
        locale: intlTag(locale),
        defaultLocale: "en-US",
        messages: messagesFor(locale),
        onError: () => undefined,
      },
      cache,
    );
    intls.set(locale, intl);
  }
  return intl;
}

/** A message put in words for one reader. */
export function translate(locale: AppLocale, message: Msg | string): string {
  if (typeof message === "string") return message;
  return intlFor(locale).formatMessage(message, message.values);
}

/** The language a person reads the server's mail and files in: their account's, else English. */
export function readerLocale(stored: string | null | undefined): Locale {
  return storedLocale(stored) ?? DEFAULT_LOCALE;
}

/**
 * Runs synchronous `write` in `reader`'s language: the formatter's dates and numbers and the core
 * vocabularies' words (labelsOf). For the words of one e-mail, calendar or file.
 */
export function inReaderLanguage<T>(reader: AppLocale, write: () => T): T {
  const intl = intlFor(reader);
  return inFormatLocale(reader, () =>
    withTranslator((message, values) => intl.formatMessage(message, values), write),
  );
}
