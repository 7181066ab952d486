import { Anchor, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { Me } from "../../../core/auth.js";
import type { MeHome } from "../../../core/home.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { plural } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { useEvents } from "../events/api.js";
import { useMeHome } from "./api.js";
import { CommunityMap } from "./CommunityMap.js";
import { DueSection } from "./DueSection.js";
import { MyTables } from "./MyTables.js";
import { NewRepliesSection } from "./NewRepliesSection.js";
import { Numbers } from "./Numbers.js";
import { Stories } from "./Stories.js";
import { UpcomingEvents } from "./UpcomingEvents.js";

const ways = [
  {
    to: "/partnerships",
    title: "Find a partnership near you",
    text: "Search the directory and the map by industry and region.",
  },
  {
    to: "/next-gen-check",
    title: "Is your partnership Next Gen?",
    text: "A short self-check against the characteristics every Next Gen partnership shares.",
  },
  {
    to: "/partnerships/new",
    title: "Start a partnership",
    text: "Bring your support team together and follow the toolkit's disciplined process, step by step.",
  },
  {
    to: "/resources",
    title: "Learn from the toolkit",
    text: "Chapters for each stage, templates and examples from partnerships across the country.",
  },
];

/** The first words of the dashboard: who it is for and how much waits on them. */
function plateSummary(due: MeHome["due"] | undefined): string {
  if (!due) return "What is due across your partnerships, new replies and what is coming.";
  if (due.length === 0) return "Nothing waits on you right now.";
  const late = due.filter((d) => d.kind === "action" && d.late).length;
  return `${plural(due.length, "thing waits", "things wait")} on you${late ? `, ${late} of them late` : ""}.`;
}

/** A signed-in person's dashboard: what is due, new replies where they follow, their tables. */
function Dashboard({ me }: { me: Me }) {
  const home = useMeHome(true);
  const retry = () => void home.refetch();
  const firstName = me.name.split(/\s+/)[0] || me.name;
  return (
    <>
      <Stack gap="xl">
        <Stack gap={6} maw={760}>
          <Text fw={700} c="table.8" tt="uppercase" fz="sm">
            Your dashboard
          </Text>
          <Title order={1} fz={{ base: 28, sm: 34 }} lh={1.15}>
            Welcome back, {firstName}
          </Title>
          <Text c="dimmed" size="lg">
            {plateSummary(home.data?.due)}
          </Text>
        </Stack>
        {/* Their tables first: the way into each workspace. */}
        <MyTables partnerships={me.partnerships} />
      </Stack>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <DueSection items={home.data?.due} isPending={home.isPending} error={home.error} onRetry={retry} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <NewRepliesSection
            items={home.data?.newReplies}
            isPending={home.isPending}
            error={home.error}
            onRetry={retry}
          />
        </Grid.Col>
      </Grid>
      <UpcomingEvents
        events={home.data?.upcomingEvents}
        isPending={home.isPending}
        error={home.error}
        onRetry={retry}
      />
    </>
  );
}

/** The next public events for a visitor, from the events list (cancelled ones left out). */
function VisitorEvents() {
  const events = useEvents("upcoming");
  return (
    <UpcomingEvents
      events={events.data?.items.filter((e) => !e.cancelled).slice(0, 3)}
      isPending={events.isPending}
      error={events.error}
      onRetry={() => void events.refetch()}
    />
  );
}

/** For a visitor: what Next Gen partnerships are, and the first ways in. */
function Hero() {
  return (
    <section aria-labelledby="intro-heading">
      <Stack gap="md" maw={820}>
        <Text fw={700} c="table.8" tt="uppercase" fz="sm">
          The Next Gen Sector Partnership Community of Practice
        </Text>
        <Title order={1} id="intro-heading" fz={{ base: 30, sm: 40 }} lh={1.1}>
          Businesses of one industry, in one region, working with the partners who can help them grow
        </Title>
        <Text size="lg">
          Next Generation Sector Partnerships bring together businesses from the same industry and a shared
          labor market region with education, workforce development, economic development and community
          organizations, to address the workforce and other competitiveness needs of their industry.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <div>
            <Title order={3} fz="md">
              Industry-driven
            </Title>
            <Text size="sm">
              Business leaders set a shared agenda and personally champion the priorities that matter most to
              their industry.
            </Text>
          </div>
          <div>
            <Title order={3} fz="md">
              Community-supported
            </Title>
            <Text size="sm">
              A coordinated team of support partners works as one “shared table” and aligns programs to what
              the businesses need.
            </Text>
          </div>
          <div>
            <Title order={3} fz="md">
              Sustainable over time
            </Title>
            <Text size="sm">
              Organized around what business leaders care about most, what it takes for their companies to
              thrive, they last.
            </Text>
          </div>
        </SimpleGrid>
        <Group gap="sm">
          <Button component={Link} to="/partnerships" size="md">
            Find a partnership near you
          </Button>
          <Button component={Link} to="/signin" variant="default" size="md">
            Sign in
          </Button>
        </Group>
      </Stack>
    </section>
  );
}

function WaysIn() {
  return (
    <section aria-labelledby="ways-heading">
      <Title order={2} fz="lg" id="ways-heading" mb="sm">
        Ways in
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" component="ul" className="plain-list">
        {ways.map((w) => (
          <Card component="li" key={w.to} withBorder padding="md">
            <Stack gap={6}>
              <Anchor component={Link} to={w.to} fw={700}>
                {w.title}
              </Anchor>
              <Text size="sm">{w.text}</Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}

/** The community in numbers and on the map. */
function Community() {
  return (
    <Grid gap="xl">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Numbers />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <CommunityMap />
      </Grid.Col>
    </Grid>
  );
}

/**
 * The front door. A signed-in practitioner lands on their dashboard: what is due, new replies,
 * their partnerships and the coming events, then the community. A visitor reads what Next Gen
 * partnerships are, the community in numbers and on the map, upcoming events and the ways in.
 */
export default function HomePage() {
  const me = useMe();
  usePageTitle(me.data ? "Your dashboard" : "Next Gen Sector Partnerships");
  // Neither the visitor's hero nor the dashboard until it is known who is here: no flash of the other.
  if (me.isPending) return <PageSkeleton label="Loading the home page" />;
  if (me.data) {
    return (
      <Stack gap={40}>
        <Dashboard me={me.data} />
        <Community />
        <Stories />
      </Stack>
    );
  }
  return (
    <Stack gap={40}>
      <Hero />
      <Community />
      <VisitorEvents />
      <WaysIn />
      <Stories />
    </Stack>
  );
}
