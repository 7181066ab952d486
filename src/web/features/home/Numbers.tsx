import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import { useCommunityStats } from "./api.js";
import { formatCount } from "../../../core/format.js";

/** The community in four numbers. */
export function Numbers() {
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
      <SimpleGrid cols={{ base: 2, sm: 4, md: 2 }} spacing="md" component="dl" m={0}>
        {items.map((i) => (
          <Card key={i.label} withBorder padding="md">
            <Text component="dd" m={0} fw={800} fz={32} lh={1.1} c="table.8">
              {i.value === undefined ? "…" : formatCount(i.value)}
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
