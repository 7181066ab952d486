import { Group, Stack, Text, Title } from "@mantine/core";
import type { PartnershipDetail } from "../../../core/partnerships.js";

type Props = Pick<PartnershipDetail, "states" | "counties">;

/** Counties grouped under their state. */
export function RegionList({ states, counties }: Props) {
  const groups = states
    .map((s) => ({
      state: s,
      counties: counties
        .filter((c) => c.state === s.abbr || c.fips.startsWith(s.fips))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .filter((g) => g.counties.length > 0);

  return (
    <Stack gap="md">
      {groups.map((g) => (
        <div key={g.state.fips} data-testid={`region-${g.state.abbr}`}>
          <Title order={3} fz="md" mb={6}>
            {g.state.name}
          </Title>
          <Group gap={6} component="ul" className="plain-list">
            {g.counties.map((c) => (
              <Text component="li" key={c.fips} size="sm" className="county-chip">
                {c.name}
              </Text>
            ))}
          </Group>
        </div>
      ))}
    </Stack>
  );
}
