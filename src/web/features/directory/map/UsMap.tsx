import { useEffect, useMemo, useState, type KeyboardEvent } from "react";
import { Alert, Box, Group, Skeleton, Text } from "@mantine/core";
import { stateByFips } from "../../../../core/geography.js";
import { loadCounties, loadStates, mapHeight, mapWidth, type Shape } from "./geo.js";
import { bucketColors, bucketOf, legend } from "./scale.js";
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";

export interface UsMapProps {
  /** Partnerships per state, by two-digit FIPS. */
  stateCounts: ReadonlyMap<string, number>;
  /** Partnerships per county, by five-digit FIPS. */
  countyCounts: ReadonlyMap<string, number>;
  /** The chosen state (abbreviation) or "". */
  selected: string;
  onSelect: (abbr: string | null) => void;
}

function useShapes(load: () => Promise<Shape[]>, enabled: boolean) {
  const [shapes, setShapes] = useState<Shape[] | null>(null);
  // Whether the shapes failed to load; the page says so in the reader's words.
  const [error, setError] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    load().then(
      (s) => live && setShapes(s),
      () => live && setError(true),
    );
    return () => {
      live = false;
    };
  }, [load, enabled]);
  return { shapes, error };
}

function describe(name: string, count: number, intl: IntlShape): string {
  return intl.formatMessage(
    {
      id: "directory.map.stateLabel",
      defaultMessage: "{name}: {count, plural, one {# partnership} other {# partnerships}}",
    },
    { name, count },
  );
}

export default function UsMap({ stateCounts, countyCounts, selected, onSelect }: UsMapProps) {
  const intl = useIntl();
  const states = useShapes(loadStates, true);
  const counties = useShapes(loadCounties, countyCounts.size > 0);

  const max = useMemo(() => Math.max(0, ...stateCounts.values()), [stateCounts]);
  const highlighted = useMemo(
    () => (counties.shapes ?? []).filter((c) => (countyCounts.get(c.id) ?? 0) > 0),
    [counties.shapes, countyCounts],
  );

  if (states.error) {
    return (
      <Alert
        color="red"
        variant="light"
        title={intl.formatMessage({
          id: "directory.map.notShown",
          defaultMessage: "The map could not be shown",
        })}
      >
        <FormattedMessage
          id="directory.map.notShownText"
          defaultMessage="Could not load the map. The list of partnerships still works."
        />
      </Alert>
    );
  }
  if (!states.shapes) {
    return (
      <Skeleton
        className="map-skeleton"
        radius="lg"
        role="status"
        aria-label={intl.formatMessage({ id: "directory.map.loading", defaultMessage: "Loading the map" })}
      />
    );
  }

  const toggle = (abbr: string) => onSelect(selected === abbr ? null : abbr);
  const onKey = (e: KeyboardEvent<SVGPathElement>, abbr: string) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      toggle(abbr);
    }
  };

  // Alphabetical, so that Tab moves through the states in an order people can predict.
  const ordered = [...states.shapes].sort((a, b) =>
    (stateByFips(a.id)?.name ?? "").localeCompare(stateByFips(b.id)?.name ?? ""),
  );
  const selectedShape = states.shapes.find((s) => stateByFips(s.id)?.abbr === selected);

  return (
    <Box>
      <svg
        className="us-map"
        viewBox={`0 0 ${mapWidth} ${mapHeight}`}
        role="group"
        aria-label={intl.formatMessage({
          id: "directory.map.label",
          defaultMessage:
            "Map of the United States: partnerships by state. Choose a state to filter the directory.",
        })}
      >
        <g>
          {ordered.map((s) => {
            const st = stateByFips(s.id);
            if (!st) return null;
            const count = stateCounts.get(s.id) ?? 0;
            const label = describe(st.name, count, intl);
            const isSelected = selected === st.abbr;
            return (
              <path
                key={s.id}
                d={s.d}
                className="state"
                data-state={st.abbr}
                fill={bucketColors[bucketOf(count, max)]}
                role="button"
                tabIndex={count > 0 || isSelected ? 0 : -1}
                aria-label={label}
                aria-pressed={isSelected}
                onClick={() => toggle(st.abbr)}
                onKeyDown={(e) => onKey(e, st.abbr)}
              >
                <title>{label}</title>
              </path>
            );
          })}
        </g>
        <g aria-hidden="true">
          {highlighted.map((c) => (
            <path key={c.id} d={c.d} className="county" />
          ))}
          {selectedShape && <path d={selectedShape.d} className="state-outline" />}
        </g>
      </svg>
      <Group gap="md" mt="xs" justify="space-between" wrap="wrap">
        <Group
          gap={6}
          wrap="wrap"
          aria-label={intl.formatMessage({
            id: "directory.map.legendLabel",
            defaultMessage: "Legend: partnerships per state",
          })}
          role="list"
        >
          {legend(max, intl.formatMessage({ id: "directory.map.legendNone", defaultMessage: "None" })).map(
            (l) => (
              <Group key={l.label} gap={4} wrap="nowrap" role="listitem">
                <span className="legend-swatch" style={{ background: l.color }} aria-hidden="true" />
                <Text size="xs" c="dimmed">
                  {l.label}
                </Text>
              </Group>
            ),
          )}
        </Group>
        {countyCounts.size > 0 && (
          <Group gap={6} wrap="nowrap">
            <span className="legend-swatch legend-county" aria-hidden="true" />
            <Text size="xs" c="dimmed">
              <FormattedMessage
                id="directory.map.countiesLegend"
                defaultMessage="Counties with a partnership"
              />
            </Text>
          </Group>
        )}
      </Group>
    </Box>
  );
}
