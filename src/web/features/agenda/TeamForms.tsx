import { Alert, Button, Group, MultiSelect, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { actionStatuses, actionStatusLabels, agendaLimits, type ActionStatus } from "../../../core/agenda.js";
import type { Member } from "../../../core/members.js";
import { roleLabels } from "../../../core/vocabulary.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { agendaApi } from "./api.js";
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
  const business = members.filter((m) => m.role === "champion" || m.role === "business_member");
  const others = members.filter((m) => m.role !== "observer");
  const form = useForm<TeamValues>({
    mode: "controlled",
    initialValues: {
      name: `${priorityTitle} team`.slice(0, agendaLimits.title),
      championIds: [],
      memberIds: [],
    },
    validate: {
      name: (v) => (v.trim().length < 3 ? "Must be at least 3 characters" : null),
      championIds: (v) => (v.length === 0 ? "Name at least one business champion" : null),
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
    success: (t) => `Action team formed: ${t.name}`,
    onSuccess: onDone,
    setFieldErrors: (e) => form.setErrors(e),
  });
  return (
    <form
      noValidate
      aria-label="Form an action team"
      onSubmit={form.onSubmit((v) => mutation.mutate(v), focusFirstError)}
    >
      <Stack gap="sm">
        {problem && (
          <Alert color="red" variant="light" role="alert" title="Not formed">
            {problem}
          </Alert>
        )}
        <TextInput
          label="Team name"
          required
          maxLength={agendaLimits.title}
          {...form.getInputProps("name")}
        />
        <MultiSelect
          label="Champions"
          description="Business members who lead the team (the partnership is industry-driven)"
          required
          searchable
          data={business.map(personOption)}
          nothingFoundMessage="No business member by that name"
          {...form.getInputProps("championIds")}
        />
        <MultiSelect
          label="Members"
          description="Business members and support partners who sign up"
          searchable
          data={others.filter((m) => !form.values.championIds.includes(m.personId)).map(personOption)}
          {...form.getInputProps("memberIds")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Form the team
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

const ownerOptions = (members: Member[]) => [
  { value: "", label: "No owner yet" },
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
  const form = useForm<ActionValues>({
    mode: "controlled",
    initialValues: { title: "", ownerId: "", dueDate: "", status: "planned" },
    validate: { title: (v) => (v.trim().length < 3 ? "Must be at least 3 characters" : null) },
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
    success: (a) => `Action added: ${a.title}`,
    onSuccess: onDone,
    setFieldErrors: (e) => form.setErrors(e),
  });
  return (
    <form
      noValidate
      aria-label="Add an action"
      onSubmit={form.onSubmit((v) => mutation.mutate(v), focusFirstError)}
    >
      <Stack gap="sm">
        {problem && (
          <Alert color="red" variant="light" role="alert" title="Not added">
            {problem}
          </Alert>
        )}
        <TextInput label="Action" required maxLength={agendaLimits.title} {...form.getInputProps("title")} />
        <NativeSelect label="Owner" data={ownerOptions(members)} {...form.getInputProps("ownerId")} />
        <TextInput label="Due date" type="date" {...form.getInputProps("dueDate")} />
        <NativeSelect
          label="Status"
          data={actionStatuses.map((s) => ({ value: s, label: actionStatusLabels[s] }))}
          {...form.getInputProps("status")}
        />
        <Text size="xs" c="dimmed">
          The owner gets an e-mail three days before the due date, and another if it passes.
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Add action
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export { ownerOptions };
