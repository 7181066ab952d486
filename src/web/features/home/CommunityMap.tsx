import { lazy, Suspense, useMemo } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Anchor, Group, Skeleton, Text, Title } from "@mantine/core";
import { Link, useNavigate } from "react-router";
import { stateByAbbr } from "../../../core/geography.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { usePartnershipMap } from "../directory/api.js";
import type { DirectoryFilters } from "../directory/filters.js";

// The map and its shapes load only when the home page shows it: the first page stays light.
const UsMap = lazy(() => import("../directory/map/UsMap.js"));

/** The whole country, unfiltered: the same query (and cache) as the directory with no filter. */
const everywhere: DirectoryFilters = {
  q: "",
  naics: "",
  state: "",
  county: "",
  stage: "",
  setting: "",
  sort: "name",
  page: 1,
};
const noCounties = new Map<string, number>();

/** The community on a map: partnerships per state; a state opens the directory filtered to it. */
export function CommunityMap() {
  const map = usePartnershipMap(everywhere);
  const navigate = useNavigate();
  const intl = useIntl();
  const byState = intl.formatMessage({ id: "home.map.byState", defaultMessage: "Partnerships by state" });
  const stateCounts = useMemo(
    () => new Map((map.data?.states ?? []).map((s) => [s.fips, s.count])),
    [map.data],
  );
  const withPartnerships = (map.data?.states ?? [])
    .filter((s) => s.count > 0)
    .map((s) => ({ ...s, name: stateByAbbr(s.abbr)?.name ?? s.abbr }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  return (
    <section aria-labelledby="home-map-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="home-map-heading">
          <FormattedMessage id="home.map.title" defaultMessage="Where partnerships work" />
        </Title>
        <Anchor component={Link} to="/partnerships" size="sm">
          <FormattedMessage id="home.map.directory" defaultMessage="Open the directory" />
        </Anchor>
      </Group>
      {map.isError ? (
        <ErrorAlert
          error={map.error}
          title={intl.formatMessage({ id: "home.map.error", defaultMessage: "The map could not be loaded" })}
          onRetry={() => void map.refetch()}
        />
      ) : (
        <>
          <Suspense
            fallback={
              <Skeleton
                className="map-skeleton"
                radius="lg"
                role="status"
                aria-label={intl.formatMessage({ id: "home.map.loading", defaultMessage: "Loading the map" })}
              />
            }
          >
            <UsMap
              stateCounts={stateCounts}
              countyCounts={noCounties}
              selected=""
              onSelect={(abbr) => abbr && void navigate(`/partnerships?state=${abbr}`)}
            />
          </Suspense>
          {withPartnerships.length > 0 && (
            <nav aria-label={byState}>
              <Text size="xs" c="dimmed" mt="sm" mb={4}>
                {byState}
              </Text>
              <Group gap="xs" component="ul" className="plain-list">
                {withPartnerships.map((s) => (
                  <li key={s.abbr}>
                    <Anchor component={Link} to={`/partnerships?state=${s.abbr}`} size="sm">
                      {s.name}&nbsp;({s.count})
                    </Anchor>
                  </li>
                ))}
              </Group>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
