import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { usStates } from "../../../core/geography.js";
import { settingLabels, settings, stageLabels, stages } from "../../../core/vocabulary.js";
import { useCountiesOfState, useNaicsSectors } from "../reference/api.js";
import type { DirectoryFilters } from "./filters.js";

interface Props {
  filters: DirectoryFilters;
  activeCount: number;
  onChange: (changes: Partial<Record<keyof DirectoryFilters, string | null>>) => void;
  onClear: () => void;
}

const stateOptions = usStates.map((s) => ({ value: s.abbr, label: s.name }));
const stageOptions = stages.map((s) => ({ value: s, label: stageLabels[s] }));
const settingOptions = settings.map((s) => ({ value: s, label: settingLabels[s] }));

/** A value from the URL that is not in the list (e.g. a comma list) shows as "none chosen". */
function known(value: string, options: { value: string }[]): string | null {
  return options.some((o) => o.value === value) ? value : null;
}

export function DirectoryFiltersPanel({ filters, activeCount, onChange, onClear }: Props) {
  const sectors = useNaicsSectors();
  const counties = useCountiesOfState(known(filters.state, stateOptions));
  const sectorOptions = (sectors.data ?? []).map((s) => ({
    value: s.code,
    label: `${s.title} (${s.code})`,
  }));
  const countyOptions = (counties.data ?? []).map((c) => ({ value: c.fips, label: c.name }));

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Text fw={700} component="h2" fz="lg" m={0}>
          Filters
        </Text>
        {activeCount > 0 && (
          <Button variant="subtle" size="compact-sm" onClick={onClear}>
            Clear all ({activeCount})
          </Button>
        )}
      </Group>
      <Select
        label="Industry"
        placeholder={sectors.isPending ? "Loading sectors…" : "All industries"}
        data={sectorOptions}
        value={sectors.data ? known(filters.naics, sectorOptions) : null}
        onChange={(v) => onChange({ naics: v })}
        searchable
        clearable
        nothingFoundMessage="No sector matches"
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label="State"
        placeholder="All states"
        data={stateOptions}
        value={known(filters.state, stateOptions)}
        onChange={(v) => onChange({ state: v, county: null })}
        searchable
        clearable
        nothingFoundMessage="No state matches"
      />
      <Select
        label="County"
        placeholder={filters.state ? "All counties" : "Choose a state first"}
        description={filters.state ? undefined : "Counties are listed once a state is chosen."}
        data={countyOptions}
        value={counties.data ? known(filters.county, countyOptions) : null}
        onChange={(v) => onChange({ county: v })}
        disabled={!filters.state}
        searchable
        clearable
        nothingFoundMessage="No county matches"
      />
      <Select
        label="Stage"
        placeholder="Any stage"
        data={stageOptions}
        value={known(filters.stage, stageOptions)}
        onChange={(v) => onChange({ stage: v })}
        clearable
      />
      <Select
        label="Setting"
        placeholder="Metro or rural"
        data={settingOptions}
        value={known(filters.setting, settingOptions)}
        onChange={(v) => onChange({ setting: v })}
        clearable
      />
    </Stack>
  );
}
