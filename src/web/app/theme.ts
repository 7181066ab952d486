import { createElement } from "react";
import {
  createTheme,
  Pill,
  type ComboboxRenderPillInput,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from "@mantine/core";

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

/**
 * Mantine hides the × of a chosen pill from screen readers and the keyboard and gives it no name.
 * Named after what it removes ("Remove Colorado") and reachable, it says what it does; the
 * keyboard's Backspace in the field still removes the last one.
 */
function namedPill({ option, value, onRemove, disabled, reorderProps }: ComboboxRenderPillInput) {
  const label = option?.label ?? String(value ?? "");
  return createElement(
    Pill,
    {
      ...reorderProps,
      withRemoveButton: !disabled,
      onRemove,
      disabled,
      removeButtonProps: { "aria-label": `Remove ${label}`, "aria-hidden": false, tabIndex: 0 },
    },
    label,
  );
}

/**
 * A clear button's name. Mantine hides a combobox's clear button from screen readers and the
 * keyboard; here it is a button like any other, with a name that says what it clears.
 */
const clearButton = (name: string) => ({ "aria-label": name, "aria-hidden": false, tabIndex: 0 });

/**
 * A long list of options scrolls in the list itself, the combobox's popup that the keyboard moves
 * through from the field, not in a wrapper inside it that nothing can focus (axe:
 * scrollable-region-focusable).
 */
const scrollingList = {
  defaultProps: { withScrollArea: false },
  styles: { options: { maxHeight: 280, overflowY: "auto" as const } },
};

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
  // People who asked their system for less motion get dialogs, menus and toasts without
  // transitions (the journeys ask for it too: each transition waited on costs a render loop).
  respectReducedMotion: true,
  components: {
    Button: { defaultProps: { radius: "md" } },
    Card: { defaultProps: { withBorder: true, radius: "lg", padding: "lg" } },
    Paper: { defaultProps: { radius: "lg" } },
    // Notifications' close button is an icon: give it a name screen readers can say.
    Notification: { defaultProps: { closeButtonProps: { "aria-label": "Dismiss notification" } } },
    // Every dialog's × in the corner, and every icon-only button Mantine draws, has a name.
    Modal: { defaultProps: { closeButtonProps: { "aria-label": "Close" } } },
    Drawer: { defaultProps: { closeButtonProps: { "aria-label": "Close" } } },
    Alert: { defaultProps: { closeButtonLabel: "Dismiss" } },
    Select: {
      ...scrollingList,
      defaultProps: { ...scrollingList.defaultProps, clearButtonProps: clearButton("Clear the choice") },
    },
    Autocomplete: {
      ...scrollingList,
      defaultProps: { ...scrollingList.defaultProps, clearButtonProps: clearButton("Clear the text") },
    },
    MultiSelect: {
      ...scrollingList,
      defaultProps: {
        ...scrollingList.defaultProps,
        clearButtonProps: clearButton("Remove all"),
        renderPill: namedPill,
      },
    },
    TagsInput: {
      ...scrollingList,
      defaultProps: {
        ...scrollingList.defaultProps,
        clearButtonProps: clearButton("Remove all"),
        renderPill: namedPill,
      },
    },
    FileInput: { defaultProps: { clearButtonProps: { "aria-label": "Remove the chosen file" } } },
    // Mantine parks focus on an unnamed placeholder inside an open menu (axe: a menu's children
    // must be menu items); without it, focus goes to the first item, as the menu button pattern says.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    // Its steppers are tiny, unnamed, hidden from screen readers and unreachable by keyboard;
    // typing, or the arrow keys in the field, do the same.
    NumberInput: { defaultProps: { hideControls: true } },
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
