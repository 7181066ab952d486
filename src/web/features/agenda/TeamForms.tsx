import { Alert, Button, Group, MultiSelect, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
import { actionStatuses, actionStatusLabels, agendaLimits, type ActionStatus } from "../../../core/agenda.js";
import type { Member } from "../../../core/members.js";
import { roleLabels } from "../../../core/vocabulary.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { agendaApi } from "./api.js";
import { agendaWords } from "./messages.js";
import { useAgendaMutation } from "./useAgendaMutation.js";

const personOption = (m: Member) => ({
  value: m.personId,
  label: `${m.name}${m.organization ? ` (${m.organization})` : ""}`,
});

interface TeamValues {
  name: string;
  championIds: string[];
  memberIds: string[];
}

/** Form an action team: champions are chosen among business members and champions only. */
export function TeamForm({
  partnershipId,
  priorityId,
  priorityTitle,
  members,
  onDone,
}: {
  partnershipId: string;
  priorityId: string;
  priorityTitle: string;
  members: Member[];
  onDone: () => void;
}) {
  const intl = useIntl();
  const business = members.filter((m) => m.role === "champion" || m.role === "business_member");
  const others = members.filter((m) => m.role !== "observer");
  const form = useForm<TeamValues>({
    mode: "controlled",
    initialValues: {
      name: intl
        .formatMessage(
          { id: "agenda.teamForm.defaultName", defaultMessage: "{priority} team" },
          { priority: priorityTitle },
        )
        .slice(0, agendaLimits.title),
      championIds: [],
      memberIds: [],
    },
    validate: {
      name: (v) => (v.trim().length < 3 ? intl.formatMessage(agendaWords.minLength3) : null),
      championIds: (v) =>
        v.length === 0
          ? intl.formatMessage({
              id: "agenda.teamForm.championRequired",
              defaultMessage: "Name at least one business champion",
            })
          : null,
    },
  });
  const { mutation, problem } = useAgendaMutation({
    partnershipId,
    mutationFn: (v: TeamValues) =>
      agendaApi.createTeam(priorityId, {
        name: v.name.trim(),
        championIds: v.championIds,
        memberIds: v.memberIds.filter((id) => !v.championIds.includes(id)),
      }),
    success: (t) =>
      intl.formatMessage(
        { id: "agenda.teamForm.formedToast", defaultMessage: "Action team formed: {name}" },
        { name: t.name },
      ),
    onSuccess: onDone,
    setFieldErrors: (e) => form.setErrors(e),
  });
  return (
    <form
      noValidate
      aria-label={intl.formatMessage({
        id: "agenda.teamForm.formLabel",
        defaultMessage: "Form an action team",
      })}
      onSubmit={form.onSubmit((v) => mutation.mutate(v), focusFirstError)}
    >
      <Stack gap="sm">
        {problem && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={intl.formatMessage({ id: "agenda.teamForm.notFormed", defaultMessage: "Not formed" })}
          >
            {problem}
          </Alert>
        )}
        <TextInput
          label={intl.formatMessage({ id: "agenda.teamForm.nameLabel", defaultMessage: "Team name" })}
          required
          maxLength={agendaLimits.title}
          {...form.getInputProps("name")}
        />
        <MultiSelect
          label={intl.formatMessage({ id: "agenda.teamForm.championsLabel", defaultMessage: "Champions" })}
          description={intl.formatMessage({
            id: "agenda.teamForm.championsHelp",
            defaultMessage: "Business members who lead the team (the partnership is industry-driven)",
          })}
          required
          searchable
          data={business.map(personOption)}
          nothingFoundMessage={intl.formatMessage({
            id: "agenda.teamForm.championsNothingFound",
            defaultMessage: "No business member by that name",
          })}
          {...form.getInputProps("championIds")}
        />
        <MultiSelect
          label={intl.formatMessage({ id: "agenda.teamForm.membersLabel", defaultMessage: "Members" })}
          description={intl.formatMessage({
            id: "agenda.teamForm.membersHelp",
            defaultMessage: "Business members and support partners who sign up",
          })}
          searchable
          data={others.filter((m) => !form.values.championIds.includes(m.personId)).map(personOption)}
          {...form.getInputProps("memberIds")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            <FormattedMessage id="agenda.teamForm.submitButton" defaultMessage="Form the team" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface ActionValues {
  title: string;
  ownerId: string;
  dueDate: string;
  status: ActionStatus;
}

const ownerOptions = (intl: IntlShape, members: Member[]) => [
  {
    value: "",
    label: intl.formatMessage({ id: "agenda.actionForm.noOwnerYet", defaultMessage: "No owner yet" }),
  },
  ...members
    .filter((m) => m.role !== "observer")
    .map((m) => ({ value: m.personId, label: `${m.name} · ${roleLabels[m.role]}` })),
];

export function ActionForm({
  partnershipId,
  teamId,
  members,
  onDone,
}: {
  partnershipId: string;
  teamId: string;
  members: Member[];
  onDone: () => void;
}) {
  const intl = useIntl();
  const form = useForm<ActionValues>({
    mode: "controlled",
    initialValues: { title: "", ownerId: "", dueDate: "", status: "planned" },
    validate: { title: (v) => (v.trim().length < 3 ? intl.formatMessage(agendaWords.minLength3) : null) },
  });
  const { mutation, problem } = useAgendaMutation({
    partnershipId,
    mutationFn: (v: ActionValues) =>
      agendaApi.createAction(teamId, {
        title: v.title.trim(),
        ownerId: v.ownerId || null,
        dueDate: v.dueDate || null,
        status: v.status,
      }),
    success: (a) =>
      intl.formatMessage(
        { id: "agenda.actionForm.addedToast", defaultMessage: "Action added: {title}" },
        { title: a.title },
      ),
    onSuccess: onDone,
    setFieldErrors: (e) => form.setErrors(e),
  });
  return (
    <form
      noValidate
      aria-label={intl.formatMessage({ id: "agenda.actionForm.formLabel", defaultMessage: "Add an action" })}
      onSubmit={form.onSubmit((v) => mutation.mutate(v), focusFirstError)}
    >
      <Stack gap="sm">
        {problem && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={intl.formatMessage({ id: "agenda.actionForm.notAdded", defaultMessage: "Not added" })}
          >
            {problem}
          </Alert>
        )}
        <TextInput
          label={intl.formatMessage(agendaWords.action)}
          required
          maxLength={agendaLimits.title}
          {...form.getInputProps("title")}
        />
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
        <NativeSelect
          label={intl.formatMessage(agendaWords.status)}
          data={actionStatuses.map((s) => ({ value: s, label: actionStatusLabels[s] }))}
          {...form.getInputProps("status")}
        />
        <Text size="xs" c="dimmed">
          <FormattedMessage
            id="agenda.actionForm.reminderNote"
            defaultMessage="The owner gets an e-mail three days before the due date, and another if it passes."
          />
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            <FormattedMessage id="agenda.actionForm.submitButton" defaultMessage="Add action" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export { ownerOptions };
