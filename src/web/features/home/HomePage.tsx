import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { impactAreaLabels, type ImpactArea } from "../../../core/impact.js";
import { roleLabels, type Role } from "../../../core/vocabulary.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { useCommunityStats, useCommunityStories } from "./api.js";

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

function Numbers() {
  const stats = useCommunityStats();
  const items = [
    { label: "partnerships", value: stats.data?.partnerships },
    { label: "states", value: stats.data?.states },
    { label: "industries", value: stats.data?.industries },
    { label: "businesses at the table", value: stats.data?.businesses },
  ];
  return (
    <section aria-labelledby="numbers-heading">
      <Title order={2} fz="lg" id="numbers-heading" mb="sm">
        The community today
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" component="dl" m={0}>
        {items.map((i) => (
          <Card key={i.label} withBorder padding="md">
            <Text component="dd" m={0} fw={800} fz={32} lh={1.1} c="table.8">
              {i.value === undefined ? "…" : i.value.toLocaleString()}
            </Text>
            <Text component="dt" size="sm" c="dimmed">
              {i.label}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}

function Stories() {
  const stories = useCommunityStories();
  if (!stories.data?.items.length) return null;
  return (
    <section aria-labelledby="stories-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="stories-heading">
          Recent impact stories
        </Title>
        <Anchor component={Link} to="/results" size="sm">
          Results across the community
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" component="ul" className="plain-list">
        {stories.data.items.map((s) => (
          <Card component="li" key={s.id} withBorder padding="md">
            <Stack gap={6}>
              <Text size="xs" c="dimmed">
                {impactAreaLabels[s.area as ImpactArea] ?? s.area} ·{" "}
                {new Date(`${s.date}T12:00:00`).toLocaleDateString(undefined, { dateStyle: "medium" })}
              </Text>
              <Title order={3} fz="md">
                {s.title}
              </Title>
              <Text size="sm">{s.excerpt}</Text>
              <Anchor component={Link} to={`/p/${s.partnershipSlug}`} size="sm">
                {s.partnershipName}
              </Anchor>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}

function MyTables({
  partnerships,
}: {
  partnerships: { id: string; slug: string; name: string; role: string }[];
}) {
  return (
    <section aria-labelledby="mine-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="mine-heading">
          Your partnerships
        </Title>
        <Anchor component={Link} to="/me" size="sm">
          All your partnerships
        </Anchor>
      </Group>
      {partnerships.length === 0 ? (
        <Text c="dimmed">You are not at any table yet. Find a partnership below, or start one.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" className="plain-list">
          {partnerships.map((p) => (
            <Card component="li" key={p.id} withBorder padding="md">
              <Stack gap={6}>
                <Anchor component={Link} to={`/p/${p.slug}`} fw={700}>
                  {p.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {roleLabels[p.role as Role] ?? p.role}
                </Text>
                <Group gap="sm">
                  <Anchor component={Link} to={`/p/${p.slug}/agenda`} size="sm">
                    Action plan
                  </Anchor>
                  <Anchor component={Link} to={`/p/${p.slug}/checklist`} size="sm">
                    Checklist
                  </Anchor>
                  <Anchor component={Link} to={`/p/${p.slug}/meetings`} size="sm">
                    Meetings
                  </Anchor>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}

/** The front door: what Next Gen partnerships are, the community in numbers, and the ways in. */
export default function HomePage() {
  usePageTitle("Next Gen Sector Partnerships");
  const me = useMe();
  return (
    <Stack gap={40}>
      {me.data && <MyTables partnerships={me.data.partnerships} />}
      {/* Upcoming events and new discussion replies belong here, from the events and discussions
          features: <UpcomingEvents /> and <NewReplies /> (to be added by the lead at integration). */}
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
      <Numbers />
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
