import { useState } from "react";
import { Alert, Button, Group, NativeSelect, Stack, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import type { StoryBehind, TrackedIndicator, Visibility } from "../../../core/impact.js";
import { visibilities, visibilityLabels } from "../../../core/impact.js";
import { errorMessage } from "../../lib/api.js";
import { impactApi, impactKey } from "./api.js";
import { impactWords } from "./messages.js";

const words = defineMessages({
  whatHappened: { id: "impact.storyBehind.whatHappened", defaultMessage: "What happened" },
  partners: { id: "impact.storyBehind.partners", defaultMessage: "Partners involved" },
  whatWorks: { id: "impact.storyBehind.whatWorks", defaultMessage: "What works" },
  nextSteps: { id: "impact.storyBehind.nextSteps", defaultMessage: "Next steps" },
});

const fields = [
  ["whatHappened", words.whatHappened],
  ["partners", words.partners],
  ["whatWorks", words.whatWorks],
  ["nextSteps", words.nextSteps],
] as const;

/** The partnership's short "story behind the numbers" of one indicator. */
export function StoryBehindForm({
  partnershipId,
  indicator,
  onDone,
}: {
  partnershipId: string;
  indicator: TrackedIndicator;
  onDone: () => void;
}) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [story, setStory] = useState<StoryBehind>({
    whatHappened: indicator.story?.whatHappened ?? "",
    partners: indicator.story?.partners ?? "",
    whatWorks: indicator.story?.whatWorks ?? "",
    nextSteps: indicator.story?.nextSteps ?? "",
    visibility: indicator.story?.visibility ?? "community",
  });
  const save = useMutation({
    mutationFn: () => impactApi.writeStoryBehind(partnershipId, indicator.key, story),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: impactKey(partnershipId) });
      onDone();
    },
  });
  return (
    <Stack gap="xs">
      {fields.map(([key, label]) => (
        <Textarea
          key={key}
          label={intl.formatMessage(label)}
          autosize
          minRows={2}
          maxLength={4000}
          value={story[key]}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setStory((s) => ({ ...s, [key]: value }));
          }}
        />
      ))}
      <NativeSelect
        label={intl.formatMessage(impactWords.whoMayRead)}
        value={story.visibility}
        data={visibilities.map((v) => ({ value: v, label: visibilityLabels[v] }))}
        onChange={(e) => {
          const visibility = e.currentTarget.value as Visibility;
          setStory((s) => ({ ...s, visibility }));
        }}
      />
      {save.isError && (
        <Alert color="red" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
      <Group>
        <Button size="sm" onClick={() => save.mutate()} loading={save.isPending}>
          <FormattedMessage id="impact.storyBehind.save" defaultMessage="Save the story" />
        </Button>
        <Button size="sm" variant="subtle" onClick={onDone}>
          <FormattedMessage {...impactWords.cancel} />
        </Button>
      </Group>
    </Stack>
  );
}
