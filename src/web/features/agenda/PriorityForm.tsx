import { Alert, Button, Group, Stack, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { agendaLimits, type Priority } from "../../../core/agenda.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { agendaApi } from "./api.js";
import { useAgendaMutation } from "./useAgendaMutation.js";

interface Props {
  partnershipId: string;
  opportunityId?: string;
  initialTitle?: string;
  onDone: (priority: Priority) => void;
}

/** Choose a priority: from a voted opportunity (its title prefilled) or on its own. */
export function PriorityForm({ partnershipId, opportunityId, initialTitle = "", onDone }: Props) {
  const form = useForm({
    mode: "controlled",
    initialValues: { title: initialTitle, problem: "", goal: "" },
    validate: { title: (v) => (v.trim().length < 3 ? "Must be at least 3 characters" : null) },
  });
  const { mutation, problem } = useAgendaMutation({
    partnershipId,
    mutationFn: (v: { title: string; problem: string; goal: string }) =>
      agendaApi.createPriority(partnershipId, {
        title: v.title.trim(),
        ...(opportunityId ? { opportunityId } : {}),
        ...(v.problem.trim() ? { problem: v.problem.trim() } : {}),
        ...(v.goal.trim() ? { goal: v.goal.trim() } : {}),
      }),
    success: (p) => `Priority chosen: ${p.title}`,
    onSuccess: onDone,
    setFieldErrors: (e) => form.setErrors(e),
  });
  return (
    <form
      noValidate
      aria-label="Choose a priority"
      onSubmit={form.onSubmit((v) => mutation.mutate(v), focusFirstError)}
    >
      <Stack gap="sm">
        {problem && (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            {problem}
          </Alert>
        )}
        <TextInput
          label="Priority"
          required
          maxLength={agendaLimits.title}
          {...form.getInputProps("title")}
        />
        <Textarea
          label="The problem"
          autosize
          minRows={2}
          maxLength={agendaLimits.text}
          {...form.getInputProps("problem")}
        />
        <Textarea
          label="The goal"
          autosize
          minRows={2}
          maxLength={agendaLimits.text}
          {...form.getInputProps("goal")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Save priority
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
