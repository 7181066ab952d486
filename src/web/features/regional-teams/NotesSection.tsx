import { useState, type FormEvent } from "react";
import { Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import type { RegionalTeamDetail, TeamNote } from "../../../core/regional-teams.js";
import { errorMessage } from "../../lib/api.js";
import { formatDate } from "../../lib/format.js";
import { teamsApi, useTeamWrite } from "./api.js";
import { formWords } from "./labels.js";

function NoteItem({ team, note }: { team: RegionalTeamDetail; note: TeamNote }) {
  const intl = useIntl();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(note.body);
  const edit = useTeamWrite(team.slug, (b: string) =>
    teamsApi.editNote(team.slug, note.id, { body: b, version: note.version }),
  );
  const remove = useTeamWrite(team.slug, () => teamsApi.deleteNote(team.slug, note.id));
  const problem = edit.error ?? remove.error;
  return (
    <Stack gap={4} component="li">
      <Text size="xs" c="dimmed">
        {note.author ??
          intl.formatMessage({
            id: "regionalTeams.notes.formerMember",
            defaultMessage: "A former member",
          })}{" "}
        · {formatDate(note.createdAt)}
        {note.updatedAt !== note.createdAt && (
          <>
            {" "}
            <FormattedMessage id="regionalTeams.notes.edited" defaultMessage="(edited)" />
          </>
        )}
      </Text>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            edit.mutate(body, { onSuccess: () => setEditing(false) });
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={intl.formatMessage({
                id: "regionalTeams.notes.editLabel",
                defaultMessage: "Edit the note",
              })}
              autosize
              minRows={3}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
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
        // Sanitized on the server (no scripts, no images, safe links only).
        <div className="prose" dangerouslySetInnerHTML={{ __html: note.html }} />
      )}
      {note.mine && !editing && (
        <Group gap="xs">
          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
            <FormattedMessage id="regionalTeams.notes.edit" defaultMessage="Edit" />
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            loading={remove.isPending}
            onClick={() => remove.mutate(undefined)}
          >
            <FormattedMessage id="regionalTeams.notes.delete" defaultMessage="Delete" />
          </Button>
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

/** The team's shared notes, newest first, in Markdown. */
export function NotesSection({ team }: { team: RegionalTeamDetail }) {
  const intl = useIntl();
  const [body, setBody] = useState("");
  const add = useTeamWrite(team.slug, (b: string) => teamsApi.addNote(team.slug, b));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(body, { onSuccess: () => setBody("") });
  };
  return (
    <Card component="section" aria-labelledby="team-notes" withBorder>
      <Stack gap="sm">
        <Title order={2} fz="lg" id="team-notes">
          <FormattedMessage id="regionalTeams.notes.title" defaultMessage="Shared notes" />
        </Title>
        {team.permissions.contribute && (
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Textarea
                label={intl.formatMessage({ id: "regionalTeams.notes.newLabel", defaultMessage: "New note" })}
                description={intl.formatMessage({
                  id: "regionalTeams.notes.markdownHelp",
                  defaultMessage: "Markdown: **bold**, lists, links.",
                })}
                autosize
                minRows={3}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                maxLength={10_000}
                error={add.error ? errorMessage(add.error) : undefined}
              />
              <Group>
                <Button type="submit" variant="light" loading={add.isPending}>
                  <FormattedMessage id="regionalTeams.notes.add" defaultMessage="Add the note" />
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {team.notes.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage id="regionalTeams.notes.empty" defaultMessage="No notes yet." />
          </Text>
        ) : (
          <Stack gap="md" component="ul" className="plain-list">
            {team.notes.map((n) => (
              <NoteItem key={`${n.id}-${n.version}`} team={team} note={n} />
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
