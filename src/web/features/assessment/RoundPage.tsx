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
import { FormattedMessage, useIntl } from "react-intl";
import { assessmentWords } from "./messages.js";

/** The convener's view: who has answered (never what), and the close button. */
function ManagePanel({ round }: { round: RoundDetail }) {
  const intl = useIntl();
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
        <FormattedMessage id="assessment.round.manage.title" defaultMessage="Who has answered" />
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        <FormattedMessage
          id="assessment.round.manage.count"
          defaultMessage="{answered, number} of {total, plural, one {# member} other {# members}}. You see who answered, never what they said."
          values={{ answered: answered.length, total: members.length }}
        />
      </Text>
      <List
        size="sm"
        spacing={4}
        mb="md"
        listStyleType="none"
        aria-label={intl.formatMessage({
          id: "assessment.round.manage.listLabel",
          defaultMessage: "Members and whether they answered",
        })}
      >
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
                {m.answered ? (
                  <FormattedMessage id="assessment.round.manage.answered" defaultMessage="Answered" />
                ) : (
                  <FormattedMessage id="assessment.round.manage.notYet" defaultMessage="Not yet" />
                )}
              </Badge>
              <Text size="sm">{m.name}</Text>
              <Text size="xs" c="dimmed">
                {m.sector === "business" ? (
                  <FormattedMessage id="assessment.round.manage.sectorBusiness" defaultMessage="business" />
                ) : (
                  <FormattedMessage
                    id="assessment.round.manage.sectorPublic"
                    defaultMessage="public partner"
                  />
                )}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
      {round.status === "open" ? (
        <>
          <Button color="red.8" variant="outline" onClick={() => setConfirming(true)}>
            <FormattedMessage
              id="assessment.round.manage.closeButton"
              defaultMessage="Close the round and see results"
            />
          </Button>
          <ConfirmDialog
            opened={confirming}
            title={intl.formatMessage(
              { id: "assessment.round.manage.closeTitle", defaultMessage: "Close “{title}”?" },
              { title: round.title },
            )}
            confirmLabel={intl.formatMessage({
              id: "assessment.round.manage.closeConfirm",
              defaultMessage: "Close the round",
            })}
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
              <FormattedMessage
                id="assessment.round.manage.closeText"
                defaultMessage="Closing the round counts the answers of {answered, number} of {total, plural, one {# member} other {# members}} and shows the combined results to every member. Members who have not answered can no longer answer, and no one can change their answers. This cannot be undone."
                values={{ answered: answered.length, total: members.length }}
              />
            </Text>
          </ConfirmDialog>
        </>
      ) : (
        <Button component={Link} to={`/assessments/${round.id}/results`}>
          <FormattedMessage {...assessmentWords.seeResults} />
        </Button>
      )}
    </Card>
  );
}

function AnswerArea({ round }: { round: RoundDetail }) {
  const intl = useIntl();
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
  if (rubric.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({
          id: "assessment.round.loadingRubric",
          defaultMessage: "Loading the rubric",
        })}
      />
    );
  if (rubric.isError) return <ErrorAlert error={rubric.error} onRetry={() => void rubric.refetch()} />;
  return (
    <Stack gap="md">
      {respond.isSuccess && (
        <Alert
          color="table"
          variant="light"
          title={intl.formatMessage({
            id: "assessment.round.savedTitle",
            defaultMessage: "Your answers are saved",
          })}
          role="status"
        >
          <FormattedMessage
            id="assessment.round.savedText"
            defaultMessage="You can change them until the convener closes the round."
          />
        </Alert>
      )}
      {respond.isError && (
        <ErrorAlert
          error={respond.error}
          title={intl.formatMessage({
            id: "assessment.round.notSaved",
            defaultMessage: "Your answers were not saved",
          })}
        />
      )}
      {!round.myAnswers && round.savedQuickCheck && !respond.isSuccess && (
        <Alert
          color="table"
          variant="light"
          title={intl.formatMessage({
            id: "assessment.round.fromQuickTitle",
            defaultMessage: "Started from your saved quick check",
          })}
        >
          <FormattedMessage
            id="assessment.round.fromQuickText"
            defaultMessage="Review your answers and send them; nothing is counted until you do."
          />
        </Alert>
      )}
      <RubricAnswerForm
        key={round.myAnsweredAt ?? "new"}
        rubric={rubric.data}
        initial={round.myAnswers ?? round.savedQuickCheck}
        submitLabel={
          round.myAnswers
            ? intl.formatMessage({ id: "assessment.round.saveChanges", defaultMessage: "Save my changes" })
            : intl.formatMessage({ id: "assessment.round.sendAnswers", defaultMessage: "Send my answers" })
        }
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
  const intl = useIntl();
  usePageTitle(
    round.data
      ? `${round.data.title} · ${round.data.partnershipName}`
      : intl.formatMessage({ id: "assessment.round.pageTitle", defaultMessage: "Self-assessment round" }),
  );

  if (me.isPending) return <PageSkeleton />;
  if (!me.data) {
    return (
      <SignInPrompt
        title={intl.formatMessage(assessmentWords.selfAssessment)}
        reason={intl.formatMessage({
          id: "assessment.round.signInReason",
          defaultMessage: "Sign in to answer your partnership's self-assessment.",
        })}
      />
    );
  }
  if (round.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "assessment.round.loading", defaultMessage: "Loading the round" })}
      />
    );
  if (round.error instanceof ApiError && round.error.status === 404) return <NotFoundPage />;
  if (!round.data) return <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  const open = r.status === "open";

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/p/${r.partnershipSlug}/assessment`} size="sm">
        <FormattedMessage
          id="assessment.common.backToSection"
          defaultMessage="← Self-assessment of {name}"
          values={{ name: r.partnershipName }}
        />
      </Anchor>
      <PageHeader
        title={r.title}
        eyebrow={
          <Badge color={open ? "harvest.8" : "gray.7"} tt="none" w="fit-content">
            {open
              ? intl.formatMessage(assessmentWords.openBadge)
              : intl.formatMessage(
                  { id: "assessment.round.closedBadge", defaultMessage: "Closed {date}" },
                  { date: formatDate(r.closedAt) },
                )}
          </Badge>
        }
        description={
          open
            ? r.canRespond
              ? r.myAnsweredAt
                ? intl.formatMessage(
                    {
                      id: "assessment.round.answeredOn",
                      defaultMessage: "You answered on {date}. Change your answers until the round closes.",
                    },
                    { date: formatDateTime(r.myAnsweredAt) },
                  )
                : intl.formatMessage({
                    id: "assessment.round.chooseHelp",
                    defaultMessage:
                      "Choose, for each statement, the level that fits your partnership today. Your answers are never shown to other members.",
                  })
              : intl.formatMessage({
                  id: "assessment.round.membersOnly",
                  defaultMessage: "Only members of the partnership answer.",
                })
            : intl.formatMessage({
                id: "assessment.round.closedHelp",
                defaultMessage: "This round is closed; its results are ready.",
              })
        }
        actions={
          !open && (
            <Button component={Link} to={`/assessments/${r.id}/results`}>
              <FormattedMessage {...assessmentWords.seeResults} />
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
                {open ? (
                  <FormattedMessage
                    id="assessment.round.notMember"
                    defaultMessage="You are not a member of this partnership, so you do not answer."
                  />
                ) : (
                  <FormattedMessage
                    id="assessment.round.noLongerChange"
                    defaultMessage="Answers can no longer change."
                  />
                )}
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
