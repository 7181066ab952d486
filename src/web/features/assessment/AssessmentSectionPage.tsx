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
import { formatScore } from "../../../core/format.js";
import { FormattedMessage, useIntl } from "react-intl";
import { assessmentWords } from "./messages.js";

function Change({ value, first }: { value: number | null; first: boolean }) {
  if (value === null)
    return (
      <Text span c="dimmed">
        {first ? (
          <FormattedMessage id="assessment.section.change.first" defaultMessage="first round" />
        ) : (
          <FormattedMessage id="assessment.section.change.none" defaultMessage="none to show" />
        )}
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
  const intl = useIntl();
  const mapped = closed.filter((r) => r.change.comparison === "mapped");
  if (!mapped.length) return null;
  return (
    <Stack gap={4} mt="sm">
      {mapped.map((r) => {
        const fresh = r.change.notCompared.filter((n) => n.reason === "new").map((n) => n.name);
        const dropped = r.change.notCompared.filter((n) => n.reason === "dropped").map((n) => n.name);
        return (
          <Text size="sm" c="dimmed" key={r.id}>
            <FormattedMessage
              id="assessment.section.mapped.text"
              defaultMessage="* {title} is on rubric version {version}, the round before it on another version: its change compares the characteristics both versions hold."
              values={{ title: r.title, version: r.version }}
            />
            {fresh.length > 0 &&
              ` ${intl.formatMessage(
                {
                  id: "assessment.section.mapped.fresh",
                  defaultMessage: "New in version {version}, not compared: {names}.",
                },
                { version: r.version, names: fresh.join(", ") },
              )}`}
            {dropped.length > 0 &&
              ` ${intl.formatMessage(
                {
                  id: "assessment.common.notInVersion",
                  defaultMessage: "Not in version {version}: {names}.",
                },
                { version: r.version, names: dropped.join(", ") },
              )}`}
          </Text>
        );
      })}
    </Stack>
  );
}

function OpenRoundForm({ partnershipId }: { partnershipId: string }) {
  const intl = useIntl();
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
          label={intl.formatMessage({
            id: "assessment.section.open.nameLabel",
            defaultMessage: "Name of the round (optional)",
          })}
          placeholder={intl.formatMessage({
            id: "assessment.section.open.namePlaceholder",
            defaultMessage: "e.g. Spring 2026 check-in",
          })}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          w={320}
          error={open.error instanceof ApiError ? open.error.fieldErrors().title : undefined}
        />
        <Button type="submit" loading={open.isPending}>
          <FormattedMessage
            id="assessment.section.open.button"
            defaultMessage="Open a round and invite the members"
          />
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
  const intl = useIntl();
  const titleOf = (name: string) =>
    intl.formatMessage(
      { id: "assessment.section.titleOf", defaultMessage: "Self-assessment of {name}" },
      { name },
    );
  usePageTitle(p ? titleOf(p.name) : intl.formatMessage(assessmentWords.selfAssessment));

  if (partnership.isPending || me.isPending)
    return <PageSkeleton label={intl.formatMessage(assessmentWords.loadingSelfAssessment)} />;
  if (partnership.error instanceof ApiError && partnership.error.status === 404) return <NotFoundPage />;
  if (!p) return <ErrorAlert error={partnership.error} onRetry={() => void partnership.refetch()} />;
  if (!me.data) {
    return (
      <SignInPrompt
        title={titleOf(p.name)}
        reason={intl.formatMessage({
          id: "assessment.section.signInReason",
          defaultMessage: "The partnership's self-assessment is for its members. Sign in to take part.",
        })}
      />
    );
  }
  if (!p.permissions.viewMembers) {
    return (
      <Card maw={620} mx="auto" p="xl">
        <Title order={1} fz={24} mb="sm">
          {titleOf(p.name)}
        </Title>
        <Text c="dimmed">
          <FormattedMessage
            id="assessment.section.membersOnly"
            defaultMessage="Only members of this partnership take part in its self-assessment. Anyone can take the <link>quick check</link>."
            values={{
              link: (chunks) => (
                <Anchor component={Link} to="/next-gen-check">
                  {chunks}
                </Anchor>
              ),
            }}
          />
        </Text>
      </Card>
    );
  }

  const closedLabel = intl.formatMessage({ id: "assessment.section.colClosed", defaultMessage: "Closed" });
  const rubricLabel = intl.formatMessage({ id: "assessment.section.colRubric", defaultMessage: "Rubric" });
  const respondentsLabel = intl.formatMessage({
    id: "assessment.section.colRespondents",
    defaultMessage: "Respondents",
  });
  const overallLabel = intl.formatMessage({ id: "assessment.section.colOverall", defaultMessage: "Overall" });
  const changeLabel = intl.formatMessage(assessmentWords.colChange);

  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(assessmentWords.selfAssessment)}
        description={intl.formatMessage(
          {
            id: "assessment.section.description",
            defaultMessage:
              "Is {name} Next Gen? Members answer the rubric; the partnership sees its scores, how business and public answers differ, and what changed since last time.",
          },
          { name: p.name },
        )}
        actions={
          <Button component={Link} to="/next-gen-check" variant="default">
            <FormattedMessage id="assessment.section.takeQuickCheck" defaultMessage="Take the quick check" />
          </Button>
        }
      />
      {history.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({
            id: "assessment.section.loadingRounds",
            defaultMessage: "Loading the rounds",
          })}
        />
      ) : history.isError ? (
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <>
          <Card component="section" aria-labelledby="current-round" p="lg">
            <Title order={2} fz="lg" id="current-round" mb="sm">
              <FormattedMessage id="assessment.section.currentRound" defaultMessage="Current round" />
            </Title>
            {history.data.open ? (
              <Group justify="space-between" wrap="wrap">
                <div>
                  <Group gap="xs">
                    <Text fw={700}>{history.data.open.title}</Text>
                    <Badge color="harvest.8" tt="none">
                      <FormattedMessage {...assessmentWords.openBadge} />
                    </Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    <FormattedMessage
                      id="assessment.section.openedLine"
                      defaultMessage="Opened {date} · {count, plural, one {# member has} other {# members have}} answered"
                      values={{
                        date: formatDate(history.data.open.openedAt),
                        count: history.data.open.respondents,
                      }}
                    />
                  </Text>
                </div>
                <Button component={Link} to={`/assessments/${history.data.open.id}`}>
                  {history.data.canOpen ? (
                    <FormattedMessage
                      id="assessment.section.answerOrManage"
                      defaultMessage="Answer or manage the round"
                    />
                  ) : (
                    <FormattedMessage id="assessment.section.answer" defaultMessage="Answer the round" />
                  )}
                </Button>
              </Group>
            ) : history.data.canOpen ? (
              <Stack gap="xs">
                <Text size="sm" c="dimmed">
                  <FormattedMessage
                    id="assessment.section.noRoundConvener"
                    defaultMessage="No round is open. Opening one e-mails every member with an address. Each member answers once and can change their answers until you close the round; you see who answered, never what."
                  />
                </Text>
                <OpenRoundForm partnershipId={p.id} />
              </Stack>
            ) : (
              <Text c="dimmed">
                <FormattedMessage
                  id="assessment.section.noRoundMember"
                  defaultMessage="No round is open. A convener opens one; you will get an e-mail."
                />
              </Text>
            )}
          </Card>

          <Card component="section" aria-labelledby="history-heading" p="lg">
            <Title order={2} fz="lg" id="history-heading" mb="sm">
              <FormattedMessage id="assessment.section.historyTitle" defaultMessage="Scores over time" />
            </Title>
            {history.data.closed.length === 0 ? (
              <Text c="dimmed">
                <FormattedMessage
                  id="assessment.section.noClosedRounds"
                  defaultMessage="No closed rounds yet. Results appear here when a round closes."
                />
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={0}>
                <Table verticalSpacing="sm" striped className="stack-on-phone">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">
                        <FormattedMessage id="assessment.section.colRound" defaultMessage="Round" />
                      </Table.Th>
                      <Table.Th scope="col">{closedLabel}</Table.Th>
                      <Table.Th scope="col" ta="right">
                        {rubricLabel}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {respondentsLabel}
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {overallLabel}
                      </Table.Th>
                      <Table.Th scope="col">
                        <FormattedMessage id="assessment.section.colBand" defaultMessage="Band" />
                      </Table.Th>
                      <Table.Th scope="col" ta="right">
                        {changeLabel}
                      </Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>
                          <FormattedMessage id="assessment.section.colLinks" defaultMessage="Links" />
                        </VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {history.data.closed.map((r, i) => (
                      <Table.Tr key={r.id}>
                        <Table.Th scope="row" fw={600}>
                          {r.title}
                        </Table.Th>
                        <Table.Td data-label={closedLabel}>
                          {r.closedAt ? formatDate(r.closedAt) : ""}
                        </Table.Td>
                        <Table.Td ta="right" data-label={rubricLabel}>
                          <FormattedMessage
                            id="assessment.section.versionCell"
                            defaultMessage="version {version}"
                            values={{ version: r.version }}
                          />
                        </Table.Td>
                        <Table.Td ta="right" data-label={respondentsLabel}>
                          {r.respondents}
                        </Table.Td>
                        <Table.Td ta="right" fw={700} data-label={overallLabel}>
                          {formatShown(intl, r.overall, r.visibility === "too_few")}
                        </Table.Td>
                        <Table.Td>
                          <BandBadge band={r.band} size="md" hidden={r.visibility === "too_few"} />
                        </Table.Td>
                        <Table.Td ta="right" data-label={changeLabel}>
                          <Change value={r.change.overall} first={i === history.data.closed.length - 1} />
                          {r.change.comparison === "mapped" && r.change.overall !== null && (
                            <Text
                              span
                              c="dimmed"
                              title={intl.formatMessage({
                                id: "assessment.section.comparedAcross",
                                defaultMessage: "Compared across rubric versions",
                              })}
                            >
                              {" "}
                              *
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td data-actions-row>
                          <Group gap="sm" wrap="nowrap">
                            <Anchor component={Link} to={`/assessments/${r.id}/results`} size="sm">
                              <FormattedMessage
                                id="assessment.section.resultsLink"
                                defaultMessage="Results<hidden> of {title}</hidden>"
                                values={{
                                  title: r.title,
                                  hidden: (chunks) => <VisuallyHidden>{chunks}</VisuallyHidden>,
                                }}
                              />
                            </Anchor>
                            <Anchor component={Link} to={`/assessments/${r.id}/report`} size="sm">
                              <FormattedMessage
                                id="assessment.section.reportLink"
                                defaultMessage="Report<hidden> of {title}</hidden>"
                                values={{
                                  title: r.title,
                                  hidden: (chunks) => <VisuallyHidden>{chunks}</VisuallyHidden>,
                                }}
                              />
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
                <FormattedMessage
                  id="assessment.section.tooFewNote"
                  defaultMessage="A round where fewer than {minimum} people answered shows no score, so that no one's answers can be inferred."
                  values={{ minimum: history.data.minimum }}
                />
              </Text>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}
