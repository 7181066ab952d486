import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";

/** The community admin's tools, in one place. */
const tools = [
  {
    to: "/admin/outbox",
    title: "Outbox",
    text: "Every e-mail the server wrote: invitations, reset links, reminders.",
  },
  {
    to: "/admin/sso-domains",
    title: "Work-account sign-in",
    text: "Require single sign-on for chosen e-mail domains, with their organization's provider.",
  },
  {
    to: "/admin/coordinators",
    title: "Coordinators",
    text: "Assign state and regional coordinators, who read the partnerships of their scope.",
  },
  {
    to: "/admin/service-tokens",
    title: "Service tokens",
    text: "Read-only API tokens for a state or a region, so a state system can copy its partnerships.",
  },
  {
    to: "/admin/indicators",
    title: "Indicator catalog",
    text: "Add, edit and retire the impact indicators partnerships track.",
  },
  {
    to: "/admin/assessment",
    title: "Self-assessment rubric",
    text: "Draft and publish new versions of “Is your partnership Next Gen?”.",
  },
  {
    to: "/admin/assessment/community",
    title: "Self-assessment across the community",
    text: "Bands and the lowest-scoring characteristics, to plan trainings.",
  },
  {
    to: "/events/new",
    title: "Events",
    text: "Plan webinars, peer exchanges, trainings and convenings; add recordings and materials.",
  },
  { to: "/results", title: "Community results", text: "Impact rolled up across all partnerships." },
  {
    to: "/admin/regional-economy",
    title: "Regional economy data",
    text: "Import or fetch BLS QCEW jobs and pay files.",
  },
  {
    to: "/admin/resources",
    title: "Resource library",
    text: "Review the resources members suggested; publish or reject them, add new ones.",
  },
];

export default function AdminHomePage() {
  usePageTitle("Admin");
  const me = useMe();
  if (me.isPending) return <PageSkeleton />;
  if (!me.data?.isAdmin) {
    return <SignInPrompt title="Admin" reason="Sign in as a community admin to see these tools." />;
  }
  return (
    <>
      <PageHeader
        title="Community admin"
        description="Tools for the team that runs the Community of Practice."
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg">
        {tools.map((tool) => (
          <Card key={tool.to} component={Link} to={tool.to}>
            <Title order={2} fz="lg" mb={6}>
              {tool.title}
            </Title>
            <Text c="dimmed">{tool.text}</Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
