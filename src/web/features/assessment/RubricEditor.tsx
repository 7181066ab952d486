import { useState } from "react";
import {
  Accordion,
  Alert,
  Button,
  Card,
  Group,
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
import { formatCountOf } from "../../../core/format.js";

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
  const client = useQueryClient();
  const [chars, setChars] = useState<RubricCharacteristic[]>(draft.characteristics);
  const [revision, setRevision] = useState(draft.revision);
  const [confirming, setConfirming] = useState(false);
  const save = useMutation({
    mutationFn: () => assessmentApi.saveDraft(draft.version, { revision, characteristics: chars }),
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
            Draft version {draft.version}
          </Title>
          <Text size="sm" c="dimmed">
            {formatCountOf(total, "statement")} (15-25 allowed). Publishing makes it the rubric for new rounds
            and the quick check; rounds already answered keep their version.
          </Text>
        </div>
        <Group gap="sm">
          <Button variant="default" loading={save.isPending} onClick={() => save.mutate()}>
            Save draft
          </Button>
          <Button disabled={save.isPending} onClick={() => setConfirming(true)}>
            Save and publish
          </Button>
        </Group>
      </Group>
      <ConfirmDialog
        opened={confirming}
        title={`Publish version ${draft.version}?`}
        confirmLabel={`Publish version ${draft.version}`}
        pending={save.isPending || publish.isPending}
        problem={null}
        // A refusal closes the dialog: the page lists each field that is wrong.
        onConfirm={() =>
          save.mutate(undefined, { onSuccess: () => publish.mutate(), onError: () => setConfirming(false) })
        }
        onClose={() => setConfirming(false)}
      >
        <Text size="sm">
          Publishing saves the draft ({formatCountOf(total, "statement")}) and makes version {draft.version}{" "}
          the rubric of every new round and of the quick check. Rounds already opened keep the version they
          were answered under. A published version can never be changed: later edits need a new version.
        </Text>
      </ConfirmDialog>
      {save.isSuccess && !publish.isPending && (
        <Text size="sm" c="table.8" role="status" mb="sm">
          Draft saved.
        </Text>
      )}
      {(save.isError || publish.isError) && (
        <Alert color="red" role="alert" mb="sm" title="Not saved">
          {errorMessage(save.error ?? publish.error)}
          {save.error instanceof ApiError &&
            save.error.problem.errors?.map((e) => (
              <Text size="sm" key={e.field}>
                {e.field}: {e.message}
              </Text>
            ))}
        </Alert>
      )}
      <Stack gap="lg">
        {chars.map((c, ci) => (
          <div key={c.key}>
            <Group grow align="flex-start" mb="xs">
              <TextInput
                label="Characteristic"
                value={c.name}
                onChange={(e) => {
                  const name = e.currentTarget.value;
                  setChars((prev) => prev.map((x, i) => (i === ci ? { ...x, name } : x)));
                }}
              />
              <TextInput
                label="Summary"
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
                  <Accordion.Control>{s.text || "New statement"}</Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="sm">
                      <Textarea
                        label="Statement"
                        autosize
                        minRows={1}
                        value={s.text}
                        onChange={(e) => updateStatement(ci, si, { text: e.currentTarget.value })}
                      />
                      {levelKeys.map((level) => (
                        <TextInput
                          key={level}
                          label={`What ${levelLabels[level].toLowerCase()} looks like`}
                          value={s.levels[level]}
                          onChange={(e) =>
                            updateStatement(ci, si, {
                              levels: { ...s.levels, [level]: e.currentTarget.value },
                            })
                          }
                        />
                      ))}
                      <Textarea
                        label="Resources, one a line: title, or title | /path, or title | workspace:members"
                        autosize
                        minRows={2}
                        defaultValue={resourcesToText(s)}
                        onBlur={(e) =>
                          updateStatement(ci, si, { resources: textToResources(e.currentTarget.value) })
                        }
                      />
                      <Group justify="space-between">
                        <Text size="xs" c="dimmed">
                          Key: {s.key}
                          {s.signal ? ` · evidence: ${s.signal}` : ""}
                        </Text>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red.8"
                          onClick={() =>
                            setChars((prev) =>
                              prev.map((x, i) =>
                                i === ci ? { ...x, statements: x.statements.filter((_, j) => j !== si) } : x,
                              ),
                            )
                          }
                        >
                          Remove statement
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
              + Add a statement to {c.name}
            </Button>
          </div>
        ))}
      </Stack>
    </Card>
  );
}
