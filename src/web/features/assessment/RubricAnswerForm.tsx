import { useState, type ReactNode } from "react";
import { Button, Card, Group, Progress, Radio, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import {
  levelKeys,
  levelLabels,
  statementKeys,
  type Answers,
  type RubricContent,
  type RubricStatement,
} from "../../../core/assessment-scoring.js";
import { FormattedMessage, useIntl } from "react-intl";
import { UntranslatedNote } from "./UntranslatedNote.js";

interface Props {
  /** In the reader's language where translated; `inEnglish` names what is still in English. */
  rubric: RubricContent & { untranslated?: number; inEnglish?: readonly string[] };
  initial?: Answers | null;
  submitLabel: string;
  pending?: boolean;
  onSubmit: (answers: Answers) => void;
  /** Shown under a statement, e.g. evidence the software already holds. */
  aside?: (statement: RubricStatement) => ReactNode;
  footer?: ReactNode;
}

function StatementQuestion({
  statement,
  value,
  error,
  onChange,
  aside,
  english,
}: {
  statement: RubricStatement;
  value: number | undefined;
  error: boolean;
  onChange: (level: number) => void;
  aside?: ReactNode;
  /** Its texts are still in English (no translation yet): marked so for screen readers. */
  english: boolean;
}) {
  const intl = useIntl();
  const lang = english ? "en" : undefined;
  return (
    <Radio.Group
      id={`statement-${statement.key}`}
      value={value === undefined ? null : String(value)}
      onChange={(v) => onChange(Number(v))}
      label={<span lang={lang}>{statement.text}</span>}
      error={
        error
          ? intl.formatMessage({
              id: "assessment.form.chooseLevel",
              defaultMessage: "Choose the level that fits your partnership today.",
            })
          : undefined
      }
      styles={{ label: { fontSize: "var(--mantine-font-size-md)", fontWeight: 600, marginBottom: 8 } }}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
        {levelKeys.map((level, i) => (
          <Radio.Card key={level} value={String(i)} className="level-card" radius="md" p="sm">
            <Group wrap="nowrap" align="flex-start" gap="xs">
              <Radio.Indicator size="sm" mt={2} />
              <div>
                <Text size="sm" fw={700}>
                  {levelLabels[level]}
                </Text>
                <Text size="xs" c="dimmed" lh={1.35} lang={lang}>
                  {statement.levels[level]}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
      {aside}
    </Radio.Group>
  );
}

/** The rubric as a questionnaire: one four-level choice per statement, grouped by characteristic. */
export function RubricAnswerForm({ rubric, initial, submitLabel, pending, onSubmit, aside, footer }: Props) {
  const intl = useIntl();
  const [answers, setAnswers] = useState<Partial<Answers>>(initial ?? {});
  const [showErrors, setShowErrors] = useState(false);
  const keys = statementKeys(rubric);
  const answered = keys.filter((k) => answers[k] !== undefined).length;
  const inEnglish = new Set(rubric.inEnglish ?? []);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const missing = keys.find((k) => answers[k] === undefined);
    if (missing) {
      setShowErrors(true);
      document
        .querySelector<HTMLInputElement>(`#statement-${missing} [role="radio"], #statement-${missing} input`)
        ?.focus();
      document.getElementById(`statement-${missing}`)?.scrollIntoView({ block: "center" });
      return;
    }
    onSubmit(answers as Answers);
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={intl.formatMessage({ id: "assessment.form.label", defaultMessage: "The self-assessment" })}
    >
      <Stack gap="lg">
        <UntranslatedNote count={rubric.untranslated ?? 0} />
        {rubric.characteristics.map((c) => (
          <Card key={c.key} component="section" aria-labelledby={`char-${c.key}`} p="lg">
            <Title order={2} fz="xl" id={`char-${c.key}`} lang={inEnglish.has(c.key) ? "en" : undefined}>
              {c.name}
            </Title>
            <Text c="dimmed" size="sm" mb="lg" lang={inEnglish.has(c.key) ? "en" : undefined}>
              {c.summary}
            </Text>
            <Stack gap="xl">
              {c.statements.map((s) => (
                <StatementQuestion
                  key={s.key}
                  statement={s}
                  value={answers[s.key]}
                  error={showErrors && answers[s.key] === undefined}
                  onChange={(level) => setAnswers((prev) => ({ ...prev, [s.key]: level }))}
                  aside={aside?.(s)}
                  english={inEnglish.has(s.key)}
                />
              ))}
            </Stack>
          </Card>
        ))}
        <Card className="answer-bar" p="md">
          <Group justify="space-between" wrap="wrap" gap="md">
            <Stack gap={4} miw={220} style={{ flex: 1 }}>
              <Text size="sm" fw={600} id="answered-label">
                <FormattedMessage
                  id="assessment.form.answered"
                  defaultMessage="{answered, number} of {total, plural, one {# statement} other {# statements}} answered"
                  values={{ answered, total: keys.length }}
                />
              </Text>
              <Progress.Root aria-hidden="true">
                <Progress.Section value={(answered / keys.length) * 100} />
              </Progress.Root>
            </Stack>
            <Group gap="sm">
              {footer}
              <Button type="submit" size="md" loading={pending}>
                {submitLabel}
              </Button>
            </Group>
          </Group>
        </Card>
      </Stack>
    </form>
  );
}
