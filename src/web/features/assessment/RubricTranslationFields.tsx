import { Accordion, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import {
  levelKeys,
  levelLabels,
  type LevelKey,
  type RubricCharacteristic,
} from "../../../core/assessment-scoring.js";
import type { RubricTranslation } from "../../../core/rubric-translation.js";
import type { Locale } from "../../../core/i18n/locales.js";
import { assessmentWords } from "./messages.js";

const empty: RubricTranslation = { characteristics: {}, statements: {}, resourceTitles: {} };

/** A blank field is no translation: the reader gets the English there, marked as such. */
const orNothing = (value: string) => (value.trim() === "" ? undefined : value);

function withTitle(titles: Record<string, string>, english: string, value: string) {
  const next = { ...titles };
  if (value.trim() === "") delete next[english];
  else next[english] = value;
  return next;
}

/**
 * One translation of a draft, edited beside its English: each field shows the English it
 * translates. Keys and structure are the English version's; only the words change here.
 */
export function TranslationFields({
  source,
  translation = empty,
  lang,
  onChange,
}: {
  source: RubricCharacteristic[];
  translation?: RubricTranslation;
  lang: Locale;
  onChange: (next: RubricTranslation) => void;
}) {
  const intl = useIntl();
  const setCharacteristic = (key: RubricCharacteristic["key"], field: "name" | "summary", value: string) =>
    onChange({
      ...translation,
      characteristics: {
        ...translation.characteristics,
        [key]: { ...translation.characteristics[key], [field]: orNothing(value) },
      },
    });
  const setStatement = (key: string, patch: { text?: string; level?: [LevelKey, string] }) => {
    const current = translation.statements[key] ?? {};
    const next = { ...current };
    if (patch.text !== undefined) next.text = orNothing(patch.text);
    if (patch.level) next.levels = { ...current.levels, [patch.level[0]]: orNothing(patch.level[1]) };
    onChange({ ...translation, statements: { ...translation.statements, [key]: next } });
  };
  const titles = [
    ...new Set(source.flatMap((c) => c.statements.flatMap((st) => st.resources.map((r) => r.title)))),
  ];
  const english = (text: string) => (
    <span lang="en">
      <FormattedMessage
        id="assessment.translation.english"
        defaultMessage="English: {text}"
        values={{ text }}
      />
    </span>
  );

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        <FormattedMessage
          id="assessment.translation.help"
          defaultMessage="Write each text in this language beside its English. A text left blank is shown in English, with a note. Scores never depend on the language."
        />
      </Text>
      {source.map((c) => (
        <div key={c.key}>
          <Stack gap="xs" mb="xs">
            <TextInput
              lang={lang}
              label={intl.formatMessage(assessmentWords.colCharacteristic)}
              description={english(c.name)}
              value={translation.characteristics[c.key]?.name ?? ""}
              onChange={(e) => setCharacteristic(c.key, "name", e.currentTarget.value)}
            />
            <Textarea
              lang={lang}
              autosize
              minRows={1}
              label={intl.formatMessage({ id: "assessment.editor.summaryLabel", defaultMessage: "Summary" })}
              description={english(c.summary)}
              value={translation.characteristics[c.key]?.summary ?? ""}
              onChange={(e) => setCharacteristic(c.key, "summary", e.currentTarget.value)}
            />
          </Stack>
          <Accordion variant="separated" chevronPosition="left">
            {c.statements.map((st) => {
              const t = translation.statements[st.key];
              return (
                <Accordion.Item key={st.key} value={st.key}>
                  <Accordion.Control>{t?.text ?? <span lang="en">{st.text}</span>}</Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="sm">
                      <Textarea
                        lang={lang}
                        autosize
                        minRows={1}
                        label={intl.formatMessage(assessmentWords.colStatement)}
                        description={english(st.text)}
                        value={t?.text ?? ""}
                        onChange={(e) => setStatement(st.key, { text: e.currentTarget.value })}
                      />
                      {levelKeys.map((level) => (
                        <TextInput
                          key={level}
                          lang={lang}
                          label={intl.formatMessage(
                            { id: "assessment.editor.levelLabel", defaultMessage: "What {level} looks like" },
                            { level: levelLabels[level].toLowerCase() },
                          )}
                          description={english(st.levels[level])}
                          value={t?.levels?.[level] ?? ""}
                          onChange={(e) => setStatement(st.key, { level: [level, e.currentTarget.value] })}
                        />
                      ))}
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              );
            })}
          </Accordion>
        </div>
      ))}
      {titles.length > 0 && (
        <Stack gap="xs">
          <Title order={3} fz="md">
            <FormattedMessage id="assessment.translation.resourceTitles" defaultMessage="Resource titles" />
          </Title>
          {titles.map((title) => (
            <TextInput
              key={title}
              lang={lang}
              label={<span lang="en">{title}</span>}
              value={translation.resourceTitles[title] ?? ""}
              onChange={(e) =>
                onChange({
                  ...translation,
                  resourceTitles: withTitle(translation.resourceTitles, title, e.currentTarget.value),
                })
              }
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
