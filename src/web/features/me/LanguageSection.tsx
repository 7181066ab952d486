import { Radio, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import type { Me } from "../../../core/auth.js";
import { LOCALE_NAMES, LOCALES, localeSchema, type Locale } from "../../../core/i18n/locales.js";
import { errorMessage } from "../../lib/api.js";
import { useLocale } from "../../i18n/LocaleProvider.js";
import { accountApi, meKey } from "../auth/api.js";
import { AccountSection } from "./AccountSection.js";

/** The account's language: pages, e-mails and calendar entries follow it, on every device. */
export function LanguageSection({ me }: { me: Me }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { locale, setLocale } = useLocale();
  const save = useMutation({
    mutationFn: (next: Locale) => accountApi.update({ locale: next }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(meKey, updated);
      if (updated.locale) await setLocale(updated.locale);
      await queryClient.invalidateQueries();
      // The toast's words render in it, not here: this page is remounted in the new language.
      notifications.show({
        color: "table",
        message: <FormattedMessage id="account.language.saved" defaultMessage="Your language is saved." />,
      });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
  });
  const value = me.locale ?? LOCALES.find((l) => l === locale) ?? "en";
  return (
    <AccountSection title={intl.formatMessage({ id: "account.language.title", defaultMessage: "Language" })}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          <FormattedMessage
            id="account.language.help"
            defaultMessage="Shared Table shows its pages, and sends you e-mails and calendar invitations, in this language."
          />
        </Text>
        <Radio.Group
          value={value}
          onChange={(next) => {
            const parsed = localeSchema.safeParse(next);
            if (parsed.success) save.mutate(parsed.data);
          }}
          label={intl.formatMessage({ id: "account.language.label", defaultMessage: "Your language" })}
        >
          <Stack gap="xs" mt="xs">
            {LOCALES.map((l) => (
              <Radio
                key={l}
                value={l}
                label={<span lang={l}>{LOCALE_NAMES[l]}</span>}
                disabled={save.isPending}
              />
            ))}
          </Stack>
        </Radio.Group>
      </Stack>
    </AccountSection>
  );
}
