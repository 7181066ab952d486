import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { Link, useNavigate } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import {
  DEFAULT_DOTS,
  MAX_DOTS,
  voteMethodLabels,
  type Opportunity,
  type VoteMethod,
} from "../../../core/agenda.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { formatDateTime } from "../../lib/format.js";
import { agendaApi, useOpportunities, useVoteRounds } from "./api.js";
import { agendaWords } from "./messages.js";
import { useAgendaMutation } from "./useAgendaMutation.js";

interface Values {
  title: string;
  method: VoteMethod;
  dotsPerVoter: number | string;
  opportunityIds: string[];
  /** The browser's local date and time (datetime-local); empty: the convener closes it. */
  closesAt: string;
}

function OpenRoundForm({
  partnershipId,
  slug,
  opportunities,
}: {
  partnershipId: string;
  slug: string;
  opportunities: Opportunity[];
}) {
  const intl = useIntl();
  const navigate = useNavigate();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      title: "",
      method: "dots",
      dotsPerVoter: DEFAULT_DOTS,
      opportunityIds: [],
      closesAt: "",
    },
    validate: {
      title: (v) => (v.trim().length < 3 ? intl.formatMessage(agendaWords.minLength3) : null),
      opportunityIds: (v) =>
        v.length < 2
          ? intl.formatMessage({
              id: "agenda.openRound.opportunitiesRequired",
              defaultMessage: "Choose at least 2 opportunities to vote on",
            })
          : null,
      dotsPerVoter: (v, values) =>
        values.method === "dots" && (!Number.isInteger(Number(v)) || Number(v) < 1 || Number(v) > MAX_DOTS)
          ? intl.formatMessage(
              { id: "agenda.openRound.dotsRange", defaultMessage: "Must be a whole number from 1 to {max}" },
              { max: MAX_DOTS },
            )
          : null,
      closesAt: (v) =>
        v && !(new Date(v).getTime() > Date.now())
          ? intl.formatMessage({
              id: "agenda.openRound.closesAtFuture",
              defaultMessage: "Must be a date and time in the future",
            })
          : null,
    },
  });
  const { mutation, problem } = useAgendaMutation({
    partnershipId,
    mutationFn: (v: Values) =>
      agendaApi.openRound(partnershipId, {
        title: v.title.trim(),
        method: v.method,
        ...(v.method === "dots" ? { dotsPerVoter: Number(v.dotsPerVoter) } : {}),
        opportunityIds: v.opportunityIds,
        ...(v.closesAt ? { closesAt: new Date(v.closesAt).toISOString() } : {}),
      }),
    success: (r) =>
      intl.formatMessage(
        { id: "agenda.openRound.openedToast", defaultMessage: 'The vote "{title}" is open.' },
        { title: r.title },
      ),
    onSuccess: (r) => void navigate(`/p/${slug}/agenda/votes/${r.id}`),
    setFieldErrors: (e) => form.setErrors(e),
  });
  return (
    <Card component="section" aria-labelledby="open-round-heading">
      <Title order={2} fz="lg" id="open-round-heading" mb="xs">
        <FormattedMessage id="agenda.openRound.title" defaultMessage="Open a vote round" />
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        <FormattedMessage
          id="agenda.openRound.intro"
          defaultMessage="Only business members and champions vote. Results stay hidden until you close the round."
        />
      </Text>
      {opportunities.length < 2 ? (
        <Text size="sm">
          <FormattedMessage
            id="agenda.openRound.tooFew"
            defaultMessage="Record at least two opportunities first."
          />
        </Text>
      ) : (
        <form noValidate onSubmit={form.onSubmit((v) => mutation.mutate(v), focusFirstError)}>
          <Stack gap="sm">
            {problem && (
              <Alert
                color="red"
                variant="light"
                role="alert"
                title={intl.formatMessage({ id: "agenda.openRound.notOpened", defaultMessage: "Not opened" })}
              >
                {problem}
              </Alert>
            )}
            <TextInput
              label={intl.formatMessage({
                id: "agenda.openRound.titleLabel",
                defaultMessage: "Title of the round",
              })}
              required
              {...form.getInputProps("title")}
            />
            <div>
              <Text size="sm" fw={500} id="method-label" mb={4}>
                <FormattedMessage id="agenda.openRound.methodLabel" defaultMessage="How people vote" />
              </Text>
              <SegmentedControl
                aria-labelledby="method-label"
                fullWidth
                data={[
                  { value: "dots", label: voteMethodLabels.dots },
                  { value: "rating", label: voteMethodLabels.rating },
                ]}
                {...form.getInputProps("method")}
              />
            </div>
            {form.values.method === "dots" && (
              <NumberInput
                label={intl.formatMessage({
                  id: "agenda.openRound.dotsLabel",
                  defaultMessage: "Dots per voter",
                })}
                min={1}
                max={MAX_DOTS}
                allowDecimal={false}
                {...form.getInputProps("dotsPerVoter")}
              />
            )}
            <TextInput
              type="datetime-local"
              label={intl.formatMessage({
                id: "agenda.openRound.closesAtLabel",
                defaultMessage: "Closes on (optional)",
              })}
              description={intl.formatMessage({
                id: "agenda.openRound.closesAtHelp",
                defaultMessage:
                  "The round closes by itself then; voters who have not voted get a reminder the day before.",
              })}
              {...form.getInputProps("closesAt")}
            />
            <Checkbox.Group
              label={intl.formatMessage({
                id: "agenda.openRound.opportunitiesLabel",
                defaultMessage: "Opportunities to vote on",
              })}
              required
              {...form.getInputProps("opportunityIds")}
            >
              <Stack gap={6} mt={6}>
                {opportunities.map((o) => (
                  <Checkbox key={o.id} value={o.id} label={o.title} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Group>
              <Button type="submit" loading={mutation.isPending}>
                <FormattedMessage id="agenda.openRound.submitButton" defaultMessage="Open the vote" />
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

export function VotesTab({ partnershipId, slug }: { partnershipId: string; slug: string }) {
  const intl = useIntl();
  const rounds = useVoteRounds(partnershipId);
  const opportunities = useOpportunities(partnershipId);
  if (rounds.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "agenda.votes.loading", defaultMessage: "Loading the vote rounds" })}
      />
    );
  if (rounds.isError) return <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />;
  const { items, permissions } = rounds.data;
  const methodLabel = intl.formatMessage({ id: "agenda.votes.methodHeader", defaultMessage: "Method" });
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: permissions.manage ? 7 : 12 }}>
        <Card component="section" aria-labelledby="rounds-heading">
          <Title order={2} fz="lg" id="rounds-heading" mb="md">
            <FormattedMessage id="agenda.votes.title" defaultMessage="Vote rounds" />
          </Title>
          {items.length === 0 ? (
            <Text c="dimmed">
              <FormattedMessage
                id="agenda.votes.empty"
                defaultMessage="No vote yet. The convener opens a round on the opportunities raised."
              />
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={0}>
              <Table verticalSpacing="sm" className="stack-on-phone">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">
                      <FormattedMessage id="agenda.votes.roundHeader" defaultMessage="Round" />
                    </Table.Th>
                    <Table.Th scope="col">{methodLabel}</Table.Th>
                    <Table.Th scope="col">{intl.formatMessage(agendaWords.status)}</Table.Th>
                    <Table.Th scope="col">{intl.formatMessage(agendaWords.voters)}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/p/${slug}/agenda/votes/${r.id}`} fw={600}>
                          {r.title}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          <FormattedMessage
                            id="agenda.votes.roundDetails"
                            defaultMessage="Opened {date} · {count, plural, one {# opportunity} other {# opportunities}}"
                            values={{ date: formatDateTime(r.openedAt), count: r.itemCount }}
                          />
                          {r.status === "open" && r.closesAt
                            ? ` · ${intl.formatMessage(
                                { id: "agenda.round.closesAt", defaultMessage: "closes {date}" },
                                { date: formatDateTime(r.closesAt) },
                              )}`
                            : ""}
                        </Text>
                      </Table.Td>
                      <Table.Td data-label={methodLabel}>
                        <Text span size="sm">
                          {r.method === "dots"
                            ? intl.formatMessage(
                                {
                                  id: "agenda.votes.dotsEach",
                                  defaultMessage: "{count, plural, one {# dot each} other {# dots each}}",
                                },
                                { count: r.dotsPerVoter ?? DEFAULT_DOTS },
                              )
                            : voteMethodLabels.rating}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          variant={r.status === "open" ? "filled" : "light"}
                          color={r.status === "open" ? "table" : "gray"}
                          c={r.status === "open" ? undefined : "gray.9"}
                          tt="none"
                        >
                          {intl.formatMessage(r.status === "open" ? agendaWords.open : agendaWords.closed)}
                        </Badge>
                      </Table.Td>
                      <Table.Td data-label={intl.formatMessage(agendaWords.voters)}>
                        <Text span size="sm">
                          {r.voterCount}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      </Grid.Col>
      {permissions.manage && (
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {opportunities.data ? (
            <OpenRoundForm
              partnershipId={partnershipId}
              slug={slug}
              opportunities={opportunities.data.items}
            />
          ) : (
            <PageSkeleton label={intl.formatMessage(agendaWords.loadingOpportunities)} />
          )}
        </Grid.Col>
      )}
    </Grid>
  );
}
