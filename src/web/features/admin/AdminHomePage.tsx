import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { defineMessages, useIntl } from "react-intl";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";

const words = defineMessages({
  outboxTitle: { id: "admin.home.outbox.title", defaultMessage: "Outbox" },
  outboxText: {
    id: "admin.home.outbox.text",
    defaultMessage: "Every e-mail the server wrote: invitations, reset links, reminders.",
  },
  ssoTitle: { id: "admin.home.sso.title", defaultMessage: "Work-account sign-in" },
  ssoText: {
    id: "admin.home.sso.text",
    defaultMessage: "Require single sign-on for chosen e-mail domains, with their organization's provider.",
  },
  coordinatorsTitle: { id: "admin.home.coordinators.title", defaultMessage: "Coordinators" },
  coordinatorsText: {
    id: "admin.home.coordinators.text",
    defaultMessage: "Assign state and regional coordinators, who read the partnerships of their scope.",
  },
  serviceTokensTitle: { id: "admin.home.serviceTokens.title", defaultMessage: "Service tokens" },
  serviceTokensText: {
    id: "admin.home.serviceTokens.text",
    defaultMessage:
      "Read-only API tokens for a state or a region, so a state system can copy its partnerships.",
  },
  indicatorsTitle: { id: "admin.home.indicators.title", defaultMessage: "Indicator catalog" },
  indicatorsText: {
    id: "admin.home.indicators.text",
    defaultMessage: "Add, edit and retire the impact indicators partnerships track.",
  },
  rubricTitle: { id: "admin.home.rubric.title", defaultMessage: "Self-assessment rubric" },
  rubricText: {
    id: "admin.home.rubric.text",
    defaultMessage: "Draft and publish new versions of “Is your partnership Next Gen?”.",
  },
  assessmentCommunityTitle: {
    id: "admin.home.assessmentCommunity.title",
    defaultMessage: "Self-assessment across the community",
  },
  assessmentCommunityText: {
    id: "admin.home.assessmentCommunity.text",
    defaultMessage: "Bands and the lowest-scoring characteristics, to plan trainings.",
  },
  eventsTitle: { id: "admin.home.events.title", defaultMessage: "Events" },
  eventsText: {
    id: "admin.home.events.text",
    defaultMessage: "Plan webinars, peer exchanges, trainings and convenings; add recordings and materials.",
  },
  resultsTitle: { id: "admin.home.results.title", defaultMessage: "Community results" },
  resultsText: {
    id: "admin.home.results.text",
    defaultMessage: "Impact rolled up across all partnerships.",
  },
  regionalEconomyTitle: { id: "admin.home.regionalEconomy.title", defaultMessage: "Regional economy data" },
  regionalEconomyText: {
    id: "admin.home.regionalEconomy.text",
    defaultMessage: "Import or fetch BLS QCEW jobs and pay files.",
  },
  resourcesTitle: { id: "admin.home.resources.title", defaultMessage: "Resource library" },
  resourcesText: {
    id: "admin.home.resources.text",
    defaultMessage: "Review the resources members suggested; publish or reject them, add new ones.",
  },
  pageTitle: { id: "admin.home.pageTitle", defaultMessage: "Admin" },
});

/** The community admin's tools, in one place. */
const tools = [
  { to: "/admin/outbox", title: words.outboxTitle, text: words.outboxText },
  { to: "/admin/sso-domains", title: words.ssoTitle, text: words.ssoText },
  { to: "/admin/coordinators", title: words.coordinatorsTitle, text: words.coordinatorsText },
  { to: "/admin/service-tokens", title: words.serviceTokensTitle, text: words.serviceTokensText },
  { to: "/admin/indicators", title: words.indicatorsTitle, text: words.indicatorsText },
  { to: "/admin/assessment", title: words.rubricTitle, text: words.rubricText },
  {
    to: "/admin/assessment/community",
    title: words.assessmentCommunityTitle,
    text: words.assessmentCommunityText,
  },
  { to: "/events/new", title: words.eventsTitle, text: words.eventsText },
  { to: "/results", title: words.resultsTitle, text: words.resultsText },
  { to: "/admin/regional-economy", title: words.regionalEconomyTitle, text: words.regionalEconomyText },
  { to: "/admin/resources", title: words.resourcesTitle, text: words.resourcesText },
];

export default function AdminHomePage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(words.pageTitle));
  const me = useMe();
  if (me.isPending) return <PageSkeleton />;
  if (!me.data?.isAdmin) {
    return (
      <SignInPrompt
        title={intl.formatMessage(words.pageTitle)}
        reason={intl.formatMessage({
          id: "admin.home.signInReason",
          defaultMessage: "Sign in as a community admin to see these tools.",
        })}
      />
    );
  }
  return (
    <>
      <PageHeader
        title={intl.formatMessage({ id: "admin.home.title", defaultMessage: "Community admin" })}
        description={intl.formatMessage({
          id: "admin.home.description",
          defaultMessage: "Tools for the team that runs the Community of Practice.",
        })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        {tools.map((tool) => (
          <Card key={tool.to} component={Link} to={tool.to}>
            <Title order={2} fz="lg" mb={6}>
              {intl.formatMessage(tool.title)}
            </Title>
            <Text c="dimmed">{intl.formatMessage(tool.text)}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
