import { useState, type FormEvent } from "react";
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { limits } from "../../../core/limits.js";
import { teamSteps } from "../../../core/regional-teams.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { RegionPicker } from "../partnerships/RegionPicker.js";
import { useMetroSearch } from "../region-economy/api.js";
import { teamKey, teamsApi, teamsKey } from "./api.js";
import { accessLabel, formWords } from "./labels.js";

const words = defineMessages({
  pageTitle: { id: "regionalTeams.list.pageTitle", defaultMessage: "Regional teams" },
});

/** A metro or micro area, as the alternative to picking counties (empty until CBSAs are imported). */
function MetroSelect({ value, onChange }: { value: string | null; onChange: (v: string | null) => void }) {
  const [search, setSearch] = useState("");
  const metros = useMetroSearch(search);
  const intl = useIntl();
  if (metros.isSuccess && metros.data.length === 0 && !search.trim()) return null;
  return (
    <Select
      label={intl.formatMessage({ id: "regionalTeams.metro.label", defaultMessage: "Or a metro area" })}
      description={intl.formatMessage({
        id: "regionalTeams.metro.description",
        defaultMessage: "The team then covers every county of the metro or micro area.",
      })}
      placeholder={intl.formatMessage({
        id: "regionalTeams.metro.placeholder",
        defaultMessage: "Search metro areas",
      })}
      data={(metros.data ?? []).map((m) => ({
        value: m.code,
        label: intl.formatMessage(
          {
            id: "regionalTeams.metro.option",
            defaultMessage: "{title} ({type, select, metro {metro} micro {micro} other {{type}}})",
          },
          { title: m.title, type: m.type },
        ),
      }))}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable
      nothingFoundMessage={intl.formatMessage({
        id: "regionalTeams.metro.nothingFound",
        defaultMessage: "No metro area matches",
      })}
    />
  );
}

function StartTeamForm() {
  const intl = useIntl();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [name, setName] = useState("");
  const [regionName, setRegionName] = useState("");
  const [description, setDescription] = useState("");
  const [counties, setCounties] = useState<string[]>([]);
  const [cbsa, setCbsa] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: teamsApi.create,
    onSuccess: (team) => {
      client.setQueryData(teamKey(team.slug), team);
      void client.invalidateQueries({ queryKey: teamsKey, exact: true });
      void navigate(`/regions/teams/${team.slug}`);
    },
  });
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      name,
      regionName: regionName || undefined,
      description: description || undefined,
      counties: counties.length ? counties : undefined,
      cbsaCode: cbsa ?? undefined,
    });
  };
  return (
    <Card component="section" aria-labelledby="start-team" withBorder>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="lg" id="start-team">
            <FormattedMessage id="regionalTeams.start.title" defaultMessage="Start a regional team" />
          </Title>
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="regionalTeams.start.intro"
              defaultMessage="The public partners of a region (workforce, education, economic development, chambers, community organizations) working as one team before any partnership exists. You become its convener."
            />
          </Text>
          <TextInput
            label={intl.formatMessage(formWords.teamName)}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={limits.name}
            error={errors.name}
          />
          <TextInput
            label={intl.formatMessage(formWords.regionName)}
            description={intl.formatMessage({
              id: "regionalTeams.start.regionNameHelp",
              defaultMessage: "How the team calls its region, e.g. “Northern Colorado”.",
            })}
            value={regionName}
            onChange={(e) => setRegionName(e.currentTarget.value)}
            maxLength={80}
            error={errors.regionName}
          />
          <Textarea
            label={intl.formatMessage(formWords.description)}
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            maxLength={limits.description}
            error={errors.description}
          />
          <RegionPicker value={counties} onChange={setCounties} error={errors.counties} />
          <MetroSelect value={cbsa} onChange={setCbsa} />
          {errors.cbsaCode && (
            <Text c="red.9" size="sm" role="alert">
              {errors.cbsaCode}
            </Text>
          )}
          {create.error && !Object.keys(errors).length && (
            <Text c="red.9" role="alert">
              {errorMessage(create.error)}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              <FormattedMessage id="regionalTeams.start.submit" defaultMessage="Start the team" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** The regional teams the person sits on or reads, and the form to start one. */
export default function TeamsPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(words.pageTitle));
  const me = useMe();
  const teams = useQuery({
    queryKey: teamsKey,
    queryFn: ({ signal }) => teamsApi.list(signal),
    enabled: !!me.data,
  });
  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return (
      <SignInPrompt
        title={intl.formatMessage(words.pageTitle)}
        reason={intl.formatMessage({
          id: "regionalTeams.list.signIn",
          defaultMessage: "Sign in to see and start regional support teams.",
        })}
      />
    );
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(words.pageTitle)}
        description={intl.formatMessage({
          id: "regionalTeams.list.description",
          defaultMessage:
            "Regional support teams study their region's economy, shortlist industries and build the civic infrastructure, then start partnerships. A team is private to its people; state and regional coordinators read the teams of their region.",
        })}
      />
      {teams.isPending && (
        <PageSkeleton
          label={intl.formatMessage({
            id: "regionalTeams.list.loading",
            defaultMessage: "Loading your teams",
          })}
        />
      )}
      {teams.isError && <ErrorAlert error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.data &&
        (teams.data.items.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage
              id="regionalTeams.list.empty"
              defaultMessage="You are not on a regional team yet."
            />
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" className="plain-list">
            {teams.data.items.map((t) => (
              <li key={t.id}>
                <Card h="100%" component="article" aria-labelledby={`team-${t.id}`} withBorder>
                  <Stack gap={6}>
                    <Title order={2} fz="lg" id={`team-${t.id}`}>
                      <Anchor component={Link} to={`/regions/teams/${t.slug}`}>
                        {t.name}
                      </Anchor>
                    </Title>
                    <Group gap="xs">
                      <Badge variant="light" color="table" tt="none" radius="sm">
                        {intl.formatMessage(accessLabel[t.access])}
                      </Badge>
                      <Text size="sm">
                        {t.regionName ? `${t.regionName} · ` : ""}
                        <FormattedMessage
                          id="regionalTeams.list.counties"
                          defaultMessage="{count, plural, one {# county} other {# counties}}, {states}"
                          values={{ count: t.counties, states: t.states.join(", ") }}
                        />
                      </Text>
                    </Group>
                    <Text size="sm" c="dimmed">
                      <FormattedMessage
                        id="regionalTeams.list.summary"
                        defaultMessage="{people, plural, one {# person} other {# people}} · {done} of {total} first-stage steps · {partnerships, plural, one {# partnership} other {# partnerships}} started"
                        values={{
                          people: t.members,
                          done: t.stepsDone,
                          total: teamSteps.length,
                          partnerships: t.partnerships,
                        }}
                      />
                    </Text>
                  </Stack>
                </Card>
              </li>
            ))}
          </SimpleGrid>
        ))}
      <StartTeamForm />
    </Stack>
  );
}
