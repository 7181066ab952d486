import {
  Alert,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { FormattedMessage, useIntl } from "react-intl";
import { historyName } from "../../../core/members.js";
import { agendaLimits } from "../../../core/agenda.js";
import { themeLabels, type Theme } from "../../../core/vocabulary.js";
import { themeOptions } from "./themeOptions.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { formatDateTime } from "../../lib/format.js";
import { agendaApi, useOpportunities } from "./api.js";
import { agendaWords } from "./messages.js";
import { useAgendaMutation } from "./useAgendaMutation.js";

function RaiseForm({ partnershipId }: { partnershipId: string }) {
  const intl = useIntl();
  const form = useForm({
    mode: "controlled",
    initialValues: { title: "", description: "", theme: null as Theme | null },
    validate: {
      title: (v) => (v.trim().length < 3 ? intl.formatMessage(agendaWords.minLength3) : null),
      theme: (v) => (v ? null : intl.formatMessage(agendaWords.chooseAbout)),
    },
  });
  const { mutation, problem } = useAgendaMutation({
    partnershipId,
    mutationFn: (v: { title: string; description: string; theme: Theme | null }) =>
      agendaApi.raise(partnershipId, {
        title: v.title.trim(),
        description: v.description.trim() || undefined,
        theme: v.theme as Theme,
      }),
    success: (o) =>
      intl.formatMessage(
        { id: "agenda.raise.recordedToast", defaultMessage: "Recorded: {title}" },
        { title: o.title },
      ),
    onSuccess: () => form.reset(),
    setFieldErrors: (e) => form.setErrors(e),
  });
  return (
    <Card component="section" aria-labelledby="raise-heading">
      <Title order={2} fz="lg" id="raise-heading" mb="xs">
        <FormattedMessage id="agenda.raise.title" defaultMessage="Raise an opportunity or challenge" />
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        <FormattedMessage
          id="agenda.raise.intro"
          defaultMessage="What would help the industry grow in the region? Name it in a few words; the convener puts opportunities to a vote of the business members."
        />
      </Text>
      <form noValidate onSubmit={form.onSubmit((v) => mutation.mutate(v), focusFirstError)}>
        <Stack gap="sm">
          {problem && (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={intl.formatMessage({ id: "agenda.raise.notRecorded", defaultMessage: "Not recorded" })}
            >
              {problem}
            </Alert>
          )}
          <TextInput
            label={intl.formatMessage(agendaWords.opportunity)}
            required
            maxLength={agendaLimits.title}
            {...form.getInputProps("title")}
          />
          <Select
            label={intl.formatMessage(agendaWords.whatAbout)}
            description={intl.formatMessage({
              id: "agenda.raise.themeDescription",
              defaultMessage:
                "The community sees what partnerships work on by theme, never the opportunity itself.",
            })}
            placeholder={intl.formatMessage(agendaWords.chooseThemePlaceholder)}
            required
            data={themeOptions}
            {...form.getInputProps("theme")}
          />
          <Textarea
            label={intl.formatMessage({ id: "agenda.raise.descriptionLabel", defaultMessage: "Description" })}
            description={intl.formatMessage({
              id: "agenda.raise.descriptionHelp",
              defaultMessage: "Optional: why it matters, who it affects",
            })}
            autosize
            minRows={2}
            maxLength={agendaLimits.text}
            {...form.getInputProps("description")}
          />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              <FormattedMessage id="agenda.raise.submitButton" defaultMessage="Record opportunity" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function OpportunitiesTab({ partnershipId }: { partnershipId: string }) {
  const intl = useIntl();
  const list = useOpportunities(partnershipId);
  if (list.isPending) return <PageSkeleton label={intl.formatMessage(agendaWords.loadingOpportunities)} />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const { items, permissions } = list.data;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: permissions.raise ? 7 : 12 }}>
        <Card component="section" aria-labelledby="opportunities-heading">
          <Title order={2} fz="lg" id="opportunities-heading" mb="md">
            <FormattedMessage
              id="agenda.opportunities.title"
              defaultMessage="Opportunities and challenges ({count})"
              values={{ count: items.length }}
            />
          </Title>
          {items.length === 0 ? (
            <Text c="dimmed">
              <FormattedMessage
                id="agenda.opportunities.empty"
                defaultMessage="None recorded yet. Business leaders raise them at or before the launch meeting."
              />
            </Text>
          ) : (
            <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
              {items.map((o) => (
                <li key={o.id}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                    <div>
                      <Text fw={600}>{o.title}</Text>
                      {o.theme && (
                        <Text size="xs" c="table.9" fw={600}>
                          {themeLabels[o.theme]}
                        </Text>
                      )}
                      {o.description && (
                        <Text size="sm" c="dimmed">
                          {o.description}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        <FormattedMessage
                          id="agenda.opportunities.raisedBy"
                          defaultMessage="Raised by {name} · {date}"
                          values={{
                            name: o.raisedBy
                              ? historyName(o.raisedBy)
                              : intl.formatMessage(agendaWords.formerMember),
                            date: formatDateTime(o.createdAt),
                          }}
                        />
                      </Text>
                    </div>
                    <Group gap={6} wrap="nowrap">
                      {o.roundCount > 0 && (
                        <Badge variant="light" color="gray" c="gray.9" tt="none">
                          <FormattedMessage
                            id="agenda.opportunities.votedOnBadge"
                            defaultMessage="Voted on"
                          />
                        </Badge>
                      )}
                      {o.priorityId && (
                        <Badge variant="filled" tt="none">
                          <FormattedMessage {...agendaWords.priority} />
                        </Badge>
                      )}
                    </Group>
                  </Group>
                </li>
              ))}
            </Stack>
          )}
        </Card>
      </Grid.Col>
      {permissions.raise && (
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <RaiseForm partnershipId={partnershipId} />
        </Grid.Col>
      )}
    </Grid>
  );
}
