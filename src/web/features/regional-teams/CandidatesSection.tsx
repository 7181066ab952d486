import { useState, type FormEvent } from "react";
import { Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import type { RegionalTeamDetail, TeamCandidate } from "../../../core/regional-teams.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { teamsApi, useTeamWrite } from "./api.js";
import { formWords } from "./labels.js";

function CandidateItem({ team, candidate }: { team: RegionalTeamDetail; candidate: TeamCandidate }) {
  const intl = useIntl();
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
          {candidate.addedBy ? (
            <FormattedMessage
              id="regionalTeams.candidates.codeAddedBy"
              defaultMessage="NAICS {code} · added by {name}"
              values={{ code: candidate.naicsCode, name: candidate.addedBy }}
            />
          ) : (
            <FormattedMessage
              id="regionalTeams.candidates.code"
              defaultMessage="NAICS {code}"
              values={{ code: candidate.naicsCode }}
            />
          )}
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
              label={intl.formatMessage(
                { id: "regionalTeams.candidates.whyIndustry", defaultMessage: "Why {industry}" },
                { industry: candidate.title },
              )}
              autosize
              minRows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group gap="xs">
              <Button type="submit" size="xs" loading={edit.isPending}>
                <FormattedMessage {...formWords.save} />
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                <FormattedMessage {...formWords.cancel} />
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
            aria-label={intl.formatMessage(
              { id: "regionalTeams.candidates.editNoteLabel", defaultMessage: "Edit the note on {industry}" },
              { industry: candidate.title },
            )}
          >
            <FormattedMessage id="regionalTeams.candidates.editNote" defaultMessage="Edit the note" />
          </Button>
          {team.permissions.manage && (
            <Button
              size="compact-xs"
              variant="subtle"
              loading={remove.isPending}
              onClick={() => remove.mutate(undefined)}
              aria-label={intl.formatMessage(
                {
                  id: "regionalTeams.candidates.removeLabel",
                  defaultMessage: "Remove {industry} from the candidates",
                },
                { industry: candidate.title },
              )}
            >
              <FormattedMessage id="regionalTeams.candidates.remove" defaultMessage="Remove" />
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
  const intl = useIntl();
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
          <FormattedMessage id="regionalTeams.candidates.title" defaultMessage="Candidate industries" />
        </Title>
        {team.candidates.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage
              id="regionalTeams.candidates.empty"
              defaultMessage="No candidate industry yet: add one below or from the region's ranking."
            />
          </Text>
        ) : (
          <Stack gap="md" component="ul" className="plain-list">
            {team.candidates.map((c) => (
              <CandidateItem key={`${c.id}-${c.version}`} team={team} candidate={c} />
            ))}
          </Stack>
        )}
        {team.permissions.contribute && (
          <form
            onSubmit={submit}
            noValidate
            aria-label={intl.formatMessage({
              id: "regionalTeams.candidates.addForm",
              defaultMessage: "Add a candidate industry",
            })}
          >
            <Stack gap="xs">
              <TextInput
                label={intl.formatMessage({
                  id: "regionalTeams.candidates.codeLabel",
                  defaultMessage: "NAICS code",
                })}
                description={intl.formatMessage({
                  id: "regionalTeams.candidates.codeHelp",
                  defaultMessage: "e.g. 622 for hospitals, 31-33 for manufacturing",
                })}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={errors.naicsCode}
                maw={260}
              />
              <Textarea
                label={intl.formatMessage({
                  id: "regionalTeams.candidates.why",
                  defaultMessage: "Why this industry",
                })}
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
                  <FormattedMessage id="regionalTeams.candidates.add" defaultMessage="Add the candidate" />
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
