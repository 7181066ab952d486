import { useState } from "react";
import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { stageLabels } from "../../../core/vocabulary.js";
import type { RegionalTeamDetail } from "../../../core/regional-teams.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { useTeam } from "./api.js";
import { CandidatesSection } from "./CandidatesSection.js";
import { ChecklistSection } from "./ChecklistSection.js";
import { EconomySection } from "./EconomySection.js";
import { EditTeamForm } from "./EditTeamForm.js";
import { accessLabel } from "./labels.js";
import { NotesSection } from "./NotesSection.js";
import { PeopleSection } from "./PeopleSection.js";
import { StartPartnershipDialog } from "./StartPartnershipDialog.js";

const words = defineMessages({
  pageTitle: { id: "regionalTeams.team.pageTitle", defaultMessage: "Regional team" },
  teamsLink: { id: "regionalTeams.team.teamsLink", defaultMessage: "Regional teams" },
});

function Overview({ team }: { team: RegionalTeamDetail }) {
  const intl = useIntl();
  const region =
    team.regionName || intl.formatMessage({ id: "regionalTeams.team.counties", defaultMessage: "Counties" });
  const [editing, setEditing] = useState(false);
  return (
    <Card component="section" aria-labelledby="team-region" withBorder>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="lg" id="team-region">
            <FormattedMessage id="regionalTeams.team.regionTitle" defaultMessage="Region" />
          </Title>
          {team.permissions.manage && !editing && (
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              <FormattedMessage id="regionalTeams.team.edit" defaultMessage="Edit the team" />
            </Button>
          )}
        </Group>
        {editing ? (
          <EditTeamForm team={team} onDone={() => setEditing(false)} />
        ) : (
          <>
            {team.description && <Text>{team.description}</Text>}
            <Text size="sm" fw={600}>
              {team.cbsaCode
                ? intl.formatMessage(
                    {
                      id: "regionalTeams.team.regionWithMetro",
                      defaultMessage: "{region} (metro area {code})",
                    },
                    { region, code: team.cbsaCode },
                  )
                : region}
            </Text>
            <Group
              gap={6}
              component="ul"
              className="plain-list"
              aria-label={intl.formatMessage({
                id: "regionalTeams.team.countiesLabel",
                defaultMessage: "Counties of the region",
              })}
            >
              {team.counties.map((c) => (
                <Badge key={c.fips} component="li" variant="outline" color="gray" tt="none" radius="sm">
                  {c.name}, {c.state}
                </Badge>
              ))}
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

function PartnershipsSection({ team }: { team: RegionalTeamDetail }) {
  const [opened, setOpened] = useState(false);
  return (
    <Card component="section" aria-labelledby="team-partnerships" withBorder>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="lg" id="team-partnerships">
            <FormattedMessage id="regionalTeams.partnerships.title" defaultMessage="Partnerships started" />
          </Title>
          {team.permissions.manage && (
            <Button onClick={() => setOpened(true)}>
              <FormattedMessage id="regionalTeams.partnerships.start" defaultMessage="Start a partnership" />
            </Button>
          )}
        </Group>
        {team.partnerships.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage
              id="regionalTeams.partnerships.empty"
              defaultMessage="None yet. Once the team has chosen an industry, start a partnership from here."
            />
          </Text>
        ) : (
          <Stack gap={4} component="ul" className="plain-list">
            {team.partnerships.map((p) => (
              <Text key={p.id} component="li" size="sm">
                <Anchor component={Link} to={`/p/${p.slug}`} fw={600}>
                  {p.name}
                </Anchor>{" "}
                · {stageLabels[p.stage]}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
      {opened && <StartPartnershipDialog team={team} opened={opened} onClose={() => setOpened(false)} />}
    </Card>
  );
}

/** A regional support team's workspace: one page, phone first. */
export default function TeamPage() {
  const { slug = "" } = useParams();
  const me = useMe();
  const team = useTeam(slug);
  const intl = useIntl();
  usePageTitle(team.data?.name ?? intl.formatMessage(words.pageTitle));
  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return (
      <SignInPrompt
        title={intl.formatMessage(words.pageTitle)}
        reason={intl.formatMessage({
          id: "regionalTeams.team.signIn",
          defaultMessage: "Sign in to see this regional team.",
        })}
      />
    );
  if (team.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "regionalTeams.team.loading", defaultMessage: "Loading the team" })}
      />
    );
  if (team.isError) {
    if (team.error instanceof ApiError && team.error.status === 404)
      return (
        <Stack gap="md">
          <PageHeader
            title={intl.formatMessage({
              id: "regionalTeams.team.notFoundTitle",
              defaultMessage: "Regional team not found",
            })}
          />
          <Text>
            <FormattedMessage
              id="regionalTeams.team.notFound"
              defaultMessage="This team does not exist, or you are not one of its people."
            />{" "}
            <Anchor component={Link} to="/regions/teams">
              <FormattedMessage id="regionalTeams.team.yourTeams" defaultMessage="Your regional teams" />
            </Anchor>
          </Text>
        </Stack>
      );
    return <ErrorAlert error={team.error} onRetry={() => void team.refetch()} />;
  }
  const t = team.data;
  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={
          <Anchor component={Link} to="/regions/teams" size="sm">
            {intl.formatMessage(words.teamsLink)}
          </Anchor>
        }
        title={t.name}
        description={intl.formatMessage(
          { id: "regionalTeams.team.description", defaultMessage: "Regional support team · {access}" },
          { access: intl.formatMessage(accessLabel[t.access]) },
        )}
      />
      <Overview team={t} />
      <PeopleSection team={t} />
      <ChecklistSection team={t} />
      <NotesSection team={t} />
      <CandidatesSection team={t} />
      <EconomySection team={t} />
      <PartnershipsSection team={t} />
    </Stack>
  );
}
