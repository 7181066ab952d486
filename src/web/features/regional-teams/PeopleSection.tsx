import { useState, type FormEvent } from "react";
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import {
  businessSideKinds,
  teamRoleLabels,
  teamRoles,
  type RegionalTeamDetail,
  type TeamRole,
} from "../../../core/regional-teams.js";
import {
  organizationKindLabels,
  organizationKinds,
  type OrganizationKind,
} from "../../../core/vocabulary.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { teamsApi, useTeamWrite } from "./api.js";

const kindOptions = organizationKinds
  .filter((k) => !businessSideKinds.includes(k))
  .map((k) => ({ value: k, label: organizationKindLabels[k] }));

function fieldErrors(error: unknown): Record<string, string> {
  return error instanceof ApiError ? error.fieldErrors() : {};
}

function AddOrganization({ team }: { team: RegionalTeamDetail }) {
  const intl = useIntl();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<string | null>(null);
  const add = useTeamWrite(team.slug, (body: { name: string; kind: OrganizationKind }) =>
    teamsApi.addOrganization(team.slug, body),
  );
  const errors = fieldErrors(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ name, kind: (kind ?? "") as OrganizationKind }, { onSuccess: () => setName("") });
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={intl.formatMessage({
        id: "regionalTeams.people.addOrganizationForm",
        defaultMessage: "Add an organization",
      })}
    >
      <Stack gap="xs">
        <TextInput
          label={intl.formatMessage({
            id: "regionalTeams.people.organization",
            defaultMessage: "Organization",
          })}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <Select
          label={intl.formatMessage({ id: "regionalTeams.people.kind", defaultMessage: "Kind" })}
          data={kindOptions}
          value={kind}
          onChange={setKind}
          error={errors.kind}
        />
        {add.error && !Object.keys(errors).length && (
          <Text c="red.9" size="sm" role="alert">
            {errorMessage(add.error)}
          </Text>
        )}
        <Group>
          <Button type="submit" variant="light" loading={add.isPending}>
            <FormattedMessage
              id="regionalTeams.people.addOrganization"
              defaultMessage="Add the organization"
            />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AddPerson({ team }: { team: RegionalTeamDetail }) {
  const intl = useIntl();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [role, setRole] = useState<string>("partner");
  const add = useTeamWrite(team.slug, (body: Parameters<typeof teamsApi.addMember>[1]) =>
    teamsApi.addMember(team.slug, body),
  );
  const errors = fieldErrors(add.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { name, email, organizationId: organizationId ?? undefined, role: role as TeamRole },
      {
        onSuccess: () => {
          setName("");
          setEmail("");
        },
      },
    );
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={intl.formatMessage({
        id: "regionalTeams.people.addPersonForm",
        defaultMessage: "Add a person",
      })}
    >
      <Stack gap="xs">
        <TextInput
          label={intl.formatMessage({
            id: "regionalTeams.people.personName",
            defaultMessage: "Person's name",
          })}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label={intl.formatMessage({ id: "regionalTeams.people.email", defaultMessage: "E-mail" })}
          type="email"
          description={intl.formatMessage({
            id: "regionalTeams.people.emailHelp",
            defaultMessage:
              "Someone with an account under this address sees the team at once; others once they sign up with it.",
          })}
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
        />
        <Select
          label={intl.formatMessage({
            id: "regionalTeams.people.theirOrganization",
            defaultMessage: "Their organization",
          })}
          data={team.organizations.map((o) => ({ value: o.id, label: o.name }))}
          value={organizationId}
          onChange={setOrganizationId}
          clearable
          error={errors.organizationId}
        />
        <Select
          label={intl.formatMessage({ id: "regionalTeams.people.role", defaultMessage: "Role on the team" })}
          data={teamRoles.map((r) => ({ value: r, label: teamRoleLabels[r] }))}
          value={role}
          onChange={(v) => setRole(v ?? "partner")}
          allowDeselect={false}
          error={errors.role}
        />
        {add.error && !Object.keys(errors).length && (
          <Text c="red.9" size="sm" role="alert">
            {errorMessage(add.error)}
          </Text>
        )}
        <Group>
          <Button type="submit" variant="light" loading={add.isPending}>
            <FormattedMessage id="regionalTeams.people.addPerson" defaultMessage="Add the person" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The team's organizations and people; conveners add and remove them. */
export function PeopleSection({ team }: { team: RegionalTeamDetail }) {
  const intl = useIntl();
  const removeOrg = useTeamWrite(team.slug, (id: string) => teamsApi.removeOrganization(team.slug, id));
  const removePerson = useTeamWrite(team.slug, (id: string) => teamsApi.removeMember(team.slug, id));
  const problem = removeOrg.error ?? removePerson.error;
  return (
    <Card component="section" aria-labelledby="team-people" withBorder>
      <Stack gap="md">
        <Title order={2} fz="lg" id="team-people">
          <FormattedMessage id="regionalTeams.people.title" defaultMessage="People and organizations" />
        </Title>
        <Stack
          gap={4}
          component="ul"
          className="plain-list"
          aria-label={intl.formatMessage({
            id: "regionalTeams.people.organizationsLabel",
            defaultMessage: "Organizations",
          })}
        >
          {team.organizations.length === 0 && (
            <Text c="dimmed">
              <FormattedMessage
                id="regionalTeams.people.noOrganization"
                defaultMessage="No organization yet."
              />
            </Text>
          )}
          {team.organizations.map((o) => (
            <Group key={o.id} component="li" gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm">
                <Text span fw={600}>
                  {o.website ? (
                    <Anchor href={o.website} target="_blank" rel="noopener noreferrer">
                      {o.name}
                    </Anchor>
                  ) : (
                    o.name
                  )}
                </Text>{" "}
                · {organizationKindLabels[o.kind]}
              </Text>
              {team.permissions.manage && (
                <ActionIcon
                  variant="subtle"
                  aria-label={intl.formatMessage(
                    { id: "regionalTeams.people.removeOrganization", defaultMessage: "Remove {name}" },
                    { name: o.name },
                  )}
                  onClick={() => removeOrg.mutate(o.id)}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
        <Stack
          gap={4}
          component="ul"
          className="plain-list"
          aria-label={intl.formatMessage({
            id: "regionalTeams.people.peopleLabel",
            defaultMessage: "People",
          })}
        >
          {team.members.map((m) => (
            <Group key={m.id} component="li" gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm">
                <Text span fw={600}>
                  {m.name}
                </Text>
                {m.organization ? ` · ${m.organization}` : ""}{" "}
                <Badge size="sm" variant="light" color={m.role === "convener" ? "table" : "gray"} tt="none">
                  {teamRoleLabels[m.role]}
                </Badge>
                {!m.hasAccount && (
                  <Text span size="xs" c="dimmed">
                    {" "}
                    <FormattedMessage id="regionalTeams.people.noAccount" defaultMessage="(no account yet)" />
                  </Text>
                )}
              </Text>
              {team.permissions.manage && (
                <ActionIcon
                  variant="subtle"
                  aria-label={intl.formatMessage(
                    {
                      id: "regionalTeams.people.removePerson",
                      defaultMessage: "Remove {name} from the team",
                    },
                    { name: m.name },
                  )}
                  onClick={() => removePerson.mutate(m.id)}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
        {problem && (
          <Text c="red.9" size="sm" role="alert">
            {errorMessage(problem)}
          </Text>
        )}
        {team.permissions.manage && (
          <>
            <AddOrganization team={team} />
            <AddPerson team={team} />
          </>
        )}
      </Stack>
    </Card>
  );
}
