import { useState } from "react";
import { Alert, Button, Select, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import type { Action, ActionPlan } from "../../../core/agenda.js";
import type { Meeting } from "../../../core/meetings.js";
import { api, errorMessage } from "../../lib/api.js";

/** Turns one of the meeting's next steps into an action of an action team. */
export function NextStepAction({ meeting }: { meeting: Meeting }) {
  const intl = useIntl();
  const plan = useQuery({
    queryKey: ["action-plan", meeting.partnershipId],
    queryFn: ({ signal }) =>
      api.get<ActionPlan>(`/partnerships/${meeting.partnershipId}/action-plan`, signal),
  });
  const teams =
    plan.data?.priorities
      .filter((p) => p.status === "active")
      .flatMap((p) => p.teams.map((t) => ({ value: t.id, label: `${t.name} (${p.title})` }))) ?? [];
  const firstStep = meeting.nextSteps.split("\n").find((l) => l.trim()) ?? "";
  const [teamId, setTeamId] = useState<string | null>(null);
  const [title, setTitle] = useState(firstStep.replace(/^[-*•\s]+/, "").trim());
  const [dueDate, setDueDate] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api.post<Action>(`/meetings/${meeting.id}/actions`, {
        teamId: teamId ?? "",
        title: title.trim(),
        ...(dueDate ? { dueDate } : {}),
      }),
    onSuccess: (action) => {
      setProblem(null);
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          { id: "meetings.nextStep.createdToast", defaultMessage: '"{title}" is now an action.' },
          { title: action.title },
        ),
      });
    },
    onError: (e) => setProblem(errorMessage(e)),
  });
  if (plan.isPending) return null;
  if (teams.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        <FormattedMessage
          id="meetings.nextStep.noTeam"
          defaultMessage="Next steps can become actions once the partnership has an action team."
        />
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {problem && (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      <Select
        label={intl.formatMessage({ id: "meetings.nextStep.teamLabel", defaultMessage: "Action team" })}
        data={teams}
        value={teamId}
        onChange={setTeamId}
        placeholder={intl.formatMessage({
          id: "meetings.nextStep.teamPlaceholder",
          defaultMessage: "Choose a team",
        })}
      />
      <TextInput
        label={intl.formatMessage({ id: "meetings.nextStep.actionLabel", defaultMessage: "Action" })}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <TextInput
        type="date"
        label={intl.formatMessage({ id: "meetings.nextStep.dueLabel", defaultMessage: "Due" })}
        value={dueDate}
        onChange={(e) => setDueDate(e.currentTarget.value)}
      />
      <Button
        variant="light"
        onClick={() => create.mutate()}
        loading={create.isPending}
        disabled={!teamId || title.trim().length < 3}
      >
        <FormattedMessage id="meetings.nextStep.submitButton" defaultMessage="Make it an action" />
      </Button>
    </Stack>
  );
}
