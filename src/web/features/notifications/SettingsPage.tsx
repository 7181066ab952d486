import { Card, Radio, Stack, Switch, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from "react-intl";
import { digestChoices, type DigestChoice } from "../../../core/discussion-categories.js";
import type { Preferences, PreferencesChange } from "../../../core/discussions.js";
import { mailListLabels, mailListPreference } from "../../../core/mail-lists.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { notificationsApi } from "./api.js";

const labels: Record<DigestChoice, MessageDescriptor> = defineMessages({
  weekly: {
    id: "notifications.settings.digest.weekly",
    defaultMessage:
      "Weekly: new resources, upcoming events, active discussions, new partnerships in your industry",
  },
  daily: {
    id: "notifications.settings.digest.daily",
    defaultMessage: "Daily: the same, every day there is something new",
  },
  none: { id: "notifications.settings.digest.none", defaultMessage: "None: no digest e-mail" },
});

const words = defineMessages({
  title: { id: "notifications.settings.title", defaultMessage: "E-mail settings" },
});

const switches = (["mentions", "replies", "event-reminders", "votes"] as const).map((list) => ({
  key: mailListPreference[list],
  label: mailListLabels[list],
}));

const defaults: Preferences = {
  digest: "weekly",
  mentions: true,
  replies: true,
  eventReminders: true,
  votes: true,
};

export default function SettingsPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(words.title));
  const me = useMe();
  const client = useQueryClient();
  const prefs = useQuery({
    queryKey: ["preferences"],
    queryFn: notificationsApi.preferences,
    enabled: !!me.data,
  });
  const save = useMutation({
    mutationFn: (change: PreferencesChange) => notificationsApi.setPreferences(change),
    // Show the choice at once; the answer (or a refetch after a failure) settles it.
    onMutate: (change) =>
      client.setQueryData<Preferences>(["preferences"], (old) => ({ ...(old ?? defaults), ...change })),
    onSuccess: (data) => client.setQueryData(["preferences"], data),
    onError: () => client.invalidateQueries({ queryKey: ["preferences"] }),
  });
  if (me.isPending || (me.data && prefs.isPending))
    return (
      <PageSkeleton
        label={intl.formatMessage({
          id: "notifications.settings.loading",
          defaultMessage: "Loading settings",
        })}
      />
    );
  if (!me.data)
    return (
      <SignInPrompt
        title={intl.formatMessage(words.title)}
        reason={intl.formatMessage({
          id: "notifications.settings.signIn",
          defaultMessage: "Sign in to choose your e-mail.",
        })}
      />
    );
  const current = prefs.data ?? defaults;
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader
        title={intl.formatMessage(words.title)}
        description={intl.formatMessage({
          id: "notifications.settings.description",
          defaultMessage: "Choose the e-mail you get from the Community of Practice.",
        })}
      />
      <Card withBorder>
        <Radio.Group
          label={mailListLabels.digest}
          value={current.digest}
          onChange={(v) => (digestChoices as readonly string[]).includes(v) && save.mutate({ digest: v })}
        >
          <Stack mt="sm">
            {digestChoices.map((c) => (
              <Radio key={c} value={c} label={intl.formatMessage(labels[c])} />
            ))}
          </Stack>
        </Radio.Group>
      </Card>
      <Card withBorder component="section" aria-labelledby="other-mail">
        <Title order={2} fz="md" id="other-mail" mb={4}>
          <FormattedMessage id="notifications.settings.other.title" defaultMessage="Other e-mail" />
        </Title>
        <Text c="dimmed" size="sm" mb="md">
          <FormattedMessage
            id="notifications.settings.other.help"
            defaultMessage="You always see these in your notifications in the app. Every such e-mail also has a link to stop it with one click."
          />
        </Text>
        <Stack>
          {switches.map((s) => (
            <Switch
              key={s.key}
              label={s.label}
              checked={current[s.key]}
              onChange={(event) => save.mutate({ [s.key]: event.currentTarget.checked })}
            />
          ))}
        </Stack>
      </Card>
      {save.isSuccess && (
        <Text role="status">
          <FormattedMessage id="notifications.settings.saved" defaultMessage="Saved." />
        </Text>
      )}
      {save.isError && (
        <Text c="red.8" role="alert">
          {errorMessage(save.error)}
        </Text>
      )}
    </Stack>
  );
}
