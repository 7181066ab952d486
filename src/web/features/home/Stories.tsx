import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { FormattedMessage } from "react-intl";
import { Link } from "react-router";
import { impactAreaLabels, type ImpactArea } from "../../../core/impact.js";
import { useCommunityStories } from "./api.js";
import { formatDate } from "../../lib/format.js";

/** The newest public impact stories. */
export function Stories() {
  const stories = useCommunityStories();
  if (!stories.data?.items.length) return null;
  return (
    <section aria-labelledby="stories-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="stories-heading">
          <FormattedMessage id="home.stories.title" defaultMessage="Recent impact stories" />
        </Title>
        <Anchor component={Link} to="/results" size="sm">
          <FormattedMessage id="home.stories.results" defaultMessage="Results across the community" />
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" component="ul" className="plain-list">
        {stories.data.items.map((s) => (
          <Card component="li" key={s.id} withBorder padding="md">
            <Stack gap={6}>
              <Text size="xs" c="dimmed">
                {impactAreaLabels[s.area as ImpactArea] ?? s.area} · {formatDate(s.date)}
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
