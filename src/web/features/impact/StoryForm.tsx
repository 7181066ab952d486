import { useState } from "react";
import {
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  NativeSelect,
  Stack,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import type { ImpactArea, Story, StoryBody, TrackedIndicator, Visibility } from "../../../core/impact.js";
import { impactAreaLabels, impactAreas, visibilities, visibilityLabels } from "../../../core/impact.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { impactApi, impactKey } from "./api.js";
import { impactWords } from "./messages.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

const empty = (): StoryBody => ({
  title: "",
  date: new Date().toISOString().slice(0, 10),
  area: "community",
  body: "",
  indicators: [],
  priorities: [],
  visibility: "community",
});

const bodyOf = (s: Story): StoryBody => ({
  title: s.title,
  date: s.date,
  area: s.area,
  body: s.body,
  indicators: s.indicators,
  priorities: s.priorities,
  visibility: s.visibility,
});

/** Tell an impact story, or edit one (`editing`): Markdown text, shown sanitized. */
export function StoryForm({
  partnershipId,
  tracked,
  editing,
  onDone,
}: {
  partnershipId: string;
  tracked: TrackedIndicator[];
  editing?: Story;
  onDone?: () => void;
}) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [story, setStory] = useState<StoryBody>(() => (editing ? bodyOf(editing) : empty()));
  const save = useMutation({
    mutationFn: () =>
      editing
        ? impactApi.updateStory(partnershipId, editing.id, { ...story, version: editing.version })
        : impactApi.createStory(partnershipId, story),
    onSuccess: async () => {
      if (!editing) setStory(empty());
      await queryClient.invalidateQueries({ queryKey: impactKey(partnershipId) });
      onDone?.();
    },
  });
  const headingId = editing ? `edit-story-${editing.id}` : "new-story-title";
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = <K extends keyof StoryBody>(key: K, value: StoryBody[K]) =>
    setStory((s) => ({ ...s, [key]: value }));
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Title order={editing ? 3 : 2} fz="lg" id={headingId} mb="sm">
        {editing ? (
          <FormattedMessage
            id="impact.storyForm.editTitle"
            defaultMessage="Edit “{title}”"
            values={{ title: editing.title }}
          />
        ) : (
          <FormattedMessage id="impact.storyForm.newTitle" defaultMessage="Tell a story" />
        )}
      </Title>
      <Stack gap="sm">
        <TextInput
          label={intl.formatMessage({ id: "impact.storyForm.title", defaultMessage: "Title" })}
          required
          value={story.title}
          error={errors.title}
          onChange={(e) => set("title", e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <TextInput
            label={intl.formatMessage({ id: "impact.storyForm.date", defaultMessage: "Date" })}
            type="date"
            required
            value={story.date}
            error={errors.date}
            onChange={(e) => set("date", e.currentTarget.value)}
          />
          <NativeSelect
            label={intl.formatMessage(impactWords.outcomeArea)}
            value={story.area}
            data={impactAreas.map((a) => ({ value: a, label: impactAreaLabels[a] }))}
            onChange={(e) => set("area", e.currentTarget.value as ImpactArea)}
          />
          <NativeSelect
            label={intl.formatMessage(impactWords.whoMayRead)}
            value={story.visibility}
            data={visibilities.map((v) => ({ value: v, label: visibilityLabels[v] }))}
            onChange={(e) => set("visibility", e.currentTarget.value as Visibility)}
          />
        </Group>
        <Textarea
          label={intl.formatMessage({ id: "impact.storyForm.body", defaultMessage: "The story" })}
          description={intl.formatMessage({
            id: "impact.storyForm.bodyHelp",
            defaultMessage: "Markdown: **bold**, *italic*, lists with -, links as [text](https://…)",
          })}
          autosize
          minRows={4}
          value={story.body}
          error={errors.body}
          onChange={(e) => set("body", e.currentTarget.value)}
        />
        <MultiSelect
          label={intl.formatMessage({
            id: "impact.storyForm.indicators",
            defaultMessage: "Indicators it illustrates",
          })}
          data={tracked.map((t) => ({ value: t.key, label: indicatorName(t) }))}
          value={story.indicators}
          onChange={(v) => set("indicators", v)}
          searchable
        />
        {save.isError && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group>
          <Button
            onClick={() => save.mutate()}
            loading={save.isPending}
            disabled={story.title.trim().length < 3}
          >
            {editing ? (
              <FormattedMessage id="impact.storyForm.saveChanges" defaultMessage="Save changes" />
            ) : (
              <FormattedMessage id="impact.storyForm.publish" defaultMessage="Publish the story" />
            )}
          </Button>
          {onDone && (
            <Button variant="default" onClick={onDone}>
              <FormattedMessage {...impactWords.cancel} />
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
