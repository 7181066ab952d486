import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from "@mantine/core";

/** A deep "table" teal: calm and trustworthy, with white text on shades 6-9 above 4.5:1. */
const table: MantineColorsTuple = [
  "#e7f4f2",
  "#d0e8e4",
  "#a1d1c9",
  "#6fb8ad",
  "#46a296",
  "#2b8f82",
  "#167c70",
  "#0b6a60",
  "#0b5f59",
  "#074540",
];

/** Warm amber used to highlight counties and call attention without alarm. */
const harvest: MantineColorsTuple = [
  "#fff8e6",
  "#fdeec4",
  "#f9dc8c",
  "#f6c453",
  "#f2b12b",
  "#e39b12",
  "#c27c0a",
  "#9a5f09",
  "#7a4a0b",
  "#5c370a",
];

export const theme = createTheme({
  primaryColor: "table",
  primaryShade: { light: 7, dark: 5 },
  colors: { table, harvest },
  autoContrast: true,
  fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: {
    fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    fontWeight: "700",
  },
  defaultRadius: "md",
  cursorType: "pointer",
  components: {
    Button: { defaultProps: { radius: "md" } },
    Card: { defaultProps: { withBorder: true, radius: "lg", padding: "lg" } },
    Paper: { defaultProps: { radius: "lg" } },
    // Notifications' close button is an icon: give it a name screen readers can say.
    Notification: { defaultProps: { closeButtonProps: { "aria-label": "Dismiss notification" } } },
  },
});

/** Mantine's default "dimmed" gray and error red fail WCAG AA on white; use darker ones. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "#5c636a",
    // Mantine's red-6 error text is below 4.5:1 on white.
    "--mantine-color-error": "#c92a2a",
  },
  dark: {},
});
