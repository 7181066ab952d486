import { useState, type FormEvent } from "react";
import { Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import type { RegionalTeamDetail, TeamCandidate } from "../../../core/regional-teams.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { teamsApi, useTeamWrite } from "./api.js";

function CandidateItem({ team, candidate }: { team: RegionalTeamDetail; candidate: TeamCandidate }) {
  const [note, setNote] = useState(candidate.note);
  const [editing, setEditing] = useState(false);
  const edit = useTeamWrite(team.slug, (n: string) =>
    teamsApi.editCandidate(team.slug, candidate.id, { note: n, version: candidate.version }),
  );
  const remove = useTeamWrite(team.slug, () => teamsApi.removeCandidate(team.slug, candidate.id));
  const problem = edit.error ?? remove.error;
  return (
    <Stack gap={4} component="li" data-testid={`candidate-${candidate.naicsCode}`}>
      <Text fw={600} size="sm">
        {candidate.title}{" "}
        <Text span size="xs" c="dimmed">
          NAICS {candidate.naicsCode}
          {candidate.addedBy ? ` · added by ${candidate.addedBy}` : ""}
        </Text>
      </Text>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            edit.mutate(note, { onSuccess: () => setEditing(false) });
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={`Why ${candidate.title}`}
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group gap="xs">
              <Button type="submit" size="xs" loading={edit.isPending}>
                Save
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        candidate.note && <Text size="sm">{candidate.note}</Text>
      )}
      {!editing && (team.permissions.contribute || team.permissions.manage) && (
        <Group gap="xs">
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => setEditing(true)}
            aria-label={`Edit the note on ${candidate.title}`}
          >
            Edit the note
          </Button>
          {team.permissions.manage && (
            <Button
              size="compact-xs"
              variant="subtle"
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined)}
              aria-label={`Remove ${candidate.title} from the candidates`}
            >
              Remove
            </Button>
          )}
        </Group>
      )}
      {problem && (
        <Text c="red.9" size="sm" role="alert">
          {errorMessage(problem)}
        </Text>
      )}
    </Stack>
  );
}

/** The team's shortlist of candidate industries, each with why. */
export function CandidatesSection({ team }: { team: RegionalTeamDetail }) {
  const [code, setCode] = useState("");
  const [note, setNote] = useState("");
  const add = useTeamWrite(team.slug, (body: { naicsCode: string; note?: string }) =>
    teamsApi.addCandidate(team.slug, body),
  );
  const errors = add.error instanceof ApiError ? add.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { naicsCode: code.trim(), note: note || undefined },
      {
        onSuccess: () => {
          setCode("");
          setNote("");
        },
      },
    );
  };
  return (
    <Card component="section" aria-labelledby="team-candidates" withBorder>
      <Stack gap="sm">
        <Title order={2} fz="lg" id="team-candidates">
          Candidate industries
        </Title>
        {team.candidates.length === 0 ? (
          <Text c="dimmed">No candidate industry yet: add one below or from the region's ranking.</Text>
        ) : (
          <Stack gap="md" component="ul" className="plain-list">
            {team.candidates.map((c) => (
              <CandidateItem key={`${c.id}-${c.version}`} team={team} candidate={c} />
            ))}
          </Stack>
        )}
        {team.permissions.contribute && (
          <form onSubmit={submit} noValidate aria-label="Add a candidate industry">
            <Stack gap="xs">
              <TextInput
                label="NAICS code"
                description="e.g. 622 for hospitals, 31-33 for manufacturing"
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={errors.naicsCode}
                maw={260}
              />
              <Textarea
                label="Why this industry"
                autosize
                minRows={2}
                maxLength={2000}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={errors.note}
              />
              {add.error && !Object.keys(errors).length && (
                <Text c="red.9" size="sm" role="alert">
                  {errorMessage(add.error)}
                </Text>
              )}
              <Group>
                <Button type="submit" variant="light" loading={add.isPending}>
                  Add the candidate
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
