import { Anchor, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
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

/** A signed-in person's plate: their tables, what is due, and new replies where they follow. */
function MyPlate({ partnerships }: { partnerships: Parameters<typeof MyTables>[0]["partnerships"] }) {
  const home = useMeHome(true);
  const retry = () => void home.refetch();
  return (
    <>
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
      <MyTables partnerships={partnerships} />
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

/**
 * The front door: for a visitor, what Next Gen partnerships are, the community in numbers and on
 * the map, recent stories, upcoming events and the ways in; for a signed-in practitioner, first
 * what is due, new replies, their partnerships and the coming events.
 */
export default function HomePage() {
  usePageTitle("Next Gen Sector Partnerships");
  const me = useMe();
  return (
    <Stack gap={40}>
      {me.data && <MyPlate partnerships={me.data.partnerships} />}
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
                Business leaders set a shared agenda and personally champion the priorities that matter most
                to their industry.
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
          {!me.data && (
            <Group gap="sm">
              <Button component={Link} to="/partnerships" size="md">
                Find a partnership near you
              </Button>
              <Button component={Link} to="/signin" variant="default" size="md">
                Sign in
              </Button>
            </Group>
          )}
        </Stack>
      </section>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Numbers />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <CommunityMap />
        </Grid.Col>
      </Grid>
      {!me.isPending && !me.data && <VisitorEvents />}
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
      <Stories />
    </Stack>
  );
}
