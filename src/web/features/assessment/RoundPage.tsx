import { useState } from "react";
import { Alert, Anchor, Badge, Button, Card, Grid, Group, List, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import type { RoundDetail } from "../../../core/assessment.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { formatDate, formatDateTime } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { assessmentApi, assessmentKeys, useRound, useRubricVersion, useSignals } from "./api.js";
import { EvidenceNote } from "./Evidence.js";
import { RubricAnswerForm } from "./RubricAnswerForm.js";
import { formatCountOf } from "../../../core/format.js";

/** The convener's view: who has answered (never what), and the close button. */
function ManagePanel({ round }: { round: RoundDetail }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const close = useMutation({
    mutationFn: () => assessmentApi.close(round.id),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ["assessment"] });
      void navigate(`/assessments/${round.id}/results`);
    },
  });
  const members = round.members ?? [];
  const answered = members.filter((m) => m.answered);
  const waiting = members.filter((m) => !m.answered);
  return (
    <Card component="section" aria-labelledby="who-answered" p="lg" pos="sticky" top={80}>
      <Title order={2} fz="lg" id="who-answered">
        Who has answered
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {answered.length} of {formatCountOf(members.length, "member")}. You see who answered, never what they
        said.
      </Text>
      <List size="sm" spacing={4} mb="md" listStyleType="none" aria-label="Members and whether they answered">
        {[...answered, ...waiting].map((m) => (
          <List.Item key={m.personId}>
            <Group gap="xs" wrap="nowrap">
              <Badge
                size="sm"
                variant={m.answered ? "filled" : "outline"}
                color={m.answered ? "table.7" : "gray.7"}
                tt="none"
                w={86}
              >
                {m.answered ? "Answered" : "Not yet"}
              </Badge>
              <Text size="sm">{m.name}</Text>
              <Text size="xs" c="dimmed">
                {m.sector === "business" ? "business" : "public partner"}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
      {round.status === "open" ? (
        <>
          <Button color="red.8" variant="outline" onClick={() => setConfirming(true)}>
            Close the round and see results
          </Button>
          <ConfirmDialog
            opened={confirming}
            title={`Close “${round.title}”?`}
            confirmLabel="Close the round"
            danger
            pending={close.isPending}
            problem={close.isError ? errorMessage(close.error) : null}
            onConfirm={() => close.mutate()}
            onClose={() => {
              close.reset();
              setConfirming(false);
            }}
          >
            <Text size="sm">
              Closing the round counts the answers of {answered.length} of{" "}
              {formatCountOf(members.length, "member")} and shows the combined results to every member.
              Members who have not answered can no longer answer, and no one can change their answers. This
              cannot be undone.
            </Text>
          </ConfirmDialog>
        </>
      ) : (
        <Button component={Link} to={`/assessments/${round.id}/results`}>
          See the results
        </Button>
      )}
    </Card>
  );
}

function AnswerArea({ round }: { round: RoundDetail }) {
  const rubric = useRubricVersion(round.version);
  const signals = useSignals(round.partnershipId);
  const client = useQueryClient();
  const respond = useMutation({
    mutationFn: (answers: Record<string, number>) => assessmentApi.respond(round.id, answers),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: assessmentKeys.round(round.id) });
      window.scrollTo({ top: 0 });
    },
  });
  if (rubric.isPending) return <PageSkeleton label="Loading the rubric" />;
  if (rubric.isError) return <ErrorAlert error={rubric.error} onRetry={() => void rubric.refetch()} />;
  return (
    <Stack gap="md">
      {respond.isSuccess && (
        <Alert color="table" variant="light" title="Your answers are saved" role="status">
          You can change them until the convener closes the round.
        </Alert>
      )}
      {respond.isError && <ErrorAlert error={respond.error} title="Your answers were not saved" />}
      {!round.myAnswers && round.savedQuickCheck && !respond.isSuccess && (
        <Alert color="table" variant="light" title="Started from your saved quick check">
          Review your answers and send them; nothing is counted until you do.
        </Alert>
      )}
      <RubricAnswerForm
        key={round.myAnsweredAt ?? "new"}
        rubric={rubric.data}
        initial={round.myAnswers ?? round.savedQuickCheck}
        submitLabel={round.myAnswers ? "Save my changes" : "Send my answers"}
        pending={respond.isPending}
        onSubmit={(answers) => respond.mutate(answers)}
        aside={(s) =>
          s.signal && signals.data ? <EvidenceNote signal={s.signal} signals={signals.data} /> : null
        }
      />
    </Stack>
  );
}

export default function RoundPage() {
  const { id } = useParams();
  const me = useMe();
  const round = useRound(me.data ? id : undefined);
  usePageTitle(round.data ? `${round.data.title} · ${round.data.partnershipName}` : "Self-assessment round");

  if (me.isPending) return <PageSkeleton />;
  if (!me.data) {
    return (
      <SignInPrompt title="Self-assessment" reason="Sign in to answer your partnership's self-assessment." />
    );
  }
  if (round.isPending) return <PageSkeleton label="Loading the round" />;
  if (round.error instanceof ApiError && round.error.status === 404) return <NotFoundPage />;
  if (!round.data) return <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  const open = r.status === "open";

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/p/${r.partnershipSlug}/assessment`} size="sm">
        ← Self-assessment of {r.partnershipName}
      </Anchor>
      <PageHeader
        title={r.title}
        eyebrow={
          <Badge color={open ? "harvest.8" : "gray.7"} tt="none" w="fit-content">
            {open ? "Open" : `Closed ${formatDate(r.closedAt)}`}
          </Badge>
        }
        description={
          open
            ? r.canRespond
              ? r.myAnsweredAt
                ? `You answered on ${formatDateTime(r.myAnsweredAt)}. Change your answers until the round closes.`
                : "Choose, for each statement, the level that fits your partnership today. Your answers are never shown to other members."
              : "Only members of the partnership answer."
            : "This round is closed; its results are ready."
        }
        actions={
          !open && (
            <Button component={Link} to={`/assessments/${r.id}/results`}>
              See the results
            </Button>
          )
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: r.canManage ? 8 : 12 }}>
          {r.canRespond ? (
            <AnswerArea round={r} />
          ) : (
            <Card p="lg">
              <Text c="dimmed">
                {open
                  ? "You are not a member of this partnership, so you do not answer."
                  : "Answers can no longer change."}
              </Text>
            </Card>
          )}
        </Grid.Col>
        {r.canManage && (
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <ManagePanel round={r} />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
