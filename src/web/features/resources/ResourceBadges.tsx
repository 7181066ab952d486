import { Badge, Group } from "@mantine/core";
import {
  resourceAudienceLabels,
  resourceKindLabels,
  resourceTopicLabels,
  type ResourceAudience,
  type ResourceKind,
  type ResourceTopic,
} from "../../../core/resource-vocabulary.js";
import { stageLabels, type Stage } from "../../../core/vocabulary.js";

interface Props {
  kind: ResourceKind;
  stage: Stage | null;
  topics: readonly ResourceTopic[];
  audience?: readonly ResourceAudience[];
}

/** Kind, stage, topics and audience of a resource, as small labels. */
export function ResourceBadges({ kind, stage, topics, audience = [] }: Props) {
  return (
    <Group gap={6}>
      <Badge variant="filled" color="table" radius="sm" tt="none">
        {resourceKindLabels[kind]}
      </Badge>
      {stage && (
        <Badge variant="light" color="gray" c="gray.9" radius="sm" tt="none">
          {stageLabels[stage]}
        </Badge>
      )}
      {topics.map((t) => (
        <Badge key={t} variant="outline" color="gray" c="gray.8" radius="sm" tt="none">
          {resourceTopicLabels[t]}
        </Badge>
      ))}
      {audience.map((a) => (
        <Badge key={a} variant="dot" color="table" c="gray.9" radius="sm" tt="none">
          {resourceAudienceLabels[a]}
        </Badge>
      ))}
    </Group>
  );
}
