/*
 * The server's catalogs (core + server parts), bundled into the one-file server build. English
 * is extracted from the code (`npm run i18n:extract`); the others are translated by hand.
 */
import enCore from "../../../locales/en/core.json" with { type: "json" };
import enServer from "../../../locales/en/server.json" with { type: "json" };
import esCore from "../../../locales/es/core.json" with { type: "json" };
import esServer from "../../../locales/es/server.json" with { type: "json" };
import type { Locale } from "../../core/i18n/locales.js";

export const serverCatalogs: Record<Locale, Record<string, string>> = {
  en: { ...enCore, ...enServer },
  es: { ...esCore, ...esServer },
};
