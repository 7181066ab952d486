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
import { formatDateTime, plural } from "../../lib/format.js";
import { agendaApi, useOpportunities, useVoteRounds } from "./api.js";
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
      title: (v) => (v.trim().length < 3 ? "Must be at least 3 characters" : null),
      opportunityIds: (v) => (v.length < 2 ? "Choose at least 2 opportunities to vote on" : null),
      dotsPerVoter: (v, values) =>
        values.method === "dots" && (!Number.isInteger(Number(v)) || Number(v) < 1 || Number(v) > MAX_DOTS)
          ? `Must be a whole number from 1 to ${MAX_DOTS}`
          : null,
      closesAt: (v) =>
        v && !(new Date(v).getTime() > Date.now()) ? "Must be a date and time in the future" : null,
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
    success: (r) => `The vote "${r.title}" is open.`,
    onSuccess: (r) => void navigate(`/p/${slug}/agenda/votes/${r.id}`),
    setFieldErrors: (e) => form.setErrors(e),
  });
  return (
    <Card component="section" aria-labelledby="open-round-heading">
      <Title order={2} fz="lg" id="open-round-heading" mb="xs">
        Open a vote round
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Only business members and champions vote. Results stay hidden until you close the round.
      </Text>
      {opportunities.length < 2 ? (
        <Text size="sm">Record at least two opportunities first.</Text>
      ) : (
        <form noValidate onSubmit={form.onSubmit((v) => mutation.mutate(v), focusFirstError)}>
          <Stack gap="sm">
            {problem && (
              <Alert color="red" variant="light" role="alert" title="Not opened">
                {problem}
              </Alert>
            )}
            <TextInput label="Title of the round" required {...form.getInputProps("title")} />
            <div>
              <Text size="sm" fw={500} id="method-label" mb={4}>
                How people vote
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
                label="Dots per voter"
                min={1}
                max={MAX_DOTS}
                allowDecimal={false}
                {...form.getInputProps("dotsPerVoter")}
              />
            )}
            <TextInput
              type="datetime-local"
              label="Closes on (optional)"
              description="The round closes by itself then; voters who have not voted get a reminder the day before."
              {...form.getInputProps("closesAt")}
            />
            <Checkbox.Group
              label="Opportunities to vote on"
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
                Open the vote
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

export function VotesTab({ partnershipId, slug }: { partnershipId: string; slug: string }) {
  const rounds = useVoteRounds(partnershipId);
  const opportunities = useOpportunities(partnershipId);
  if (rounds.isPending) return <PageSkeleton label="Loading the vote rounds" />;
  if (rounds.isError) return <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />;
  const { items, permissions } = rounds.data;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: permissions.manage ? 7 : 12 }}>
        <Card component="section" aria-labelledby="rounds-heading">
          <Title order={2} fz="lg" id="rounds-heading" mb="md">
            Vote rounds
          </Title>
          {items.length === 0 ? (
            <Text c="dimmed">No vote yet. The convener opens a round on the opportunities raised.</Text>
          ) : (
            <Table.ScrollContainer minWidth={0}>
              <Table verticalSpacing="sm" className="stack-on-phone">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Round</Table.Th>
                    <Table.Th scope="col">Method</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Voters</Table.Th>
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
                          Opened {formatDateTime(r.openedAt)} ·{" "}
                          {plural(r.itemCount, "opportunity", "opportunities")}
                          {r.status === "open" && r.closesAt ? ` · closes ${formatDateTime(r.closesAt)}` : ""}
                        </Text>
                      </Table.Td>
                      <Table.Td data-label="Method">
                        <Text span size="sm">
                          {r.method === "dots"
                            ? `${r.dotsPerVoter ?? DEFAULT_DOTS} dots each`
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
                          {r.status === "open" ? "Open" : "Closed"}
                        </Badge>
                      </Table.Td>
                      <Table.Td data-label="Voters">
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
            <PageSkeleton label="Loading the opportunities" />
          )}
        </Grid.Col>
      )}
    </Grid>
  );
}
