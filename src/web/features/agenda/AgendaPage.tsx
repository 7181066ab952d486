import { Anchor, Card, Stack, Tabs, Text, Title } from "@mantine/core";
import { Link, useNavigate, useParams } from "react-router";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { usePartnership } from "../partnerships/api.js";
import { OpportunitiesTab } from "./OpportunitiesTab.js";
import { PlanTab } from "./PlanTab.js";
import { RoundView } from "./RoundView.js";
import { VotesTab } from "./VotesTab.js";

const words = defineMessages({
  opportunities: { id: "agenda.page.tabOpportunities", defaultMessage: "Opportunities" },
  votes: { id: "agenda.page.tabVotes", defaultMessage: "Votes" },
  plan: { id: "agenda.page.tabPlan", defaultMessage: "Priorities & action plan" },
  planTitle: { id: "agenda.page.planTitle", defaultMessage: "Action plan" },
  agenda: { id: "agenda.page.title", defaultMessage: "Agenda" },
  loading: { id: "agenda.page.loading", defaultMessage: "Loading the agenda" },
  signInReason: {
    id: "agenda.page.signInReason",
    defaultMessage: "The agenda is for the people of this partnership. Sign in to see it.",
  },
  description: {
    id: "agenda.page.description",
    defaultMessage:
      "Business leaders raise opportunities, vote, and champion the priorities; public partners support them.",
  },
});

const tabs = [
  { value: "opportunities", label: words.opportunities, title: words.opportunities },
  { value: "votes", label: words.votes, title: words.votes },
  { value: "plan", label: words.plan, title: words.planTitle },
] as const;
type Tab = (typeof tabs)[number]["value"];

/** The shared agenda of a partnership: opportunities, votes, priorities and the action plan. */
export default function AgendaPage() {
  const { slug, tab: tabParam, roundId } = useParams();
  const navigate = useNavigate();
  const intl = useIntl();
  const me = useMe();
  const partnership = usePartnership(slug);
  const p = partnership.data;
  const tab: Tab = roundId ? "votes" : (tabs.find((t) => t.value === tabParam)?.value ?? "plan");
  const tabTitle = intl.formatMessage(tabs.find((t) => t.value === tab)?.title ?? words.agenda);
  usePageTitle(
    p
      ? intl.formatMessage(
          { id: "agenda.page.pageTitle", defaultMessage: "{tab} · Agenda of {name}" },
          { tab: tabTitle, name: p.name },
        )
      : intl.formatMessage(words.agenda),
  );

  if (partnership.isPending || me.isPending)
    return <PageSkeleton label={intl.formatMessage(words.loading)} />;
  if (partnership.error instanceof ApiError && partnership.error.status === 404) return <NotFoundPage />;
  if (!p) return <ErrorAlert error={partnership.error} onRetry={() => void partnership.refetch()} />;
  if (!me.data) {
    return (
      <SignInPrompt
        title={intl.formatMessage(
          { id: "agenda.page.agendaOf", defaultMessage: "Agenda of {name}" },
          { name: p.name },
        )}
        reason={intl.formatMessage(words.signInReason)}
      />
    );
  }
  if (!p.permissions.viewMembers) {
    return (
      <Card maw={620} mx="auto" p="xl">
        <Title order={1} fz={24} mb="sm">
          <FormattedMessage
            id="agenda.page.agendaOf"
            defaultMessage="Agenda of {name}"
            values={{ name: p.name }}
          />
        </Title>
        <Text c="dimmed">
          <FormattedMessage
            id="agenda.page.membersOnly"
            defaultMessage="Only members of this partnership can see its agenda. Ask a convener for an invitation. <link>Back to the profile</link>"
            values={{
              link: (chunks) => (
                <Anchor component={Link} to={`/p/${p.slug}`}>
                  {chunks}
                </Anchor>
              ),
            }}
          />
        </Text>
      </Card>
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(words.agenda)}
        description={intl.formatMessage(words.description)}
      />
      <Tabs
        value={tab}
        onChange={(value) => {
          if (value) void navigate(`/p/${p.slug}/agenda/${value}`);
        }}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {intl.formatMessage(t.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="opportunities">
          <OpportunitiesTab partnershipId={p.id} />
        </Tabs.Panel>
        <Tabs.Panel value="votes">
          {roundId ? (
            <RoundView partnershipId={p.id} slug={p.slug} roundId={roundId} />
          ) : (
            <VotesTab partnershipId={p.id} slug={p.slug} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="plan">
          <PlanTab partnershipId={p.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
