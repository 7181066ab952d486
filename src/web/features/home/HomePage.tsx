import { Anchor, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { defineMessages, FormattedMessage, useIntl, type IntlShape } from "react-intl";
import type { Me } from "../../../core/auth.js";
import type { MeHome } from "../../../core/home.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
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

const words = defineMessages({
  findTitle: { id: "home.ways.find.title", defaultMessage: "Find a partnership near you" },
  findText: {
    id: "home.ways.find.text",
    defaultMessage: "Search the directory and the map by industry and region.",
  },
  checkTitle: { id: "home.ways.check.title", defaultMessage: "Is your partnership Next Gen?" },
  checkText: {
    id: "home.ways.check.text",
    defaultMessage: "A short self-check against the characteristics every Next Gen partnership shares.",
  },
  startTitle: { id: "home.ways.start.title", defaultMessage: "Start a partnership" },
  startText: {
    id: "home.ways.start.text",
    defaultMessage:
      "Bring your support team together and follow the toolkit's disciplined process, step by step.",
  },
  learnTitle: { id: "home.ways.learn.title", defaultMessage: "Learn from the toolkit" },
  learnText: {
    id: "home.ways.learn.text",
    defaultMessage: "Chapters for each stage, templates and examples from partnerships across the country.",
  },
  summaryLoading: {
    id: "home.dashboard.summaryLoading",
    defaultMessage: "What is due across your partnerships, new replies and what is coming.",
  },
  summaryNothing: { id: "home.dashboard.summaryNothing", defaultMessage: "Nothing waits on you right now." },
  dashboardTitle: { id: "home.dashboard.pageTitle", defaultMessage: "Your dashboard" },
  visitorTitle: { id: "home.visitor.pageTitle", defaultMessage: "Next Gen Sector Partnerships" },
  loading: { id: "home.loading", defaultMessage: "Loading the home page" },
});

const ways = [
  { to: "/partnerships", title: words.findTitle, text: words.findText },
  { to: "/next-gen-check", title: words.checkTitle, text: words.checkText },
  { to: "/partnerships/new", title: words.startTitle, text: words.startText },
  { to: "/resources", title: words.learnTitle, text: words.learnText },
];

/** The first words of the dashboard: who it is for and how much waits on them. */
function plateSummary(intl: IntlShape, due: MeHome["due"] | undefined): string {
  if (!due) return intl.formatMessage(words.summaryLoading);
  if (due.length === 0) return intl.formatMessage(words.summaryNothing);
  const late = due.filter((d) => d.kind === "action" && d.late).length;
  // Values go with messages written where they are used (typed descriptors want their types given).
  return late
    ? intl.formatMessage(
        {
          id: "home.dashboard.summaryLate",
          defaultMessage:
            "{count, plural, one {# thing waits} other {# things wait}} on you, {late} of them late.",
        },
        { count: due.length, late },
      )
    : intl.formatMessage(
        {
          id: "home.dashboard.summary",
          defaultMessage: "{count, plural, one {# thing waits} other {# things wait}} on you.",
        },
        { count: due.length },
      );
}

/** A signed-in person's dashboard: what is due, new replies where they follow, their tables. */
function Dashboard({ me }: { me: Me }) {
  const intl = useIntl();
  const home = useMeHome(true);
  const retry = () => void home.refetch();
  const firstName = me.name.split(/\s+/)[0] || me.name;
  return (
    <>
      <Stack gap="xl">
        <Stack gap={6} maw={760}>
          <Text fw={700} c="table.8" tt="uppercase" fz="sm">
            <FormattedMessage {...words.dashboardTitle} />
          </Text>
          <Title order={1} fz={{ base: 28, sm: 34 }} lh={1.15}>
            <FormattedMessage
              id="home.dashboard.welcome"
              defaultMessage="Welcome back, {name}"
              values={{ name: firstName }}
            />
          </Title>
          <Text c="dimmed" size="lg">
            {plateSummary(intl, home.data?.due)}
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
          <FormattedMessage
            id="home.hero.kicker"
            defaultMessage="The Next Gen Sector Partnership Community of Practice"
          />
        </Text>
        <Title order={1} id="intro-heading" fz={{ base: 30, sm: 40 }} lh={1.1}>
          <FormattedMessage
            id="home.hero.title"
            defaultMessage="Businesses of one industry, in one region, working with the partners who can help them grow"
          />
        </Title>
        <Text size="lg">
          <FormattedMessage
            id="home.hero.text"
            defaultMessage="Next Generation Sector Partnerships bring together businesses from the same industry and a shared labor market region with education, workforce development, economic development and community organizations, to address the workforce and other competitiveness needs of their industry."
          />
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <div>
            <Title order={3} fz="md">
              <FormattedMessage id="home.hero.industry.title" defaultMessage="Industry-driven" />
            </Title>
            <Text size="sm">
              <FormattedMessage
                id="home.hero.industry.text"
                defaultMessage="Business leaders set a shared agenda and personally champion the priorities that matter most to their industry."
              />
            </Text>
          </div>
          <div>
            <Title order={3} fz="md">
              <FormattedMessage id="home.hero.community.title" defaultMessage="Community-supported" />
            </Title>
            <Text size="sm">
              <FormattedMessage
                id="home.hero.community.text"
                defaultMessage="A coordinated team of support partners works as one “shared table” and aligns programs to what the businesses need."
              />
            </Text>
          </div>
          <div>
            <Title order={3} fz="md">
              <FormattedMessage id="home.hero.lasting.title" defaultMessage="Sustainable over time" />
            </Title>
            <Text size="sm">
              <FormattedMessage
                id="home.hero.lasting.text"
                defaultMessage="Organized around what business leaders care about most, what it takes for their companies to thrive, they last."
              />
            </Text>
          </div>
        </SimpleGrid>
        <Group gap="sm">
          <Button component={Link} to="/partnerships" size="md">
            <FormattedMessage {...words.findTitle} />
          </Button>
          <Button component={Link} to="/signin" variant="default" size="md">
            <FormattedMessage id="home.hero.signIn" defaultMessage="Sign in" />
          </Button>
        </Group>
      </Stack>
    </section>
  );
}

function WaysIn() {
  const intl = useIntl();
  return (
    <section aria-labelledby="ways-heading">
      <Title order={2} fz="lg" id="ways-heading" mb="sm">
        <FormattedMessage id="home.ways.title" defaultMessage="Ways in" />
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" component="ul" className="plain-list">
        {ways.map((w) => (
          <Card component="li" key={w.to} withBorder padding="md">
            <Stack gap={6}>
              <Anchor component={Link} to={w.to} fw={700}>
                {intl.formatMessage(w.title)}
              </Anchor>
              <Text size="sm">{intl.formatMessage(w.text)}</Text>
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
  const intl = useIntl();
  usePageTitle(intl.formatMessage(me.data ? words.dashboardTitle : words.visitorTitle));
  // Neither the visitor's hero nor the dashboard until it is known who is here: no flash of the other.
  if (me.isPending) return <PageSkeleton label={intl.formatMessage(words.loading)} />;
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
