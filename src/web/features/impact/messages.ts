import { defineMessages } from "react-intl";

/** Words several impact pages share, with the same meaning wherever they appear. */
export const impactWords = defineMessages({
  name: { id: "impact.field.name", defaultMessage: "Name" },
  definition: { id: "impact.field.definition", defaultMessage: "Definition" },
  outcomeArea: { id: "impact.field.outcomeArea", defaultMessage: "Outcome area" },
  unit: { id: "impact.field.unit", defaultMessage: "Unit" },
  key: { id: "impact.field.key", defaultMessage: "Key" },
  indicator: { id: "impact.field.indicator", defaultMessage: "Indicator" },
  indicators: { id: "impact.field.indicators", defaultMessage: "Indicators" },
  year: { id: "impact.field.year", defaultMessage: "Year" },
  betterWhen: { id: "impact.field.betterWhen", defaultMessage: "Better when" },
  higher: { id: "impact.field.higher", defaultMessage: "Higher" },
  lower: { id: "impact.field.lower", defaultMessage: "Lower" },
  whoMayRead: { id: "impact.field.whoMayRead", defaultMessage: "Who may read it" },
  addIndicator: { id: "impact.field.addIndicator", defaultMessage: "Add the indicator" },
  downloadCsv: { id: "impact.downloadCsv", defaultMessage: "Download CSV" },
  cancel: { id: "impact.cancel", defaultMessage: "Cancel" },
  saved: { id: "impact.saved", defaultMessage: "Saved." },
});
