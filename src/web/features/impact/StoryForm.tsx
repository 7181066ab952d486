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
import type { ImpactArea, Story, StoryBody, TrackedIndicator, Visibility } from "../../../core/impact.js";
import { impactAreaLabels, impactAreas, visibilities, visibilityLabels } from "../../../core/impact.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { impactApi, impactKey } from "./api.js";

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
        {editing ? `Edit “${editing.title}”` : "Tell a story"}
      </Title>
      <Stack gap="sm">
        <TextInput
          label="Title"
          required
          value={story.title}
          error={errors.title}
          onChange={(e) => set("title", e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <TextInput
            label="Date"
            type="date"
            required
            value={story.date}
            error={errors.date}
            onChange={(e) => set("date", e.currentTarget.value)}
          />
          <NativeSelect
            label="Outcome area"
            value={story.area}
            data={impactAreas.map((a) => ({ value: a, label: impactAreaLabels[a] }))}
            onChange={(e) => set("area", e.currentTarget.value as ImpactArea)}
          />
          <NativeSelect
            label="Who may read it"
            value={story.visibility}
            data={visibilities.map((v) => ({ value: v, label: visibilityLabels[v] }))}
            onChange={(e) => set("visibility", e.currentTarget.value as Visibility)}
          />
        </Group>
        <Textarea
          label="The story"
          description="Markdown: **bold**, *italic*, lists with -, links as [text](https://…)"
          autosize
          minRows={4}
          value={story.body}
          error={errors.body}
          onChange={(e) => set("body", e.currentTarget.value)}
        />
        <MultiSelect
          label="Indicators it illustrates"
          data={tracked.map((t) => ({ value: t.key, label: t.name }))}
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
            {editing ? "Save changes" : "Publish the story"}
          </Button>
          {onDone && (
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
