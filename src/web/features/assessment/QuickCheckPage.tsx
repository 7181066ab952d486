import { useState } from "react";
import { Alert, Anchor, Button, Card, Grid, Group, List, Select, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import type { QuickResponse } from "../../../core/assessment.js";
import { levelKeys, levelLabels, type Answers } from "../../../core/assessment-scoring.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { assessmentApi, useRubric } from "./api.js";
import { RubricAnswerForm } from "./RubricAnswerForm.js";
import { Resources } from "./Resources.js";
import { OverallScore, ScoreChartAndTable } from "./ScoreVisuals.js";
import { formatCount } from "../../../core/format.js";
import { FormattedMessage, useIntl } from "react-intl";
import { assessmentWords } from "./messages.js";

function SaveToPartnership({ answers }: { answers: Answers }) {
  const intl = useIntl();
  const me = useMe();
  const [partnershipId, setPartnershipId] = useState<string | null>(null);
  const save = useMutation({ mutationFn: () => assessmentApi.saveQuick(partnershipId ?? "", answers) });
  if (!me.data) {
    return (
      <Text size="sm">
        <FormattedMessage
          id="assessment.quick.save.signIn"
          defaultMessage="Nothing was stored. To keep these answers with your partnership, <link>sign in</link> and take the check again."
          values={{
            link: (chunks) => (
              <Anchor component={Link} to="/signin?next=/next-gen-check">
                {chunks}
              </Anchor>
            ),
          }}
        />
      </Text>
    );
  }
  if (!me.data.partnerships.length) {
    return (
      <Text size="sm">
        <FormattedMessage
          id="assessment.quick.save.noPartnership"
          defaultMessage="Nothing was stored. Join a partnership to keep your answers with it."
        />
      </Text>
    );
  }
  if (save.isSuccess) {
    return (
      <Alert
        color="table"
        variant="light"
        title={intl.formatMessage({ id: "assessment.quick.save.savedTitle", defaultMessage: "Saved" })}
        role="status"
      >
        <FormattedMessage
          id="assessment.quick.save.savedText"
          defaultMessage="Your answers are kept with the partnership, visible to you only. A convener can open a full round for every member."
        />
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm">
        <FormattedMessage
          id="assessment.quick.save.help"
          defaultMessage="Nothing is stored unless you save it to a partnership you belong to."
        />
      </Text>
      <Group align="flex-end" gap="sm">
        <Select
          label={intl.formatMessage({
            id: "assessment.quick.save.label",
            defaultMessage: "Save to partnership",
          })}
          placeholder={intl.formatMessage({
            id: "assessment.quick.save.placeholder",
            defaultMessage: "Choose a partnership",
          })}
          data={me.data.partnerships.map((p) => ({ value: p.id, label: p.name }))}
          value={partnershipId}
          onChange={setPartnershipId}
          w={280}
        />
        <Button disabled={!partnershipId} loading={save.isPending} onClick={() => save.mutate()}>
          <FormattedMessage id="assessment.quick.save.button" defaultMessage="Save my answers" />
        </Button>
      </Group>
      {save.isError && (
        <Text c="red.8" size="sm">
          {errorMessage(save.error)}
        </Text>
      )}
    </Stack>
  );
}

function QuickResult({
  result,
  answers,
  onRestart,
}: {
  result: QuickResponse;
  answers: Answers;
  onRestart: () => void;
}) {
  const intl = useIntl();
  const rubric = useRubric().data!;
  const names = new Map(rubric.characteristics.map((c) => [c.key, c.name]));
  const statements = new Map(rubric.characteristics.flatMap((c) => c.statements.map((s) => [s.key, s])));
  return (
    <Stack gap="lg" aria-live="polite">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card p="lg" h="100%">
            <Title order={2} fz="lg" mb="md">
              <FormattedMessage id="assessment.quick.result.title" defaultMessage="Your result" />
            </Title>
            <OverallScore overall={result.overall} band={result.band} />
            <Button variant="default" mt="lg" onClick={onRestart}>
              <FormattedMessage id="assessment.quick.result.change" defaultMessage="Change my answers" />
            </Button>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card p="lg" component="section" aria-labelledby="by-characteristic">
            <Title order={2} fz="lg" id="by-characteristic" mb="sm">
              <FormattedMessage
                id="assessment.quick.result.byCharacteristic"
                defaultMessage="By characteristic"
              />
            </Title>
            <ScoreChartAndTable
              caption={intl.formatMessage({
                id: "assessment.quick.result.caption",
                defaultMessage: "Your score for each characteristic, 0 to 100",
              })}
              series={[
                {
                  key: "score",
                  label: intl.formatMessage({ id: "assessment.quick.result.score", defaultMessage: "Score" }),
                  color: "table.6",
                },
              ]}
              rows={result.characteristics.map((c) => ({
                key: c.key,
                name: names.get(c.key) ?? c.key,
                values: { score: c.score },
              }))}
            />
          </Card>
        </Grid.Col>
      </Grid>
      <Card p="lg" component="section" aria-labelledby="work-first">
        <Title order={2} fz="lg" id="work-first" mb="sm">
          <FormattedMessage id="assessment.quick.result.workFirst" defaultMessage="What to work on first" />
        </Title>
        {result.workOnFirst.length === 0 ? (
          <Text>
            <FormattedMessage
              id="assessment.quick.result.allExemplary"
              defaultMessage="Every statement is exemplary. Share what works with other partnerships."
            />
          </Text>
        ) : (
          <List type="ordered" spacing="md">
            {result.workOnFirst.map((w) => {
              const s = statements.get(w.statement);
              const next = levelKeys[Math.min(w.level + 1, 3)];
              return (
                <List.Item key={w.statement}>
                  <Text fw={600}>{s?.text}</Text>
                  <Text size="sm" c="dimmed">
                    <FormattedMessage
                      id="assessment.quick.result.nextStep"
                      defaultMessage="{characteristic} · today {level}. Next step ({next}): {text}"
                      values={{
                        characteristic: names.get(w.characteristic) ?? "",
                        level: levelLabels[levelKeys[w.level]].toLowerCase(),
                        next: levelLabels[next].toLowerCase(),
                        text: s?.levels[next] ?? "",
                      }}
                    />
                  </Text>
                  {s && <Resources resources={s.resources} />}
                </List.Item>
              );
            })}
          </List>
        )}
      </Card>
      <Card p="lg">
        <SaveToPartnership answers={answers} />
      </Card>
    </Stack>
  );
}

export default function QuickCheckPage() {
  const intl = useIntl();
  const pageTitle = intl.formatMessage({
    id: "assessment.quick.pageTitle",
    defaultMessage: "Is your partnership Next Gen?",
  });
  usePageTitle(pageTitle);
  const rubric = useRubric();
  const me = useMe();
  const [answers, setAnswers] = useState<Answers | null>(null);
  const quick = useMutation({ mutationFn: (a: Answers) => assessmentApi.quick(a) });

  if (rubric.isPending)
    return <PageSkeleton label={intl.formatMessage(assessmentWords.loadingSelfAssessment)} />;
  if (rubric.isError) return <ErrorAlert error={rubric.error} onRetry={() => void rubric.refetch()} />;
  const count = rubric.data.characteristics.reduce((n, c) => n + c.statements.length, 0);

  return (
    <Stack gap="lg">
      <PageHeader
        title={pageTitle}
        description={intl.formatMessage(
          {
            id: "assessment.quick.description",
            defaultMessage:
              "A quick check against the {characteristics} characteristics of a Next Generation Sector Partnership (rubric version {version}): {count, plural, one {# statement} other {# statements}}, about ten minutes. No account needed; nothing is stored.",
          },
          {
            characteristics: formatCount(rubric.data.characteristics.length),
            version: rubric.data.version,
            count,
          },
        )}
        actions={
          me.data?.isAdmin && (
            <Button component={Link} to="/admin/assessment" variant="default">
              <FormattedMessage id="assessment.quick.manageRubric" defaultMessage="Manage the rubric" />
            </Button>
          )
        }
      />
      {quick.data && answers ? (
        <QuickResult
          result={quick.data}
          answers={answers}
          onRestart={() => {
            quick.reset();
            window.scrollTo({ top: 0 });
          }}
        />
      ) : (
        <>
          {quick.isError && (
            <ErrorAlert
              error={quick.error}
              title={intl.formatMessage({
                id: "assessment.quick.scoreError",
                defaultMessage: "We could not score your answers",
              })}
            />
          )}
          <RubricAnswerForm
            rubric={rubric.data}
            initial={answers}
            submitLabel={intl.formatMessage({
              id: "assessment.quick.submit",
              defaultMessage: "See my result",
            })}
            pending={quick.isPending}
            onSubmit={(a) => {
              setAnswers(a);
              quick.mutate(a, { onSuccess: () => window.scrollTo({ top: 0 }) });
            }}
          />
        </>
      )}
    </Stack>
  );
}
