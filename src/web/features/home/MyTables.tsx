import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { FormattedMessage } from "react-intl";
import { Link } from "react-router";
import { roleLabels, type Role } from "../../../core/vocabulary.js";

/** The partnerships the signed-in person sits at, with the workspace pages they use most. */
export function MyTables({
  partnerships,
}: {
  partnerships: { id: string; slug: string; name: string; role: string }[];
}) {
  return (
    <section aria-labelledby="mine-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="mine-heading">
          <FormattedMessage id="home.tables.title" defaultMessage="Your partnerships" />
        </Title>
        <Anchor component={Link} to="/me" size="sm">
          <FormattedMessage id="home.tables.all" defaultMessage="All your partnerships" />
        </Anchor>
      </Group>
      {partnerships.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage
            id="home.tables.none"
            defaultMessage="You are not at any table yet. <find>Find a partnership</find> in your industry and region, or <start>start one</start>."
            values={{
              find: (chunks) => (
                <Anchor component={Link} to="/partnerships">
                  {chunks}
                </Anchor>
              ),
              start: (chunks) => (
                <Anchor component={Link} to="/partnerships/new">
                  {chunks}
                </Anchor>
              ),
            }}
          />
        </Text>
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
                    <FormattedMessage id="home.tables.actionPlan" defaultMessage="Action plan" />
                  </Anchor>
                  <Anchor component={Link} to={`/p/${p.slug}/checklist`} size="sm">
                    <FormattedMessage id="home.tables.checklist" defaultMessage="Checklist" />
                  </Anchor>
                  <Anchor component={Link} to={`/p/${p.slug}/meetings`} size="sm">
                    <FormattedMessage id="home.tables.meetings" defaultMessage="Meetings" />
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
