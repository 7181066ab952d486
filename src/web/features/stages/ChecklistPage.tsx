import { useState } from "react";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { Link } from "react-router";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Checklist } from "../../../core/stages.js";
import type { PartnershipDetail } from "../../../core/partnerships.js";
import { stageLabels } from "../../../core/vocabulary.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { errorMessage } from "../../lib/api.js";
import { formatDateTime } from "../../lib/format.js";
import { MemberGate } from "../meetings/MemberGate.js";
import { partnershipKey } from "../partnerships/api.js";
import { checklistKey, stagesApi, useChecklist } from "./api.js";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";

const checklistWords = defineMessages({
  title: { id: "stages.checklist.title", defaultMessage: "Stage checklist" },
});

function StageCard({
  stage,
  current,
  canTick,
  onTick,
  busyKey,
}: {
  stage: Checklist["stages"][number];
  current: boolean;
  canTick: boolean;
  onTick: (key: string, done: boolean, note?: string) => void;
  busyKey: string | null;
}) {
  const intl = useIntl();
  const id = `stage-${stage.stage}`;
  return (
    <Card
      component="section"
      aria-labelledby={id}
      withBorder
      style={current ? { borderColor: "var(--mantine-color-table-6)", borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} fz="lg" id={id}>
          {stageLabels[stage.stage]}
        </Title>
        <Group gap="xs">
          {current && (
            <Badge color="table" radius="sm" tt="none">
              <FormattedMessage id="stages.checklist.currentStage" defaultMessage="Current stage" />
            </Badge>
          )}
          <Text size="sm" fw={600}>
            <FormattedMessage
              id="stages.checklist.doneCount"
              defaultMessage="{done, number} of {total, number} done"
              values={{ done: stage.done, total: stage.total }}
            />
          </Text>
        </Group>
      </Group>
      <Progress
        value={(stage.done / stage.total) * 100}
        color={stage.complete ? "table.7" : "harvest.7"}
        size="sm"
        mb="md"
        aria-label={intl.formatMessage(
          {
            id: "stages.checklist.progressLabel",
            defaultMessage: "{stage}: {done, number} of {total, plural, one {# step} other {# steps}} done",
          },
          { stage: stageLabels[stage.stage], done: stage.done, total: stage.total },
        )}
      />
      <Stack gap="sm">
        {stage.steps.map((step) => (
          <div key={step.key}>
            <Checkbox
              checked={step.done}
              disabled={!canTick || busyKey === step.key}
              onChange={(e) => onTick(step.key, e.currentTarget.checked)}
              label={step.label}
              description={
                step.done && step.doneAt
                  ? intl.formatMessage(
                      {
                        id: "stages.checklist.doneDescription",
                        defaultMessage:
                          "Done {date}{hasBy, select, yes { by {by}} other {}}{hasNote, select, yes {: {note}} other {}}",
                      },
                      {
                        date: formatDateTime(step.doneAt),
                        hasBy: step.doneBy ? "yes" : "no",
                        by: step.doneBy ?? "",
                        hasNote: step.note ? "yes" : "no",
                        note: step.note ?? "",
                      },
                    )
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
                <FormattedMessage
                  id="stages.checklist.howTo"
                  defaultMessage="How to: {title}"
                  values={{ title: step.resource.title }}
                />
              </Anchor>
            )}
            {!step.done && step.evidence && (
              <Paper
                withBorder
                radius="sm"
                p="xs"
                ml={32}
                mt={6}
                bg="table.0"
                data-testid={`evidence-${step.key}`}
              >
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text size="sm">
                    <FormattedMessage
                      id="stages.checklist.workspaceShows"
                      defaultMessage="The workspace shows: <link>{text}</link>"
                      values={{
                        text: step.evidence.text,
                        link: (chunks) => (
                          <Anchor component={Link} to={step.evidence?.link ?? ""}>
                            {chunks}
                          </Anchor>
                        ),
                      }}
                    />
                  </Text>
                  {canTick && (
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={intl.formatMessage(
                        { id: "stages.checklist.tickLabel", defaultMessage: "Tick it off: {step}" },
                        { step: step.label },
                      )}
                      loading={busyKey === step.key}
                      onClick={() => onTick(step.key, true, step.evidence?.text.slice(0, 500))}
                    >
                      <FormattedMessage id="stages.checklist.tick" defaultMessage="Tick it off" />
                    </Button>
                  )}
                </Group>
              </Paper>
            )}
          </div>
        ))}
      </Stack>
      <Anchor
        component={Link}
        to={`/resources?stage=${stage.stage}`}
        size="sm"
        mt="sm"
        display="inline-block"
      >
        <FormattedMessage id="stages.checklist.resources" defaultMessage="Resources for this stage" />
      </Anchor>
    </Card>
  );
}

function ChecklistView({ p }: { p: PartnershipDetail }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const checklist = useChecklist(p.id);
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = async (data: Checklist) => {
    queryClient.setQueryData(checklistKey(p.id), data);
    await queryClient.invalidateQueries({ queryKey: partnershipKey(p.slug) });
  };
  const tick = useMutation({
    mutationFn: (v: { key: string; done: boolean; note?: string }) =>
      stagesApi.tick(p.id, v.key, v.done, v.note),
    onSuccess: async (data) => {
      setProblem(null);
      await refresh(data);
    },
    onError: (e) => setProblem(errorMessage(e)),
  });
  const advance = useMutation({
    mutationFn: (version: number) => stagesApi.advance(p.id, version),
    onSuccess: async (data) => {
      setProblem(null);
      await refresh(data);
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          { id: "stages.checklist.advancedToast", defaultMessage: "{name} is now in stage {stage}." },
          { name: p.name, stage: stageLabels[data.stage] },
        ),
      });
    },
    onError: async (e) => {
      setProblem(errorMessage(e));
      await queryClient.invalidateQueries({ queryKey: checklistKey(p.id) });
    },
  });

  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(checklistWords.title)}
        description={intl.formatMessage({
          id: "stages.checklist.description",
          defaultMessage:
            "The concrete steps of each stage. Tick them off as they are done; where the workspace already shows a step (a closed vote, a launch with its attendance), it says so for you to confirm. When a stage is complete, move on.",
        })}
      />
      {problem && (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      {checklist.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({
            id: "stages.checklist.loading",
            defaultMessage: "Loading the checklist",
          })}
        />
      ) : checklist.isError ? (
        <ErrorAlert error={checklist.error} onRetry={() => void checklist.refetch()} />
      ) : (
        <>
          {checklist.data.nextStage && checklist.data.permissions.tick && (
            <Card bg="table.0" withBorder>
              <Group justify="space-between" wrap="wrap">
                <Text>
                  <FormattedMessage
                    id="stages.checklist.allDone"
                    defaultMessage="Every step of <b>{stage}</b> is done."
                    values={{ stage: stageLabels[checklist.data.stage], b: (chunks) => <b>{chunks}</b> }}
                  />
                </Text>
                <Button onClick={() => advance.mutate(checklist.data.version)} loading={advance.isPending}>
                  <FormattedMessage
                    id="stages.checklist.moveTo"
                    defaultMessage="Move to {stage}"
                    values={{ stage: stageLabels[checklist.data.nextStage] }}
                  />
                </Button>
              </Group>
            </Card>
          )}
          {checklist.data.stages.map((s) => (
            <StageCard
              key={s.stage}
              stage={s}
              current={s.stage === checklist.data.stage}
              canTick={checklist.data.permissions.tick}
              onTick={(key, done, note) => tick.mutate({ key, done, note })}
              busyKey={tick.isPending ? (tick.variables?.key ?? null) : null}
            />
          ))}
        </>
      )}
    </Stack>
  );
}

export default function ChecklistPage() {
  const intl = useIntl();
  return (
    <MemberGate what={intl.formatMessage(checklistWords.title)}>{(p) => <ChecklistView p={p} />}</MemberGate>
  );
}
