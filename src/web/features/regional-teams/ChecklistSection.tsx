import { Anchor, Card, Checkbox, Progress, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
import type { RegionalTeamDetail, TeamStep } from "../../../core/regional-teams.js";
import { stageLabels } from "../../../core/vocabulary.js";
import { errorMessage } from "../../lib/api.js";
import { formatDate } from "../../lib/format.js";
import { teamsApi, useTeamWrite } from "./api.js";

/** When a done step was ticked, by whom, and the note left with it. */
function doneLine(intl: IntlShape, step: TeamStep, doneAt: string): string {
  const date = formatDate(doneAt);
  if (step.doneBy && step.note)
    return intl.formatMessage(
      { id: "regionalTeams.checklist.doneByNote", defaultMessage: "Done {date} by {name}: {note}" },
      { date, name: step.doneBy, note: step.note },
    );
  if (step.doneBy)
    return intl.formatMessage(
      { id: "regionalTeams.checklist.doneBy", defaultMessage: "Done {date} by {name}" },
      { date, name: step.doneBy },
    );
  if (step.note)
    return intl.formatMessage(
      { id: "regionalTeams.checklist.doneNote", defaultMessage: "Done {date}: {note}" },
      { date, note: step.note },
    );
  return intl.formatMessage({ id: "regionalTeams.checklist.done", defaultMessage: "Done {date}" }, { date });
}

/**
 * The first stage's checklist, done by the team before any partnership exists; a partnership
 * started from it begins with these steps ticked. Each step links to the toolkit's chapter.
 */
export function ChecklistSection({ team }: { team: RegionalTeamDetail }) {
  const intl = useIntl();
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
          <FormattedMessage
            id="regionalTeams.checklist.summary"
            defaultMessage="{done} of {total} steps done. Partnerships started from the team begin with them ticked."
            values={{ done, total: team.steps.length }}
          />
        </Text>
        <Progress
          value={(done / team.steps.length) * 100}
          color={done === team.steps.length ? "table.7" : "harvest.7"}
          size="sm"
          aria-label={intl.formatMessage(
            {
              id: "regionalTeams.checklist.progressLabel",
              defaultMessage: "First stage: {done} of {total} steps done",
            },
            { done, total: team.steps.length },
          )}
        />
        {team.steps.map((step) => (
          <div key={step.key}>
            <Checkbox
              checked={step.done}
              disabled={!team.permissions.manage || busy === step.key}
              onChange={(e) => tick.mutate({ step: step.key, done: e.currentTarget.checked })}
              label={step.label}
              description={step.done && step.doneAt ? doneLine(intl, step, step.doneAt) : undefined}
            />
            {step.resource && (
              <Anchor
                component={Link}
                to={`/resources/${step.resource.slug}`}
                size="xs"
                ml={32}
                display="inline-block"
              >
                <FormattedMessage
                  id="regionalTeams.checklist.howTo"
                  defaultMessage="How to: {title}"
                  values={{ title: step.resource.title }}
                />
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
