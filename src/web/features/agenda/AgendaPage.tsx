import { Anchor, Card, Stack, Tabs, Text, Title } from "@mantine/core";
import { Link, useNavigate, useParams } from "react-router";
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

const tabs = [
  { value: "opportunities", label: "Opportunities", title: "Opportunities" },
  { value: "votes", label: "Votes", title: "Votes" },
  { value: "plan", label: "Priorities & action plan", title: "Action plan" },
] as const;
type Tab = (typeof tabs)[number]["value"];

/** The shared agenda of a partnership: opportunities, votes, priorities and the action plan. */
export default function AgendaPage() {
  const { slug, tab: tabParam, roundId } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const partnership = usePartnership(slug);
  const p = partnership.data;
  const tab: Tab = roundId ? "votes" : (tabs.find((t) => t.value === tabParam)?.value ?? "plan");
  const tabTitle = tabs.find((t) => t.value === tab)?.title ?? "Agenda";
  usePageTitle(p ? `${tabTitle} · Agenda of ${p.name}` : "Agenda");

  if (partnership.isPending || me.isPending) return <PageSkeleton label="Loading the agenda" />;
  if (partnership.error instanceof ApiError && partnership.error.status === 404) return <NotFoundPage />;
  if (!p) return <ErrorAlert error={partnership.error} onRetry={() => void partnership.refetch()} />;
  if (!me.data) {
    return (
      <SignInPrompt
        title={`Agenda of ${p.name}`}
        reason="The agenda is for the people of this partnership. Sign in to see it."
      />
    );
  }
  if (!p.permissions.viewMembers) {
    return (
      <Card maw={620} mx="auto" p="xl">
        <Title order={1} fz={24} mb="sm">
          Agenda of {p.name}
        </Title>
        <Text c="dimmed">
          Only members of this partnership can see its agenda. Ask a convener for an invitation.{" "}
          <Anchor component={Link} to={`/p/${p.slug}`}>
            Back to the profile
          </Anchor>
        </Text>
      </Card>
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title="Agenda"
        description="Business leaders raise opportunities, vote, and champion the priorities; public partners support them."
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
              {t.label}
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
