import { useState } from "react";
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { formatDate } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { usePartnership } from "../partnerships/api.js";
import { assessmentApi, assessmentKeys, useHistory } from "./api.js";
import type { HistoryResponse } from "../../../core/assessment.js";
import { BandBadge, formatShown } from "./ScoreVisuals.js";
import { formatCountOf, formatScore, noun } from "../../../core/format.js";

function Change({ value, first }: { value: number | null; first: boolean }) {
  if (value === null)
    return (
      <Text span c="dimmed">
        {first ? "first round" : "none to show"}
      </Text>
    );
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  return (
    <Text span fw={600} c={value > 0 ? "table.8" : value < 0 ? "red.8" : undefined}>
      {sign}
      {formatScore(Math.abs(value))}
    </Text>
  );
}

/** Says how rounds on different rubric versions were compared, once per pair of versions. */
function AcrossVersions({ closed }: { closed: HistoryResponse["closed"] }) {
  const mapped = closed.filter((r) => r.change.comparison === "mapped");
  if (!mapped.length) return null;
  return (
    <Stack gap={4} mt="sm">
      {mapped.map((r) => {
        const fresh = r.change.notCompared.filter((n) => n.reason === "new").map((n) => n.name);
        const dropped = r.change.notCompared.filter((n) => n.reason === "dropped").map((n) => n.name);
        return (
          <Text size="sm" c="dimmed" key={r.id}>
            * {r.title} is on rubric version {r.version}, the round before it on another version: its change
            compares the characteristics both versions hold.
            {fresh.length > 0 && ` New in version ${r.version}, not compared: ${fresh.join(", ")}.`}
            {dropped.length > 0 && ` Not in version ${r.version}: ${dropped.join(", ")}.`}
          </Text>
        );
      })}
    </Stack>
  );
}

function OpenRoundForm({ partnershipId }: { partnershipId: string }) {
  const [title, setTitle] = useState("");
  const navigate = useNavigate();
  const client = useQueryClient();
  const open = useMutation({
    mutationFn: () => assessmentApi.open(partnershipId, title.trim() ? { title: title.trim() } : {}),
    onSuccess: async (round) => {
      await client.invalidateQueries({ queryKey: assessmentKeys.history(partnershipId) });
      void navigate(`/assessments/${round.id}`);
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        open.mutate();
      }}
    >
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Name of the round (optional)"
          placeholder="e.g. Spring 2026 check-in"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          w={320}
          error={open.error instanceof ApiError ? open.error.fieldErrors().title : undefined}
        />
        <Button type="submit" loading={open.isPending}>
          Open a round and invite the members
        </Button>
      </Group>
      {open.isError && !(open.error instanceof ApiError && open.error.fieldErrors().title) && (
        <Text c="red.8" size="sm" mt="xs" role="alert">
          {errorMessage(open.error)}
        </Text>
      )}
    </form>
  );
}

export default function AssessmentSectionPage() {
  const { slug } = useParams();
  const me = useMe();
  const partnership = usePartnership(slug);
  const p = partnership.data;
  const history = useHistory(p?.id, !!p?.permissions.viewMembers);
  usePageTitle(p ? `Self-assessment of ${p.name}` : "Self-assessment");

  if (partnership.isPending || me.isPending) return <PageSkeleton label="Loading the self-assessment" />;
  if (partnership.error instanceof ApiError && partnership.error.status === 404) return <NotFoundPage />;
  if (!p) return <ErrorAlert error={partnership.error} onRetry={() => void partnership.refetch()} />;
  if (!me.data) {
    return (
      <SignInPrompt
        title={`Self-assessment of ${p.name}`}
        reason="The partnership's self-assessment is for its members. Sign in to take part."
      />
    );
  }
  if (!p.permissions.viewMembers) {
    return (
      <Card maw={620} mx="auto" p="xl">
        <Title order={1} fz={24} mb="sm">
          Self-assessment of {p.name}
        </Title>
        <Text c="dimmed">
          Only members of this partnership take part in its self-assessment. Anyone can take the{" "}
          <Anchor component={Link} to="/next-gen-check">
            quick check
          </Anchor>
          .
        </Text>
      </Card>
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title="Self-assessment"
        description={`Is ${p.name} Next Gen? Members answer the rubric; the partnership sees its scores, how business and public answers differ, and what changed since last time.`}
        actions={
          <Button component={Link} to="/next-gen-check" variant="default">
            Take the quick check
          </Button>
        }
      />
      {history.isPending ? (
        <PageSkeleton label="Loading the rounds" />
      ) : history.isError ? (
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <>
          <Card component="section" aria-labelledby="current-round" p="lg">
            <Title order={2} fz="lg" id="current-round" mb="sm">
              Current round
            </Title>
            {history.data.open ? (
              <Group justify="space-between" wrap="wrap">
                <div>
                  <Group gap="xs">
                    <Text fw={700}>{history.data.open.title}</Text>
                    <Badge color="harvest.8" tt="none">
                      Open
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    Opened {formatDate(history.data.open.openedAt)} ·{" "}
                    {formatCountOf(history.data.open.respondents, "member")}{" "}
                    {noun(history.data.open.respondents, "has", "have")} answered
                  </Text>
                </div>
                <Button component={Link} to={`/assessments/${history.data.open.id}`}>
                  {history.data.canOpen ? "Answer or manage the round" : "Answer the round"}
                </Button>
              </Group>
            ) : history.data.canOpen ? (
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  No round is open. Opening one e-mails every member with an address. Each member answers once
                  and can change their answers until you close the round; you see who answered, never what.
                </Text>
                <OpenRoundForm partnershipId={p.id} />
              </Stack>
            ) : (
              <Text c="dimmed">No round is open. A convener opens one; you will get an e-mail.</Text>
            )}
          </Card>

          <Card component="section" aria-labelledby="history-heading" p="lg">
            <Title order={2} fz="lg" id="history-heading" mb="sm">
              Scores over time
            </Title>
            {history.data.closed.length === 0 ? (
              <Text c="dimmed">No closed rounds yet. Results appear here when a round closes.</Text>
            ) : (
              <Table.ScrollContainer minWidth={0}>
                <Table verticalSpacing="sm" striped className="stack-on-phone">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Round</Table.Th>
                      <Table.Th scope="col">Closed</Table.Th>
                      <Table.Th scope="col" ta="right">
                        Rubric
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        Respondents
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        Overall
                      </Table.Th>
                      <Table.Th scope="col">Band</Table.Th>
                      <Table.Th scope="col" ta="right">
                        Change
                      </Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>Links</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {history.data.closed.map((r, i) => (
                      <Table.Tr key={r.id}>
                        <Table.Th scope="row" fw={600}>
                          {r.title}
                        </Table.Th>
                        <Table.Td data-label="Closed">{r.closedAt ? formatDate(r.closedAt) : ""}</Table.Td>
                        <Table.Td ta="right" data-label="Rubric">
                          version {r.version}
                        </Table.Td>
                        <Table.Td ta="right" data-label="Respondents">
                          {r.respondents}
                        </Table.Td>
                        <Table.Td ta="right" fw={700} data-label="Overall">
                          {formatShown(r.overall, r.visibility === "too_few")}
                        </Table.Td>
                        <Table.Td>
                          <BandBadge band={r.band} size="md" hidden={r.visibility === "too_few"} />
                        </Table.Td>
                        <Table.Td ta="right" data-label="Change">
                          <Change value={r.change.overall} first={i === history.data.closed.length - 1} />
                          {r.change.comparison === "mapped" && r.change.overall !== null && (
                            <Text span c="dimmed" title="Compared across rubric versions">
                              {" "}
                              *
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td data-actions-row>
                          <Group gap="sm" wrap="nowrap">
                            <Anchor component={Link} to={`/assessments/${r.id}/results`} size="sm">
                              Results<VisuallyHidden> of {r.title}</VisuallyHidden>
                            </Anchor>
                            <Anchor component={Link} to={`/assessments/${r.id}/report`} size="sm">
                              Report<VisuallyHidden> of {r.title}</VisuallyHidden>
                            </Anchor>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <AcrossVersions closed={history.data.closed} />
            {history.data.closed.some((r) => r.visibility === "too_few") && (
              <Text size="sm" c="dimmed" mt="sm">
                A round where fewer than {history.data.minimum} people answered shows no score, so that no
                one&apos;s answers can be inferred.
              </Text>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}
