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
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";

function resultSummary(total: number, state: string, intl: IntlShape): string {
  const name = state ? stateByAbbr(state)?.name : undefined;
  return intl.formatMessage(
    {
      id: "directory.results.count",
      defaultMessage:
        "{total, plural, one {# partnership} other {# partnerships}}{inState, select, yes { in {state}} other {}}",
    },
    { total, inState: name ? "yes" : "no", state: name ?? "" },
  );
}

export function DirectoryPage() {
  const intl = useIntl();
  usePageTitle(
    intl.formatMessage({ id: "directory.pageTitle", defaultMessage: "Directory of sector partnerships" }),
  );
  const { filters, update, clear, activeCount } = useDirectoryFilters();
  const list = usePartnershipList(filters);
  const map = usePartnershipMap(filters);

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Stack gap={6} maw={720}>
          <Text fw={700} c="table.8" tt="uppercase" fz="xs" lts={1}>
            <FormattedMessage id="directory.eyebrow" defaultMessage="Next Generation Sector Partnerships" />
          </Text>
          <Title order={1} fz={{ base: 28, sm: 36 }} lh={1.15}>
            <FormattedMessage id="directory.title" defaultMessage="Find a sector partnership near you" />
          </Title>
          <Text c="dimmed" size="lg">
            <FormattedMessage
              id="directory.intro"
              defaultMessage="Businesses from one industry in one region, working together with workforce, education and economic development partners. Search by industry and place."
            />
          </Text>
          <Text size="sm">
            <FormattedMessage
              id="directory.regionEconomyLink"
              defaultMessage="Choosing an industry? <link>Explore a region''s economy</link>: jobs, pay and concentration from BLS data."
              values={{
                link: (chunks) => (
                  <Anchor component={Link} to="/regions/economy" underline="always">
                    {chunks}
                  </Anchor>
                ),
              }}
            />
          </Text>
        </Stack>
        <Button component={Link} to="/partnerships/new" size="md">
          <FormattedMessage id="directory.startPartnership" defaultMessage="Start a partnership" />
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
                <FormattedMessage id="directory.map.heading" defaultMessage="Where partnerships work" />
              </Title>
              {filters.state && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  onClick={() => update({ state: null, county: null })}
                >
                  <FormattedMessage id="directory.map.showAllStates" defaultMessage="Show all states" />
                </Button>
              )}
            </Group>
            {map.isError ? (
              <ErrorAlert
                error={map.error}
                title={intl.formatMessage({
                  id: "directory.map.loadFailed",
                  defaultMessage: "The map could not be loaded",
                })}
              />
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
              <FormattedMessage id="directory.results.heading" defaultMessage="Partnerships" />
            </Title>
            <Text c="dimmed" size="sm" aria-live="polite" data-testid="result-count">
              {list.data && !list.isPlaceholderData
                ? resultSummary(list.data.total, filters.state, intl)
                : intl.formatMessage({ id: "directory.results.searching", defaultMessage: "Searching…" })}
            </Text>
          </Stack>
          <Select
            label={intl.formatMessage({ id: "directory.sort.label", defaultMessage: "Sort by" })}
            data={sortOptions(filters.q !== "", intl)}
            value={filters.sort}
            onChange={(v) => update({ sort: v })}
            allowDeselect={false}
            w={220}
          />
        </Group>
        {list.isError ? (
          <ErrorAlert
            error={list.error}
            title={intl.formatMessage({
              id: "directory.results.loadFailed",
              defaultMessage: "The directory could not be loaded",
            })}
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
