import { Anchor, Card, Group, Progress, Text } from "@mantine/core";
import { Link } from "react-router";
import { stageLabels } from "../../../core/vocabulary.js";
import { useChecklist } from "./api.js";
import { FormattedMessage, useIntl } from "react-intl";

/** On the profile: how far the current stage's checklist is ticked (public, no names). */
export function ChecklistProgress({ partnershipId, slug }: { partnershipId: string; slug: string }) {
  const intl = useIntl();
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
          <FormattedMessage
            id="stages.progress.current"
            defaultMessage="<b>{stage}:</b> {done, number} of {total, plural, one {# step} other {# steps}} done"
            values={{
              stage: stageLabels[data.stage],
              done: current.done,
              total: current.total,
              b: (chunks) => <b>{chunks}</b>,
            }}
          />
          <Text span c="dimmed">
            {" "}
            <FormattedMessage
              id="stages.progress.overall"
              defaultMessage="({all, number} of {total, number} overall)"
              values={{ all, total }}
            />
          </Text>
        </Text>
        {data.permissions.tick && (
          <Anchor component={Link} to={`/p/${slug}/checklist`} size="sm">
            <FormattedMessage id="stages.progress.open" defaultMessage="Open the checklist" />
          </Anchor>
        )}
      </Group>
      <Progress
        value={(current.done / current.total) * 100}
        color="table.7"
        size="sm"
        aria-label={intl.formatMessage(
          {
            id: "stages.progress.label",
            defaultMessage:
              "Checklist of the current stage: {done, number} of {total, plural, one {# step} other {# steps}} done",
          },
          { done: current.done, total: current.total },
        )}
      />
    </Card>
  );
}
