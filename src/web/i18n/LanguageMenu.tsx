import { Button, Menu, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import { LOCALE_NAMES, LOCALES, type Locale } from "../../core/i18n/locales.js";
import { accountApi, meKey, useMe } from "../features/auth/api.js";
import { errorMessage } from "../lib/api.js";
import { useLocale } from "./LocaleProvider.js";

/**
 * The header's language switcher, for everyone: each language named in itself, so a reader
 * finds theirs whatever the page is in. A signed-in person's choice is saved to their account
 * (their e-mails follow it); a visitor's is kept in this browser.
 */
export function LanguageMenu() {
  const intl = useIntl();
  const { locale, setLocale } = useLocale();
  const me = useMe();
  const queryClient = useQueryClient();
  const current = LOCALES.find((l) => l === locale);

  async function choose(next: Locale) {
    try {
      if (me.data && me.data.locale !== next)
        queryClient.setQueryData(meKey, await accountApi.update({ locale: next }));
      await setLocale(next);
      // Answers the server wrote in the last language (its messages, rubric texts) are asked again.
      await queryClient.invalidateQueries();
    } catch (err) {
      notifications.show({ color: "red", message: errorMessage(err) });
    }
  }

  return (
    <Menu position="bottom-end" shadow="md">
      <Menu.Target>
        {/* The language's own name shows, so a reader of another finds the menu; its accessible
            name starts with what the menu is and contains what it shows. */}
        <Button variant="subtle" size="compact-sm">
          <VisuallyHidden>
            {intl.formatMessage({ id: "shell.language.button", defaultMessage: "Language:" })}{" "}
          </VisuallyHidden>
          {/* A language's name in itself is the same in every language. */}
          <span lang={current ?? "en"} translate="no">
            {LOCALE_NAMES[current ?? "en"]}
          </span>
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
