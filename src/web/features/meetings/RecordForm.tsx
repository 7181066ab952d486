import { useState } from "react";
import { Alert, Button, Group, Stack, Switch, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Meeting } from "../../../core/meetings.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { meetingKey, meetingsApi, meetingsKey } from "./api.js";
import { CancelMeeting } from "./CancelMeeting.js";

type Field = "agenda" | "notes" | "decisions" | "nextSteps";
const fields: { key: Field; label: string }[] = [
  { key: "agenda", label: "Agenda" },
  { key: "notes", label: "Notes" },
  { key: "decisions", label: "Decisions" },
  { key: "nextSteps", label: "Next steps" },
];

/** The convener's record of the meeting; a stale save (someone else saved first) is refused, not lost. */
export function RecordForm({ meeting }: { meeting: Meeting }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => ({
    agenda: meeting.agenda,
    notes: meeting.notes,
    decisions: meeting.decisions,
    nextSteps: meeting.nextSteps,
  }));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (patch: Partial<Meeting>) =>
      meetingsApi.patch(meeting.id, { ...patch, version: meeting.version }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(meetingKey(meeting.id), saved);
      await queryClient.invalidateQueries({ queryKey: meetingsKey(meeting.partnershipId) });
      setProblem(null);
      notifications.show({
        color: "table",
        message: "Meeting saved.",
      });
    },
    onError: async (error) => {
      setProblem(errorMessage(error));
      if (error instanceof ApiError && error.status === 409) {
        await queryClient.invalidateQueries({ queryKey: meetingKey(meeting.id) });
      }
    },
  });
  return (
    <Stack gap="sm">
      {problem && (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      {fields.map((f) => (
        <Textarea
          key={f.key}
          label={f.label}
          autosize
          minRows={2}
          maxRows={12}
          value={values[f.key]}
          onChange={(e) => {
            const v = e.currentTarget.value;
            setValues((all) => ({ ...all, [f.key]: v }));
          }}
        />
      ))}
      <Switch
        label="On the public calendar"
        description="Anyone sees its title, kind and time. Place, link, agenda and notes stay with members."
        checked={meeting.public}
        disabled={save.isPending}
        onChange={(e) => save.mutate({ public: e.currentTarget.checked })}
      />
      <Group justify="space-between">
        <Button
          onClick={() => save.mutate(values)}
          loading={save.isPending && save.variables?.agenda !== undefined}
        >
          Save the record
        </Button>
        <CancelMeeting meeting={meeting} />
      </Group>
    </Stack>
  );
}
