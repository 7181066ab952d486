import { useState } from "react";
import { Alert, Button, Select, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { Action, ActionPlan } from "../../../core/agenda.js";
import type { Meeting } from "../../../core/meetings.js";
import { api, errorMessage } from "../../lib/api.js";

/** Turns one of the meeting's next steps into an action of an action team. */
export function NextStepAction({ meeting }: { meeting: Meeting }) {
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
        message: `"${action.title}" is now an action.`,
      });
    },
    onError: (e) => setProblem(errorMessage(e)),
  });
  if (plan.isPending) return null;
  if (teams.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Next steps can become actions once the partnership has an action team.
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
        label="Action team"
        data={teams}
        value={teamId}
        onChange={setTeamId}
        placeholder="Choose a team"
      />
      <TextInput label="Action" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      <TextInput
        type="date"
        label="Due"
        value={dueDate}
        onChange={(e) => setDueDate(e.currentTarget.value)}
      />
      <Button
        variant="light"
        onClick={() => create.mutate()}
        loading={create.isPending}
        disabled={!teamId || title.trim().length < 3}
      >
        Make it an action
      </Button>
    </Stack>
  );
}
