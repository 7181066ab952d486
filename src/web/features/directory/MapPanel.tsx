import { lazy, Suspense, useMemo } from "react";
import { Button, Group, Skeleton, Text, VisuallyHidden } from "@mantine/core";
import { stateByAbbr } from "../../../core/geography.js";
import type { MapCounts } from "./api.js";
import { FormattedMessage, useIntl } from "react-intl";

const UsMap = lazy(() => import("./map/UsMap.js"));

interface Props {
  data: MapCounts | undefined;
  selected: string;
  onSelect: (abbr: string | null) => void;
}

export function MapPanel({ data, selected, onSelect }: Props) {
  const intl = useIntl();
  const stateCounts = useMemo(() => new Map((data?.states ?? []).map((s) => [s.fips, s.count])), [data]);
  const countyCounts = useMemo(
    () => new Map((data?.counties ?? []).filter((c) => c.count > 0).map((c) => [c.fips, c.count])),
    [data],
  );
  const withPartnerships = (data?.states ?? [])
    .filter((s) => s.count > 0)
    .map((s) => ({ ...s, name: stateByAbbr(s.abbr)?.name ?? s.abbr }))
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <div>
      <Suspense fallback={<Skeleton className="map-skeleton" radius="lg" />}>
        <UsMap
          stateCounts={stateCounts}
          countyCounts={countyCounts}
          selected={selected}
          onSelect={onSelect}
        />
      </Suspense>
      {withPartnerships.length > 0 && (
        <nav
          aria-label={intl.formatMessage({
            id: "directory.map.statesWithPartnerships",
            defaultMessage: "States with partnerships",
          })}
        >
          <Text size="xs" c="dimmed" mt="sm" mb={4}>
            <FormattedMessage
              id="directory.map.statesWithPartnerships"
              defaultMessage="States with partnerships"
            />
          </Text>
          <Group gap={6}>
            {withPartnerships.map((s) => (
              <Button
                key={s.abbr}
                size="compact-xs"
                radius="xl"
                variant={selected === s.abbr ? "filled" : "default"}
                aria-pressed={selected === s.abbr}
                onClick={() => onSelect(selected === s.abbr ? null : s.abbr)}
              >
                {s.name}&nbsp;·&nbsp;{s.count}
                <VisuallyHidden>
                  <FormattedMessage
                    id="directory.map.partnershipsHidden"
                    defaultMessage=" {count, plural, one {partnership} other {partnerships}}"
                    values={{ count: s.count }}
                  />
                </VisuallyHidden>
              </Button>
            ))}
          </Group>
        </nav>
      )}
    </div>
  );
}
