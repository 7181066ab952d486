import { useState } from "react";
import {
  Alert,
  Button,
  Divider,
  Group,
  NativeSelect,
  NumberInput,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { FormattedMessage, useIntl } from "react-intl";
import {
  actionStatuses,
  actionStatusLabels,
  agendaLimits,
  type ActionDetail,
  type ActionStatus,
} from "../../../core/agenda.js";
import { historyName } from "../../../core/members.js";
import type { Member } from "../../../core/members.js";
import { ApiError } from "../../lib/api.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { formatDateTime } from "../../lib/format.js";
import { agendaApi, useAction } from "./api.js";
import { agendaWords } from "./messages.js";
import { ownerOptions } from "./TeamForms.js";
import { useAgendaMutation } from "./useAgendaMutation.js";

interface Values {
  title: string;
  ownerId: string;
  dueDate: string;
  status: ActionStatus;
  progress: number | string;
  result: string;
}

const valuesOf = (a: ActionDetail): Values => ({
  title: a.title,
  ownerId: a.owner?.personId ?? "",
  dueDate: a.dueDate ?? "",
  status: a.status,
  progress: a.progress,
  result: a.result,
});

function EditForm({
  partnershipId,
  action,
  members,
}: {
  partnershipId: string;
  action: ActionDetail;
  members: Member[];
}) {
  const intl = useIntl();
  const [version, setVersion] = useState(action.version);
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: valuesOf(action),
    validate: { title: (v) => (v.trim().length < 3 ? intl.formatMessage(agendaWords.minLength3) : null) },
  });
  const { mutation, problem } = useAgendaMutation({
    partnershipId,
    mutationFn: (v: Values) =>
      agendaApi.updateAction(action.id, {
        version,
        title: v.title.trim(),
        ownerId: v.ownerId || null,
        dueDate: v.dueDate || null,
        status: v.status,
        progress: Number(v.progress),
        result: v.result.trim(),
      }),
    success: (a) =>
      intl.formatMessage(
        { id: "agenda.actionEditor.savedToast", defaultMessage: "Saved: {title}" },
        { title: a.title },
      ),
    onSuccess: (a) => {
      setVersion(a.version);
      setConflict(null);
      form.setValues(valuesOf(a));
      form.resetDirty();
    },
    setFieldErrors: (e) => form.setErrors(e),
    onError: (err) => {
      if (!(err instanceof ApiError && err.status === 409 && err.problem.current)) return false;
      // Someone else saved first: show their version and let this person apply changes again.
      const current = err.problem.current as ActionDetail;
      setConflict(err.problem.detail);
      setVersion(current.version);
      form.setValues(valuesOf(current));
      return true;
    },
  });
  return (
    <form
      noValidate
      aria-label={intl.formatMessage({
        id: "agenda.actionEditor.editFormLabel",
        defaultMessage: "Edit the action",
      })}
      onSubmit={form.onSubmit((v) => mutation.mutate(v), focusFirstError)}
    >
      <Stack gap="sm">
        {conflict ? (
          <Alert
            color="harvest"
            c="gray.9"
            variant="light"
            role="alert"
            title={intl.formatMessage({
              id: "agenda.actionEditor.conflictTitle",
              defaultMessage: "Someone else changed this action first",
            })}
          >
            <FormattedMessage
              id="agenda.actionEditor.conflictText"
              defaultMessage="{conflict} The form now shows their version."
              values={{ conflict }}
            />
          </Alert>
        ) : (
          problem && (
            <Alert color="red" variant="light" role="alert" title={intl.formatMessage(agendaWords.notSaved)}>
              {problem}
            </Alert>
          )
        )}
        <TextInput
          label={intl.formatMessage(agendaWords.action)}
          required
          maxLength={agendaLimits.title}
          {...form.getInputProps("title")}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={intl.formatMessage(agendaWords.status)}
            data={actionStatuses.map((s) => ({ value: s, label: actionStatusLabels[s] }))}
            {...form.getInputProps("status")}
          />
          <NumberInput
            label={intl.formatMessage({
              id: "agenda.actionEditor.progressLabel",
              defaultMessage: "Progress (%)",
            })}
            min={0}
            max={100}
            allowDecimal={false}
            {...form.getInputProps("progress")}
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label={intl.formatMessage(agendaWords.owner)}
            data={ownerOptions(intl, members)}
            {...form.getInputProps("ownerId")}
          />
          <TextInput
            label={intl.formatMessage(agendaWords.dueDate)}
            type="date"
            {...form.getInputProps("dueDate")}
          />
        </Group>
        <Textarea
          label={intl.formatMessage({ id: "agenda.actionEditor.resultLabel", defaultMessage: "Result" })}
          autosize
          minRows={2}
          maxLength={agendaLimits.text}
          {...form.getInputProps("result")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            <FormattedMessage id="agenda.actionEditor.saveButton" defaultMessage="Save action" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function UpdateForm({ partnershipId, actionId }: { partnershipId: string; actionId: string }) {
  const intl = useIntl();
  const form = useForm({
    mode: "controlled",
    initialValues: { note: "" },
    validate: {
      note: (v) =>
        v.trim().length === 0
          ? intl.formatMessage({
              id: "agenda.actionUpdate.noteRequired",
              defaultMessage: "Write what happened",
            })
          : null,
    },
  });
  const { mutation, problem } = useAgendaMutation({
    partnershipId,
    mutationFn: (v: { note: string }) => agendaApi.addUpdate(actionId, { note: v.note.trim() }),
    success: () =>
      intl.formatMessage({ id: "agenda.actionUpdate.addedToast", defaultMessage: "Update added." }),
    onSuccess: () => form.reset(),
    setFieldErrors: (e) => form.setErrors(e),
  });
  return (
    <form
      noValidate
      aria-label={intl.formatMessage({
        id: "agenda.actionUpdate.formLabel",
        defaultMessage: "Add an update",
      })}
      onSubmit={form.onSubmit((v) => mutation.mutate(v), focusFirstError)}
    >
      <Stack gap="xs">
        {problem && (
          <Alert color="red" variant="light" role="alert">
            {problem}
          </Alert>
        )}
        <Textarea
          label={intl.formatMessage({ id: "agenda.actionUpdate.noteLabel", defaultMessage: "New update" })}
          autosize
          minRows={2}
          maxLength={agendaLimits.note}
          {...form.getInputProps("note")}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={mutation.isPending}>
            <FormattedMessage id="agenda.actionUpdate.submitButton" defaultMessage="Add update" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** An action with its dated updates; editable by conveners, the team's champions and the owner. */
export function ActionEditor({
  partnershipId,
  actionId,
  members,
}: {
  partnershipId: string;
  actionId: string;
  members: Member[];
}) {
  const intl = useIntl();
  const action = useAction(partnershipId, actionId);
  if (action.isPending) return <Skeleton height={260} />;
  if (action.isError) return <Text c="red.8">{action.error.message}</Text>;
  const a = action.data;
  return (
    <Stack gap="md">
      {a.canEdit ? (
        <EditForm key={a.id} partnershipId={partnershipId} action={a} members={members} />
      ) : (
        <Text size="sm" c="dimmed">
          <FormattedMessage
            id="agenda.actionEditor.readOnly"
            defaultMessage="Only a convener, one of the team's champions or the owner may change this action."
          />
        </Text>
      )}
      <Divider />
      <Title order={3} fz="md">
        <FormattedMessage id="agenda.actionEditor.updatesTitle" defaultMessage="Updates" />
      </Title>
      {a.canEdit && <UpdateForm partnershipId={partnershipId} actionId={a.id} />}
      {a.updates.length === 0 ? (
        <Text size="sm" c="dimmed">
          <FormattedMessage id="agenda.actionEditor.noUpdates" defaultMessage="No updates yet." />
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {a.updates.map((u) => (
            <li key={u.id}>
              <Text size="xs" c="dimmed">
                {formatDateTime(u.createdAt)} ·{" "}
                {u.author ? historyName(u.author) : intl.formatMessage(agendaWords.formerMember)}
                {u.progress != null ? ` · ${u.progress}%` : ""}
                {u.status ? ` · ${actionStatusLabels[u.status]}` : ""}
              </Text>
              <Text size="sm">{u.note}</Text>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
