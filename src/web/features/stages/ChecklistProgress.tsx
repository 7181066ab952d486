import { Anchor, Card, Group, Progress, Text } from "@mantine/core";
import { Link } from "react-router";
import { stageLabels } from "../../../core/vocabulary.js";
import { useChecklist } from "./api.js";
import { formatCountOf } from "../../../core/format.js";

/** On the profile: how far the current stage's checklist is ticked (public, no names). */
export function ChecklistProgress({ partnershipId, slug }: { partnershipId: string; slug: string }) {
  const checklist = useChecklist(partnershipId);
  const data = checklist.data;
  if (!data) return null;
  const current = data.stages.find((s) => s.stage === data.stage);
  if (!current) return null;
  const all = data.stages.reduce((n, s) => n + s.done, 0);
  const total = data.stages.reduce((n, s) => n + s.total, 0);
  return (
    <Card withBorder padding="sm" mt="sm" maw={560}>
      <Group justify="space-between" gap="xs" mb={6} wrap="wrap">
        <Text size="sm">
          <b>{stageLabels[data.stage]}:</b> {current.done} of {formatCountOf(current.total, "step")} done
          <Text span c="dimmed">
            {" "}
            ({all} of {total} overall)
          </Text>
        </Text>
        {data.permissions.tick && (
          <Anchor component={Link} to={`/p/${slug}/checklist`} size="sm">
            Open the checklist
          </Anchor>
        )}
      </Group>
      <Progress
        value={(current.done / current.total) * 100}
        color="table.7"
        size="sm"
        aria-label={`Checklist of the current stage: ${current.done} of ${formatCountOf(current.total, "step")} done`}
      />
    </Card>
  );
}
