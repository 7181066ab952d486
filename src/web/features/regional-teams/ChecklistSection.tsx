import { Anchor, Card, Checkbox, Progress, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { RegionalTeamDetail } from "../../../core/regional-teams.js";
import { stageLabels } from "../../../core/vocabulary.js";
import { errorMessage } from "../../lib/api.js";
import { formatDate } from "../../lib/format.js";
import { teamsApi, useTeamWrite } from "./api.js";

/**
 * The first stage's checklist, done by the team before any partnership exists; a partnership
 * started from it begins with these steps ticked. Each step links to the toolkit's chapter.
 */
export function ChecklistSection({ team }: { team: RegionalTeamDetail }) {
  const tick = useTeamWrite(team.slug, (body: { step: string; done: boolean }) =>
    teamsApi.tick(team.slug, body),
  );
  const done = team.steps.filter((s) => s.done).length;
  const busy = tick.isPending ? tick.variables?.step : null;
  return (
    <Card component="section" aria-labelledby="team-checklist" withBorder>
      <Stack gap="sm">
        <Title order={2} fz="lg" id="team-checklist">
          {stageLabels.civic_infrastructure}
        </Title>
        <Text size="sm" c="dimmed">
          {done} of {team.steps.length} steps done. Partnerships started from the team begin with them ticked.
        </Text>
        <Progress
          value={(done / team.steps.length) * 100}
          color={done === team.steps.length ? "table.7" : "harvest.7"}
          size="sm"
          aria-label={`First stage: ${done} of ${team.steps.length} steps done`}
        />
        {team.steps.map((step) => (
          <div key={step.key}>
            <Checkbox
              checked={step.done}
              disabled={!team.permissions.manage || busy === step.key}
              onChange={(e) => tick.mutate({ step: step.key, done: e.currentTarget.checked })}
              label={step.label}
              description={
                step.done && step.doneAt
                  ? `Done ${formatDate(step.doneAt)}${step.doneBy ? ` by ${step.doneBy}` : ""}${step.note ? `: ${step.note}` : ""}`
                  : undefined
              }
            />
            {step.resource && (
              <Anchor
                component={Link}
                to={`/resources/${step.resource.slug}`}
                size="xs"
                ml={32}
                display="inline-block"
              >
                How to: {step.resource.title}
              </Anchor>
            )}
          </div>
        ))}
        {tick.error && (
          <Text c="red.9" size="sm" role="alert">
            {errorMessage(tick.error)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
