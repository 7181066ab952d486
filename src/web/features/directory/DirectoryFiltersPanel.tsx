import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { usStates } from "../../../core/geography.js";
import { settingLabels, settings, stageLabels, stages } from "../../../core/vocabulary.js";
import { useCountiesOfState, useNaicsSectors } from "../reference/api.js";
import type { DirectoryFilters } from "./filters.js";
import { FormattedMessage, useIntl } from "react-intl";

interface Props {
  filters: DirectoryFilters;
  activeCount: number;
  onChange: (changes: Partial<Record<keyof DirectoryFilters, string | null>>) => void;
  onClear: () => void;
}

const stateOptions = usStates.map((s) => ({ value: s.abbr, label: s.name }));

/** A value from the URL that is not in the list (e.g. a comma list) shows as "none chosen". */
function known(value: string, options: { value: string }[]): string | null {
  return options.some((o) => o.value === value) ? value : null;
}

export function DirectoryFiltersPanel({ filters, activeCount, onChange, onClear }: Props) {
  const intl = useIntl();
  // Made on each render: the vocabularies read in the reader's current language.
  const stageOptions = stages.map((s) => ({ value: s, label: stageLabels[s] }));
  const settingOptions = settings.map((s) => ({ value: s, label: settingLabels[s] }));
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
          <FormattedMessage id="directory.filters.heading" defaultMessage="Filters" />
        </Text>
        {activeCount > 0 && (
          <Button variant="subtle" size="compact-sm" onClick={onClear}>
            <FormattedMessage
              id="directory.filters.clearAll"
              defaultMessage="Clear all ({count, number})"
              values={{ count: activeCount }}
            />
          </Button>
        )}
      </Group>
      <Select
        label={intl.formatMessage({ id: "directory.filters.industry", defaultMessage: "Industry" })}
        placeholder={
          sectors.isPending
            ? intl.formatMessage({
                id: "directory.filters.loadingSectors",
                defaultMessage: "Loading sectors…",
              })
            : intl.formatMessage({ id: "directory.filters.allIndustries", defaultMessage: "All industries" })
        }
        data={sectorOptions}
        value={sectors.data ? known(filters.naics, sectorOptions) : null}
        onChange={(v) => onChange({ naics: v })}
        searchable
        clearable
        nothingFoundMessage={intl.formatMessage({
          id: "directory.filters.noSector",
          defaultMessage: "No sector matches",
        })}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label={intl.formatMessage({ id: "directory.filters.state", defaultMessage: "State" })}
        placeholder={intl.formatMessage({ id: "directory.filters.allStates", defaultMessage: "All states" })}
        data={stateOptions}
        value={known(filters.state, stateOptions)}
        onChange={(v) => onChange({ state: v, county: null })}
        searchable
        clearable
        nothingFoundMessage={intl.formatMessage({
          id: "directory.filters.noState",
          defaultMessage: "No state matches",
        })}
      />
      <Select
        label={intl.formatMessage({ id: "directory.filters.county", defaultMessage: "County" })}
        placeholder={
          filters.state
            ? intl.formatMessage({ id: "directory.filters.allCounties", defaultMessage: "All counties" })
            : intl.formatMessage({
                id: "directory.filters.stateFirst",
                defaultMessage: "Choose a state first",
              })
        }
        description={
          filters.state
            ? undefined
            : intl.formatMessage({
                id: "directory.filters.countiesHelp",
                defaultMessage: "Counties are listed once a state is chosen.",
              })
        }
        data={countyOptions}
        value={counties.data ? known(filters.county, countyOptions) : null}
        onChange={(v) => onChange({ county: v })}
        disabled={!filters.state}
        searchable
        clearable
        nothingFoundMessage={intl.formatMessage({
          id: "directory.filters.noCounty",
          defaultMessage: "No county matches",
        })}
      />
      <Select
        label={intl.formatMessage({ id: "directory.filters.stage", defaultMessage: "Stage" })}
        placeholder={intl.formatMessage({ id: "directory.filters.anyStage", defaultMessage: "Any stage" })}
        data={stageOptions}
        value={known(filters.stage, stageOptions)}
        onChange={(v) => onChange({ stage: v })}
        clearable
      />
      <Select
        label={intl.formatMessage({ id: "directory.filters.setting", defaultMessage: "Setting" })}
        placeholder={intl.formatMessage({
          id: "directory.filters.metroOrRural",
          defaultMessage: "Metro or rural",
        })}
        data={settingOptions}
        value={known(filters.setting, settingOptions)}
        onChange={(v) => onChange({ setting: v })}
        clearable
      />
    </Stack>
  );
}
