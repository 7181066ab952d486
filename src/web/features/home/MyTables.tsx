import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
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
          Your partnerships
        </Title>
        <Anchor component={Link} to="/me" size="sm">
          All your partnerships
        </Anchor>
      </Group>
      {partnerships.length === 0 ? (
        <Text c="dimmed">
          You are not at any table yet.{" "}
          <Anchor component={Link} to="/partnerships">
            Find a partnership
          </Anchor>{" "}
          in your industry and region, or{" "}
          <Anchor component={Link} to="/partnerships/new">
            start one
          </Anchor>
          .
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
