import { createElement } from "react";
import { labelsOf, msg, say } from "../../core/i18n/msg.js";
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
      removeButtonProps: {
        "aria-label": say(msg({ id: "shell.theme.removeChosen", defaultMessage: "Remove {label}" }), {
          label,
        }),
        "aria-hidden": false,
        tabIndex: 0,
      },
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

/** The names the theme gives Mantine's icon buttons, in the reader's language (labelsOf). */
const names = labelsOf({
  dismissNotification: msg({ id: "shell.theme.dismissNotification", defaultMessage: "Dismiss notification" }),
  close: msg({ id: "shell.theme.close", defaultMessage: "Close" }),
  dismiss: msg({ id: "shell.theme.dismiss", defaultMessage: "Dismiss" }),
  clearChoice: msg({ id: "shell.theme.clearChoice", defaultMessage: "Clear the choice" }),
  clearText: msg({ id: "shell.theme.clearText", defaultMessage: "Clear the text" }),
  removeAll: msg({ id: "shell.theme.removeAll", defaultMessage: "Remove all" }),
  removeFile: msg({ id: "shell.theme.removeFile", defaultMessage: "Remove the chosen file" }),
  togglePassword: msg({ id: "shell.theme.togglePassword", defaultMessage: "Toggle password visibility" }),
});

/**
 * The theme in the reader's language: made again for each language (main.tsx), after the
 * language's words are set, since Mantine reads its default props as plain values.
 */
export const themeFor = () =>
  createTheme({
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
      Notification: { defaultProps: { closeButtonProps: { "aria-label": names.dismissNotification } } },
      // Every dialog's × in the corner, and every icon-only button Mantine draws, has a name.
      Modal: { defaultProps: { closeButtonProps: { "aria-label": names.close } } },
      Drawer: { defaultProps: { closeButtonProps: { "aria-label": names.close } } },
      Alert: { defaultProps: { closeButtonLabel: names.dismiss } },
      Select: {
        ...scrollingList,
        defaultProps: { ...scrollingList.defaultProps, clearButtonProps: clearButton(names.clearChoice) },
      },
      Autocomplete: {
        ...scrollingList,
        defaultProps: { ...scrollingList.defaultProps, clearButtonProps: clearButton(names.clearText) },
      },
      MultiSelect: {
        ...scrollingList,
        defaultProps: {
          ...scrollingList.defaultProps,
          clearButtonProps: clearButton(names.removeAll),
          renderPill: namedPill,
        },
      },
      TagsInput: {
        ...scrollingList,
        defaultProps: {
          ...scrollingList.defaultProps,
          clearButtonProps: clearButton(names.removeAll),
          renderPill: namedPill,
        },
      },
      FileInput: { defaultProps: { clearButtonProps: { "aria-label": names.removeFile } } },
      PasswordInput: {
        defaultProps: { visibilityToggleButtonProps: { "aria-label": names.togglePassword } },
      },
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
