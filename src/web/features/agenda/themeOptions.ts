import { themeLabels, themes } from "../../../core/vocabulary.js";

/** The theme choices of an opportunity or priority, in the vocabulary's order. */
export const themeOptions = themes.map((t) => ({ value: t, label: themeLabels[t] }));
