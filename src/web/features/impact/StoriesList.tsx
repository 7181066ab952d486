import { useState } from "react";
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Text,
  Title,
  Typography,
  VisuallyHidden,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import type { Story, TrackedIndicator } from "../../../core/impact.js";
import { impactAreaLabels, visibilityLabels } from "../../../core/impact.js";
import { errorMessage } from "../../lib/api.js";
import { impactApi, impactKey } from "./api.js";
import { StoryForm } from "./StoryForm.js";
import { formatDate } from "../../lib/format.js";

export interface StoryEditing {
  partnershipId: string;
  tracked: TrackedIndicator[];
}

/**
 * Impact stories; their HTML was rendered from Markdown and sanitized by the server. With
 * `editing`, each story can be edited or removed (removal keeps it in the database).
 */
export function StoriesList({ stories, editing }: { stories: Story[]; editing?: StoryEditing }) {
  const intl = useIntl();
  const [editingId, setEditingId] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (storyId: string) => impactApi.deleteStory(editing?.partnershipId ?? "", storyId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: impactKey(editing?.partnershipId ?? "") }),
  });
  if (stories.length === 0)
    return (
      <Text c="dimmed">
        <FormattedMessage id="impact.stories.empty" defaultMessage="No impact stories yet." />
      </Text>
    );
  return (
    <Stack gap="md">
      {remove.isError && (
        <Alert color="red" role="alert">
          {errorMessage(remove.error)}
        </Alert>
      )}
      {stories.map((s) =>
        editing && editingId === s.id ? (
          <StoryForm
            key={s.id}
            partnershipId={editing.partnershipId}
            tracked={editing.tracked}
            editing={s}
            onDone={() => setEditingId(null)}
          />
        ) : (
          <Card key={s.id} withBorder padding="lg" radius="md" component="article">
            <Group justify="space-between" mb="xs">
              <Title order={3} fz="lg">
                {s.title}
              </Title>
              <Group gap="xs">
                <Badge variant="light">{impactAreaLabels[s.area]}</Badge>
                <Badge variant="outline" color="gray">
                  {visibilityLabels[s.visibility]}
                </Badge>
              </Group>
            </Group>
            <Text size="sm" c="dimmed" mb="sm">
              {formatDate(s.date)}
            </Text>
            <Typography>
              <div dangerouslySetInnerHTML={{ __html: s.html }} />
            </Typography>
            {editing && (
              <Group gap="sm" mt="md">
                <Button size="xs" variant="default" onClick={() => setEditingId(s.id)}>
                  <FormattedMessage
                    id="impact.stories.edit"
                    defaultMessage="Edit<hidden> “{title}”</hidden>"
                    values={{ title: s.title, hidden: (chunks) => <VisuallyHidden>{chunks}</VisuallyHidden> }}
                  />
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  loading={remove.isPending && remove.variables === s.id}
                  onClick={() => {
                    const question = intl.formatMessage(
                      {
                        id: "impact.stories.removeConfirm",
                        defaultMessage: "Remove the story “{title}” from the pages?",
                      },
                      { title: s.title },
                    );
                    if (window.confirm(question)) remove.mutate(s.id);
                  }}
                >
                  <FormattedMessage
                    id="impact.stories.remove"
                    defaultMessage="Remove<hidden> “{title}”</hidden>"
                    values={{ title: s.title, hidden: (chunks) => <VisuallyHidden>{chunks}</VisuallyHidden> }}
                  />
                </Button>
              </Group>
            )}
          </Card>
        ),
      )}
    </Stack>
  );
}
