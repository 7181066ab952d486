import { Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { PartnershipListItem } from "../../../core/partnerships.js";
import { stateByAbbr } from "../../../core/geography.js";
import { settingLabels, stageLabels } from "../../../core/vocabulary.js";
import { plural } from "../../lib/format.js";
import { noun } from "../../../core/format.js";

export function PartnershipCard({ item }: { item: PartnershipListItem }) {
  const stateNames = item.states.map((s) => stateByAbbr(s)?.name ?? s);
  return (
    <Card component="article" className="card-link" pos="relative" h="100%">
      <Stack gap="sm" h="100%">
        <Group gap={6}>
          <Badge variant="light" color="table" radius="sm" tt="none">
            {stageLabels[item.stage]}
          </Badge>
          <Badge variant="outline" color="gray" radius="sm" c="gray.8" tt="none">
            {settingLabels[item.setting]}
          </Badge>
        </Group>
        <Title order={3} fz="lg" lh={1.3}>
          <Link to={`/p/${item.slug}`} className="stretched-link card-title-link">
            {item.name}
          </Link>
        </Title>
        <Text size="sm" c="gray.8" fw={600}>
          {item.industry || "Industry not set"}
          {item.naics.length > 1 && (
            <Text span c="dimmed" fw={400}>
              {" "}
              + {item.naics.length - 1} more
            </Text>
          )}
        </Text>
        <Text size="sm" c="dimmed">
          {stateNames.length ? stateNames.join(", ") : "Region not set"}
          {item.counties.length > 0 && ` · ${plural(item.counties.length, "county", "counties")}`}
        </Text>
        <Group gap="lg" mt="auto" pt="xs" className="card-stats">
          <Text size="sm">
            <Text span fw={800} c="table.8">
              {item.businessCount}
            </Text>{" "}
            {noun(item.businessCount, "business", "businesses")}
          </Text>
          <Text size="sm">
            <Text span fw={800} c="table.8">
              {item.publicCount}
            </Text>{" "}
            public {noun(item.publicCount, "partner")}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
