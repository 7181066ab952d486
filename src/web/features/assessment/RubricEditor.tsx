import { useState } from "react";
import {
  Accordion,
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Rubric } from "../../../core/assessment.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import {
  levelKeys,
  levelLabels,
  type RubricCharacteristic,
  type RubricStatement,
} from "../../../core/assessment-scoring.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { assessmentApi, assessmentKeys } from "./api.js";
import type { RubricTranslation } from "../../../core/rubric-translation.js";
import { LOCALE_NAMES, type Locale } from "../../../core/i18n/locales.js";
import { TranslationFields } from "./RubricTranslationFields.js";
import { assessmentWords } from "./messages.js";
import { FormattedMessage, useIntl } from "react-intl";

/** A statement key from its text: "Each priority has a team" -> "each_priority_has_a_team". */
function keyFrom(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 40) || "statement";
  let key = /^[a-z]/.test(base) ? base : `s_${base}`;
  for (let i = 2; taken.has(key); i += 1) key = `${base}_${i}`;
  return key;
}

function resourcesToText(s: RubricStatement): string {
  return s.resources
    .map((r) => (r.href ? `${r.title} | ${r.workspace ? "workspace:" : ""}${r.href}` : r.title))
    .join("\n");
}

function textToResources(text: string): RubricStatement["resources"] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [title = "", href] = line.split("|").map((p) => p.trim());
      if (!href) return { title };
      return href.startsWith("workspace:")
        ? { title, href: href.slice(10), workspace: true }
        : { title, href };
    });
}

/** Edits a draft version of the rubric; a published version is shown read-only elsewhere. */
export function RubricEditor({ draft }: { draft: Rubric }) {
  const intl = useIntl();
  const client = useQueryClient();
  // The English as written: a reader in another language is served the translated texts.
  const [chars, setChars] = useState<RubricCharacteristic[]>(
    draft.source?.characteristics ?? draft.characteristics,
  );
  const [translations, setTranslations] = useState(draft.translations ?? {});
  // "en" edits the source; another language edits that translation beside the English.
  const [editing, setEditing] = useState<Locale>("en");
  const [revision, setRevision] = useState(draft.revision);
  const [confirming, setConfirming] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      assessmentApi.saveDraft(draft.version, { revision, characteristics: chars, translations }),
    onSuccess: (saved) => {
      setRevision(saved.revision);
      void client.invalidateQueries({ queryKey: assessmentKeys.versions });
    },
  });
  const publish = useMutation({
    mutationFn: () => assessmentApi.publish(draft.version),
    onSuccess: () => {
      setConfirming(false);
      void client.invalidateQueries({ queryKey: ["assessment"] });
    },
    onError: () => setConfirming(false),
  });
  const total = chars.reduce((n, c) => n + c.statements.length, 0);

  const updateStatement = (ci: number, si: number, patch: Partial<RubricStatement>) =>
    setChars((prev) =>
      prev.map((c, i) =>
        i !== ci ? c : { ...c, statements: c.statements.map((s, j) => (j === si ? { ...s, ...patch } : s)) },
      ),
    );

  return (
    <Card p="lg" component="section" aria-labelledby="draft-heading">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} fz="lg" id="draft-heading">
            <FormattedMessage
              id="assessment.editor.title"
              defaultMessage="Draft version {version}"
              values={{ version: draft.version }}
            />
          </Title>
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="assessment.editor.help"
              defaultMessage="{total, plural, one {# statement} other {# statements}} (15-25 allowed). Publishing makes it the rubric for new rounds and the quick check; rounds already answered keep their version."
              values={{ total }}
            />
          </Text>
        </div>
        <Group gap="sm">
          <Button variant="default" loading={save.isPending} onClick={() => save.mutate()}>
            <FormattedMessage id="assessment.editor.saveDraft" defaultMessage="Save draft" />
          </Button>
          <Button disabled={save.isPending} onClick={() => setConfirming(true)}>
            <FormattedMessage id="assessment.editor.saveAndPublish" defaultMessage="Save and publish" />
          </Button>
        </Group>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={intl.formatMessage(
          { id: "assessment.editor.publishConfirmTitle", defaultMessage: "Publish version {version}?" },
          { version: draft.version },
        )}
        confirmLabel={intl.formatMessage(
          { id: "assessment.editor.publishConfirmButton", defaultMessage: "Publish version {version}" },
          { version: draft.version },
        )}
        pending={save.isPending || publish.isPending}
        problem={null}
        // A refusal closes the dialog: the page lists each field that is wrong.
        onConfirm={() =>
          save.mutate(undefined, { onSuccess: () => publish.mutate(), onError: () => setConfirming(false) })
        }
        onClose={() => setConfirming(false)}
      >
        <Text size="sm">
          <FormattedMessage
            id="assessment.editor.publishConfirmText"
            defaultMessage="Publishing saves the draft ({total, plural, one {# statement} other {# statements}}) and makes version {version} the rubric of every new round and of the quick check. Rounds already opened keep the version they were answered under. A published version can never be changed: later edits need a new version."
            values={{ total, version: draft.version }}
          />
        </Text>
      </ConfirmDialog>
      {save.isSuccess && !publish.isPending && (
        <Text size="sm" c="table.8" role="status" mb="sm">
          <FormattedMessage id="assessment.editor.saved" defaultMessage="Draft saved." />
        </Text>
      )}
      {(save.isError || publish.isError) && (
        <Alert
          color="red"
          role="alert"
          mb="sm"
          title={intl.formatMessage({ id: "assessment.editor.notSaved", defaultMessage: "Not saved" })}
        >
          {errorMessage(save.error ?? publish.error)}
          {save.error instanceof ApiError &&
            save.error.problem.errors?.map((e) => (
              <Text size="sm" key={e.field}>
                {e.field}: {e.message}
              </Text>
            ))}
        </Alert>
      )}
      <SegmentedControl
        mb="md"
        value={editing}
        onChange={(v) => setEditing(v)}
        aria-label={intl.formatMessage({
          id: "assessment.editor.languageLabel",
          defaultMessage: "Language to edit",
        })}
        data={(Object.keys(LOCALE_NAMES) as Locale[]).map((l) => ({
          value: l,
          label:
            l === "en" ? (
              intl.formatMessage({
                id: "assessment.editor.sourceLanguage",
                defaultMessage: "English (source)",
              })
            ) : (
              <span lang={l}>{LOCALE_NAMES[l]}</span>
            ),
        }))}
      />
      {editing !== "en" ? (
        <TranslationFields
          source={chars}
          translation={translations[editing]}
          lang={editing}
          onChange={(next: RubricTranslation) => setTranslations((prev) => ({ ...prev, [editing]: next }))}
        />
      ) : (
        <Stack gap="lg">
          {chars.map((c, ci) => (
            <div key={c.key}>
              <Group grow align="flex-start" mb="xs">
                <TextInput
                  label={intl.formatMessage(assessmentWords.colCharacteristic)}
                  value={c.name}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    setChars((prev) => prev.map((x, i) => (i === ci ? { ...x, name } : x)));
                  }}
                />
                <TextInput
                  label={intl.formatMessage({
                    id: "assessment.editor.summaryLabel",
                    defaultMessage: "Summary",
                  })}
                  value={c.summary}
                  onChange={(e) => {
                    const summary = e.currentTarget.value;
                    setChars((prev) => prev.map((x, i) => (i === ci ? { ...x, summary } : x)));
                  }}
                />
              </Group>
              <Accordion variant="separated" chevronPosition="left">
                {c.statements.map((s, si) => (
                  <Accordion.Item key={s.key} value={s.key}>
                    <Accordion.Control>
                      {s.text ||
                        intl.formatMessage({
                          id: "assessment.editor.newStatement",
                          defaultMessage: "New statement",
                        })}
                    </Accordion.Control>
                    <Accordion.Panel>
                      <Stack gap="sm">
                        <Textarea
                          label={intl.formatMessage(assessmentWords.colStatement)}
                          autosize
                          minRows={1}
                          value={s.text}
                          onChange={(e) => updateStatement(ci, si, { text: e.currentTarget.value })}
                        />
                        {levelKeys.map((level) => (
                          <TextInput
                            key={level}
                            label={intl.formatMessage(
                              {
                                id: "assessment.editor.levelLabel",
                                defaultMessage: "What {level} looks like",
                              },
                              { level: levelLabels[level].toLowerCase() },
                            )}
                            value={s.levels[level]}
                            onChange={(e) =>
                              updateStatement(ci, si, {
                                levels: { ...s.levels, [level]: e.currentTarget.value },
                              })
                            }
                          />
                        ))}
                        <Textarea
                          label={intl.formatMessage({
                            id: "assessment.editor.resourcesLabel",
                            defaultMessage:
                              "Resources, one a line: title, or title | /path, or title | workspace:members",
                          })}
                          autosize
                          minRows={2}
                          defaultValue={resourcesToText(s)}
                          onBlur={(e) =>
                            updateStatement(ci, si, { resources: textToResources(e.currentTarget.value) })
                          }
                        />
                        <Group justify="space-between">
                          <Text size="xs" c="dimmed">
                            {s.signal ? (
                              <FormattedMessage
                                id="assessment.editor.keyAndSignal"
                                defaultMessage="Key: {key} · evidence: {signal}"
                                values={{ key: s.key, signal: s.signal }}
                              />
                            ) : (
                              <FormattedMessage
                                id="assessment.editor.key"
                                defaultMessage="Key: {key}"
                                values={{ key: s.key }}
                              />
                            )}
                          </Text>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red.8"
                            onClick={() =>
                              setChars((prev) =>
                                prev.map((x, i) =>
                                  i === ci
                                    ? { ...x, statements: x.statements.filter((_, j) => j !== si) }
                                    : x,
                                ),
                              )
                            }
                          >
                            <FormattedMessage
                              id="assessment.editor.removeStatement"
                              defaultMessage="Remove statement"
                            />
                          </Button>
                        </Group>
                      </Stack>
                    </Accordion.Panel>
                  </Accordion.Item>
                ))}
              </Accordion>
              <Button
                variant="subtle"
                size="xs"
                mt="xs"
                onClick={() =>
                  setChars((prev) => {
                    const taken = new Set(prev.flatMap((x) => x.statements.map((s) => s.key)));
                    const statement: RubricStatement = {
                      key: keyFrom(`${c.key} statement`, taken),
                      text: "",
                      levels: { not_yet: "", emerging: "", established: "", exemplary: "" },
                      resources: [],
                    };
                    return prev.map((x, i) =>
                      i === ci ? { ...x, statements: [...x.statements, statement] } : x,
                    );
                  })
                }
              >
                <FormattedMessage
                  id="assessment.editor.addStatement"
                  defaultMessage="+ Add a statement to {name}"
                  values={{ name: c.name }}
                />
              </Button>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}
