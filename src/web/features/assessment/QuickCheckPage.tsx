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
import { formatCount, formatCountOf } from "../../../core/format.js";

function SaveToPartnership({ answers }: { answers: Answers }) {
  const me = useMe();
  const [partnershipId, setPartnershipId] = useState<string | null>(null);
  const save = useMutation({ mutationFn: () => assessmentApi.saveQuick(partnershipId ?? "", answers) });
  if (!me.data) {
    return (
      <Text size="sm">
        Nothing was stored. To keep these answers with your partnership,{" "}
        <Anchor component={Link} to="/signin?next=/next-gen-check">
          sign in
        </Anchor>{" "}
        and take the check again.
      </Text>
    );
  }
  if (!me.data.partnerships.length) {
    return <Text size="sm">Nothing was stored. Join a partnership to keep your answers with it.</Text>;
  }
  if (save.isSuccess) {
    return (
      <Alert color="table" variant="light" title="Saved" role="status">
        Your answers are kept with the partnership, visible to you only. A convener can open a full round for
        every member.
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm">Nothing is stored unless you save it to a partnership you belong to.</Text>
      <Group align="flex-end" gap="sm">
        <Select
          label="Save to partnership"
          placeholder="Choose a partnership"
          data={me.data.partnerships.map((p) => ({ value: p.id, label: p.name }))}
          value={partnershipId}
          onChange={setPartnershipId}
          w={280}
        />
        <Button disabled={!partnershipId} loading={save.isPending} onClick={() => save.mutate()}>
          Save my answers
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
  const rubric = useRubric().data!;
  const names = new Map(rubric.characteristics.map((c) => [c.key, c.name]));
  const statements = new Map(rubric.characteristics.flatMap((c) => c.statements.map((s) => [s.key, s])));
  return (
    <Stack gap="lg" aria-live="polite">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card p="lg" h="100%">
            <Title order={2} fz="lg" mb="md">
              Your result
            </Title>
            <OverallScore overall={result.overall} band={result.band} />
            <Button variant="default" mt="lg" onClick={onRestart}>
              Change my answers
            </Button>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card p="lg" component="section" aria-labelledby="by-characteristic">
            <Title order={2} fz="lg" id="by-characteristic" mb="sm">
              By characteristic
            </Title>
            <ScoreChartAndTable
              caption="Your score for each characteristic, 0 to 100"
              series={[{ key: "score", label: "Score", color: "table.6" }]}
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
          What to work on first
        </Title>
        {result.workOnFirst.length === 0 ? (
          <Text>Every statement is exemplary. Share what works with other partnerships.</Text>
        ) : (
          <List type="ordered" spacing="md">
            {result.workOnFirst.map((w) => {
              const s = statements.get(w.statement);
              const next = levelKeys[Math.min(w.level + 1, 3)];
              return (
                <List.Item key={w.statement}>
                  <Text fw={600}>{s?.text}</Text>
                  <Text size="sm" c="dimmed">
                    {names.get(w.characteristic)} · today {levelLabels[levelKeys[w.level]].toLowerCase()}.
                    Next step ({levelLabels[next].toLowerCase()}): {s?.levels[next]}
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
  usePageTitle("Is your partnership Next Gen?");
  const rubric = useRubric();
  const me = useMe();
  const [answers, setAnswers] = useState<Answers | null>(null);
  const quick = useMutation({ mutationFn: (a: Answers) => assessmentApi.quick(a) });

  if (rubric.isPending) return <PageSkeleton label="Loading the self-assessment" />;
  if (rubric.isError) return <ErrorAlert error={rubric.error} onRetry={() => void rubric.refetch()} />;
  const count = rubric.data.characteristics.reduce((n, c) => n + c.statements.length, 0);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Is your partnership Next Gen?"
        description={`A quick check against the ${formatCount(rubric.data.characteristics.length)} characteristics of a Next Generation Sector Partnership (rubric version ${rubric.data.version}): ${formatCountOf(count, "statement")}, about ten minutes. No account needed; nothing is stored.`}
        actions={
          me.data?.isAdmin && (
            <Button component={Link} to="/admin/assessment" variant="default">
              Manage the rubric
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
          {quick.isError && <ErrorAlert error={quick.error} title="We could not score your answers" />}
          <RubricAnswerForm
            rubric={rubric.data}
            initial={answers}
            submitLabel="See my result"
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
