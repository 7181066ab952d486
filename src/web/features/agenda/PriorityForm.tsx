import { Alert, Button, Group, Select, Stack, TextInput, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { FormattedMessage, useIntl } from "react-intl";
import { agendaLimits, type Priority } from "../../../core/agenda.js";
import type { Theme } from "../../../core/vocabulary.js";
import { themeOptions } from "./themeOptions.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { agendaApi } from "./api.js";
import { agendaWords } from "./messages.js";
import { useAgendaMutation } from "./useAgendaMutation.js";

interface Props {
  partnershipId: string;
  opportunityId?: string;
  initialTitle?: string;
  /** The opportunity's theme, the default choice. */
  initialTheme?: Theme | null;
  onDone: (priority: Priority) => void;
}

/** Choose a priority: from a voted opportunity (its title prefilled) or on its own. */
export function PriorityForm({
  partnershipId,
  opportunityId,
  initialTitle = "",
  initialTheme = null,
  onDone,
}: Props) {
  const intl = useIntl();
  const form = useForm({
    mode: "controlled",
    initialValues: { title: initialTitle, problem: "", goal: "", theme: initialTheme },
    validate: {
      title: (v) => (v.trim().length < 3 ? intl.formatMessage(agendaWords.minLength3) : null),
      theme: (v) => (v ? null : intl.formatMessage(agendaWords.chooseAbout)),
    },
  });
  const { mutation, problem } = useAgendaMutation({
    partnershipId,
    mutationFn: (v: { title: string; problem: string; goal: string; theme: Theme | null }) =>
      agendaApi.createPriority(partnershipId, {
        title: v.title.trim(),
        ...(v.theme ? { theme: v.theme } : {}),
        ...(opportunityId ? { opportunityId } : {}),
        ...(v.problem.trim() ? { problem: v.problem.trim() } : {}),
        ...(v.goal.trim() ? { goal: v.goal.trim() } : {}),
      }),
    success: (p) =>
      intl.formatMessage(
        { id: "agenda.priorityForm.chosenToast", defaultMessage: "Priority chosen: {title}" },
        { title: p.title },
      ),
    onSuccess: onDone,
    setFieldErrors: (e) => form.setErrors(e),
  });
  return (
    <form
      noValidate
      aria-label={intl.formatMessage(agendaWords.choosePriority)}
      onSubmit={form.onSubmit((v) => mutation.mutate(v), focusFirstError)}
    >
      <Stack gap="sm">
        {problem && (
          <Alert color="red" variant="light" role="alert" title={intl.formatMessage(agendaWords.notSaved)}>
            {problem}
          </Alert>
        )}
        <TextInput
          label={intl.formatMessage(agendaWords.priority)}
          required
          maxLength={agendaLimits.title}
          {...form.getInputProps("title")}
        />
        <Select
          label={intl.formatMessage(agendaWords.whatAbout)}
          placeholder={intl.formatMessage(agendaWords.chooseThemePlaceholder)}
          required
          data={themeOptions}
          {...form.getInputProps("theme")}
        />
        <Textarea
          label={intl.formatMessage({
            id: "agenda.priorityForm.problemLabel",
            defaultMessage: "The problem",
          })}
          autosize
          minRows={2}
          maxLength={agendaLimits.text}
          {...form.getInputProps("problem")}
        />
        <Textarea
          label={intl.formatMessage({ id: "agenda.priorityForm.goalLabel", defaultMessage: "The goal" })}
          autosize
          minRows={2}
          maxLength={agendaLimits.text}
          {...form.getInputProps("goal")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            <FormattedMessage id="agenda.priorityForm.submitButton" defaultMessage="Save priority" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
