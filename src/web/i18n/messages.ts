import type { MessageFormatElement } from "react-intl";
import { PSEUDO_LOCALE, type AppLocale } from "../../core/i18n/locales.js";

export type Messages = Record<string, string> | Record<string, MessageFormatElement[]>;

/**
 * A language's catalog for the browser (its core and web parts), loaded when it is chosen: a
 * chunk of its own, so English readers never download Spanish. English needs none: its texts are
 * each message's default in the code.
 */
export async function loadMessages(locale: AppLocale): Promise<Messages> {
  if (locale === "es") {
    const [core, web] = await Promise.all([
      import("../../../locales/es/core.json"),
      import("../../../locales/es/web.json"),
    ]);
    return { ...core.default, ...web.default };
  }
  if (locale === PSEUDO_LOCALE) {
    const [core, web, { pseudoCatalog }] = await Promise.all([
      import("../../../locales/en/core.json"),
      import("../../../locales/en/web.json"),
      import("../../core/i18n/pseudo.js"),
    ]);
    return pseudoCatalog({ ...core.default, ...web.default });
  }
  return {};
}
