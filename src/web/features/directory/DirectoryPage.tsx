import { Anchor, Button, Card, Grid, Group, Select, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { stateByAbbr } from "../../../core/geography.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { usePartnershipList, usePartnershipMap } from "./api.js";
import { DirectoryFiltersPanel } from "./DirectoryFiltersPanel.js";
import { DirectoryResults } from "./DirectoryResults.js";
import { sortOptions, useDirectoryFilters } from "./filters.js";
import { MapPanel } from "./MapPanel.js";
import { SearchBox } from "./SearchBox.js";
import { formatCountOf } from "../../../core/format.js";

function resultSummary(total: number, state: string): string {
  const n = formatCountOf(total, "partnership");
  const name = state ? stateByAbbr(state)?.name : undefined;
  return name ? `${n} in ${name}` : n;
}

export function DirectoryPage() {
  usePageTitle("Directory of sector partnerships");
  const { filters, update, clear, activeCount } = useDirectoryFilters();
  const list = usePartnershipList(filters);
  const map = usePartnershipMap(filters);

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Stack gap={6} maw={720}>
          <Text fw={700} c="table.8" tt="uppercase" fz="xs" lts={1}>
            Next Generation Sector Partnerships
          </Text>
          <Title order={1} fz={{ base: 28, sm: 36 }} lh={1.15}>
            Find a sector partnership near you
          </Title>
          <Text c="dimmed" size="lg">
            Businesses from one industry in one region, working together with workforce, education and
            economic development partners. Search by industry and place.
          </Text>
          <Text size="sm">
            Choosing an industry?{" "}
            <Anchor component={Link} to="/regions/economy" underline="always">
              Explore a region's economy
            </Anchor>
            : jobs, pay and concentration from BLS data.
          </Text>
        </Stack>
        <Button component={Link} to="/partnerships/new" size="md">
          Start a partnership
        </Button>
      </Group>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card h="100%">
            <Stack gap="md">
              <SearchBox value={filters.q} onChange={(q) => update({ q })} />
              <DirectoryFiltersPanel
                filters={filters}
                activeCount={activeCount}
                onChange={update}
                onClear={clear}
              />
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card h="100%" component="section" aria-labelledby="map-heading">
            <Group justify="space-between" mb="xs">
              <Title order={2} fz="lg" id="map-heading">
                Where partnerships work
              </Title>
              {filters.state && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => update({ state: null, county: null })}
                >
                  Show all states
                </Button>
              )}
            </Group>
            {map.isError ? (
              <ErrorAlert error={map.error} title="The map could not be loaded" />
            ) : (
              <MapPanel
                data={map.data}
                selected={filters.state}
                onSelect={(abbr) => update({ state: abbr, county: null })}
              />
            )}
          </Card>
        </Grid.Col>
      </Grid>

      <section aria-labelledby="results-heading">
        <Group justify="space-between" align="flex-end" mb="md" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Title order={2} fz="xl" id="results-heading">
              Partnerships
            </Title>
            <Text c="dimmed" size="sm" aria-live="polite" data-testid="result-count">
              {list.data && !list.isPlaceholderData
                ? resultSummary(list.data.total, filters.state)
                : "Searching…"}
            </Text>
          </Stack>
          <Select
            label="Sort by"
            data={sortOptions(filters.q !== "")}
            value={filters.sort}
            onChange={(v) => update({ sort: v })}
            allowDeselect={false}
            w={220}
          />
        </Group>
        {list.isError ? (
          <ErrorAlert
            error={list.error}
            title="The directory could not be loaded"
            onRetry={() => void list.refetch()}
          />
        ) : (
          <DirectoryResults
            data={list.data}
            pending={list.isFetching}
            onPage={(page) => update({ page })}
            onClear={clear}
            filtered={activeCount > 0}
          />
        )}
      </section>
    </Stack>
  );
}
