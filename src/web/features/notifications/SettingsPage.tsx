import { Card, Radio, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { digestChoices, type DigestChoice } from "../../../core/discussion-categories.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { notificationsApi } from "./api.js";

const labels: Record<DigestChoice, string> = {
  weekly: "Weekly: new resources, upcoming events, active discussions, new partnerships in your industry",
  daily: "Daily: the same, every day there is something new",
  none: "None: no digest e-mail",
};

export default function SettingsPage() {
  usePageTitle("Settings");
  const me = useMe();
  const client = useQueryClient();
  const prefs = useQuery({
    queryKey: ["preferences"],
    queryFn: notificationsApi.preferences,
    enabled: !!me.data,
  });
  const save = useMutation({
    mutationFn: (digest: DigestChoice) => notificationsApi.setPreferences({ digest }),
    onSuccess: (data) => client.setQueryData(["preferences"], data),
  });
  if (me.isPending || (me.data && prefs.isPending)) return <PageSkeleton label="Loading settings" />;
  if (!me.data) return <SignInPrompt title="Settings" reason="Sign in to choose your e-mail." />;
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title="Settings" description="Choose the e-mail you get from the Community of Practice." />
      <Card withBorder>
        <Radio.Group
          label="E-mail digest"
          value={prefs.data?.digest ?? "weekly"}
          onChange={(v) => (digestChoices as readonly string[]).includes(v) && save.mutate(v)}
        >
          <Stack mt="sm">
            {digestChoices.map((c) => (
              <Radio key={c} value={c} label={labels[c]} />
            ))}
          </Stack>
        </Radio.Group>
        {save.isSuccess && (
          <Text mt="sm" role="status">
            Saved.
          </Text>
        )}
        {save.isError && (
          <Text mt="sm" c="red.8">
            {errorMessage(save.error)}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
