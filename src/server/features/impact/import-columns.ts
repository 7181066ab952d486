import { LOCALES } from "../../../core/i18n/locales.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import { translate } from "../../i18n/intl.js";

export const importColumns = [
  "indicator",
  "period",
  "value",
  "kind",
  "visibility",
  "source",
  "note",
] as const;
export type ImportColumn = (typeof importColumns)[number];

/**
 * Each column's name as people write it in their language. The template and the export keep the
 * stable machine names (a file made in one language imports in any other); the import also takes
 * a header written in any language the app speaks ("periodo", "valor"...).
 */
const columnWords: Record<ImportColumn, Msg> = {
  indicator: msg({ id: "server.impact.import.column.indicator", defaultMessage: "indicator" }),
  period: msg({ id: "server.impact.import.column.period", defaultMessage: "period" }),
  value: msg({ id: "server.impact.import.column.value", defaultMessage: "value" }),
  kind: msg({ id: "server.impact.import.column.kind", defaultMessage: "kind" }),
  visibility: msg({ id: "server.impact.import.column.visibility", defaultMessage: "visibility" }),
  source: msg({ id: "server.impact.import.column.source", defaultMessage: "source" }),
  note: msg({ id: "server.impact.import.column.note", defaultMessage: "note" }),
};

/** Case, accents and spaces do not matter: "Período", "periodo" and " PERIODO " are one name. */
const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase();

let byName: Map<string, ImportColumn> | undefined;

/** The machine column a header cell names, in any language; undefined for any other column. */
export function importColumnOf(headerCell: string): ImportColumn | undefined {
  byName ??= new Map(
    importColumns.flatMap((column) => [
      [column, column] as const,
      ...LOCALES.map((locale) => [fold(translate(locale, columnWords[column])), column] as const),
    ]),
  );
  return byName.get(fold(headerCell));
}
