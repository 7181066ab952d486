import { Button, Menu, VisuallyHidden } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import { LOCALE_NAMES, LOCALES, type Locale } from "../../core/i18n/locales.js";
import { useMe } from "../features/auth/api.js";
import { useLocale } from "./LocaleProvider.js";

/**
 * The header's language switcher, for visitors: each language named in itself, so a reader
 * finds theirs whatever the page is in; the choice is kept in this browser. A signed-in person
 * chooses on the account page (the account menu leads there), which their e-mails follow too,
 * and their header keeps its room for the navigation.
 */
export function LanguageMenu() {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  const me = useMe();
  const queryClient = useQueryClient();
  if (me.isPending || me.data) return null;
  const current = LOCALES.find((l) => l === locale) ?? "en";

  async function choose(next: Locale) {
    await setLocale(next);
    // Answers the server wrote in the last language (its messages) are asked again.
    await queryClient.invalidateQueries();
  }

  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        {/* Short on screen ("EN"); read in full: "Language: English EN". A language's name in
            itself is the same in every language. */}
        <Button variant="subtle" size="compact-sm">
          <VisuallyHidden>
            {intl.formatMessage({ id: "shell.language.button", defaultMessage: "Language:" })}{" "}
            <span lang={current} translate="no">
              {LOCALE_NAMES[current]}
            </span>{" "}
          </VisuallyHidden>
          <span translate="no">{current.toUpperCase()}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <FormattedMessage id="shell.language.label" defaultMessage="Language" />
        </Menu.Label>
        {LOCALES.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            translate="no"
            onClick={() => void choose(l)}
            aria-current={l === locale ? "true" : undefined}
            fw={l === locale ? 700 : undefined}
          >
            {LOCALE_NAMES[l]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
