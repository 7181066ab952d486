import { useState } from "react";
import { Alert, Button, Group, Stack, Switch, Textarea } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl, type MessageDescriptor } from "react-intl";
import type { Meeting } from "../../../core/meetings.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { meetingKey, meetingsApi, meetingsKey } from "./api.js";
import { CancelMeeting } from "./CancelMeeting.js";
import { recordWords } from "./messages.js";

type Field = "agenda" | "notes" | "decisions" | "nextSteps";
const fields: { key: Field; label: MessageDescriptor }[] = [
  { key: "agenda", label: recordWords.agenda },
  { key: "notes", label: recordWords.notes },
  { key: "decisions", label: recordWords.decisions },
  { key: "nextSteps", label: recordWords.nextSteps },
];

/** The convener's record of the meeting; a stale save (someone else saved first) is refused, not lost. */
export function RecordForm({ meeting }: { meeting: Meeting }) {
  const intl = useIntl();
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
        message: intl.formatMessage({ id: "meetings.record.savedToast", defaultMessage: "Meeting saved." }),
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
          label={intl.formatMessage(f.label)}
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
        label={intl.formatMessage(recordWords.onPublicCalendar)}
        description={intl.formatMessage(recordWords.publicHelp)}
        checked={meeting.public}
        disabled={save.isPending}
        onChange={(e) => save.mutate({ public: e.currentTarget.checked })}
      />
      <Group justify="space-between">
        <Button
          onClick={() => save.mutate(values)}
          loading={save.isPending && save.variables?.agenda !== undefined}
        >
          <FormattedMessage id="meetings.record.saveButton" defaultMessage="Save the record" />
        </Button>
        <CancelMeeting meeting={meeting} />
      </Group>
    </Stack>
  );
}
