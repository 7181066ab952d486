import { useEffect, useMemo, useState } from "react";
import { Fieldset, Group, MultiSelect, Pill, Select, Stack, Text } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { stateByFips, usStates } from "../../../core/geography.js";
import { limits } from "../../../core/limits.js";
import { useCountiesByFips, useCountiesOfState } from "../reference/api.js";

interface Props {
  value: string[];
  onChange: (value: string[]) => void;
  error?: React.ReactNode;
}

const stateOptions = usStates.map((s) => ({ value: s.abbr, label: s.name }));

/**
 * The region is a set of counties that may cross state lines: choose a state, pick its counties,
 * then choose another state; counties already picked in other states are kept.
 */
export function RegionPicker({ value, onChange, error }: Props) {
  const intl = useIntl();
  const firstState = value[0] ? (stateByFips(value[0].slice(0, 2))?.abbr ?? null) : null;
  const [state, setState] = useState<string | null>(firstState);
  // The edit form receives its counties after the first render: start in their state.
  useEffect(() => {
    if (state === null && firstState) setState(firstState);
  }, [state, firstState]);
  const stateInfo = usStates.find((s) => s.abbr === state);
  const counties = useCountiesOfState(state);
  const chosen = useCountiesByFips(value);
  const [names, setNames] = useState<Record<string, string>>({});

  const nameOf = useMemo(() => {
    const m: Record<string, string> = { ...names };
    for (const c of chosen.data ?? []) m[c.fips] = c.name;
    for (const c of counties.data ?? []) m[c.fips] ??= c.name;
    return m;
  }, [names, chosen.data, counties.data]);

  const inState = stateInfo ? value.filter((f) => f.startsWith(stateInfo.fips)) : [];
  const options = (counties.data ?? []).map((c) => ({ value: c.fips, label: c.name }));

  const groups = useMemo(() => {
    const byState = new Map<string, string[]>();
    for (const f of value) {
      const s = f.slice(0, 2);
      byState.set(s, [...(byState.get(s) ?? []), f]);
    }
    return [...byState].map(([fips, list]) => ({
      state: stateByFips(fips),
      fips,
      counties: [...list].sort((a, b) => (nameOf[a] ?? a).localeCompare(nameOf[b] ?? b)),
    }));
  }, [value, nameOf]);

  const remove = (fips: string) => onChange(value.filter((f) => f !== fips));

  return (
    <Fieldset
      legend={
        <Text fw={600} size="sm">
          <FormattedMessage id="partnerships.regionPicker.legend" defaultMessage="Region" />
        </Text>
      }
      variant="unstyled"
      p={0}
    >
      <Text size="sm" c="dimmed" mb="sm">
        <FormattedMessage
          id="partnerships.regionPicker.help"
          defaultMessage="The counties of the shared labor market. A region may cross state lines: choose a state, pick its counties, then choose another state to add more."
        />
      </Text>
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap" gap="sm">
          <Select
            label={intl.formatMessage({
              id: "partnerships.regionPicker.stateLabel",
              defaultMessage: "State",
            })}
            placeholder={intl.formatMessage({
              id: "partnerships.regionPicker.statePlaceholder",
              defaultMessage: "Choose a state",
            })}
            data={stateOptions}
            value={state}
            onChange={setState}
            searchable
            nothingFoundMessage={intl.formatMessage({
              id: "partnerships.regionPicker.noState",
              defaultMessage: "No state matches",
            })}
            miw={200}
          />
          <MultiSelect
            label={
              stateInfo
                ? intl.formatMessage(
                    {
                      id: "partnerships.regionPicker.countiesInState",
                      defaultMessage: "Counties in {state}",
                    },
                    { state: stateInfo.name },
                  )
                : intl.formatMessage({
                    id: "partnerships.regionPicker.countiesLabel",
                    defaultMessage: "Counties",
                  })
            }
            placeholder={
              !stateInfo
                ? intl.formatMessage({
                    id: "partnerships.regionPicker.stateFirst",
                    defaultMessage: "Choose a state first",
                  })
                : counties.isPending
                  ? intl.formatMessage({
                      id: "partnerships.regionPicker.loading",
                      defaultMessage: "Loading…",
                    })
                  : intl.formatMessage({
                      id: "partnerships.regionPicker.pickCounties",
                      defaultMessage: "Pick counties",
                    })
            }
            withAsterisk
            disabled={!stateInfo}
            data={options}
            value={inState}
            onChange={(picked) => {
              const labels = Object.fromEntries(options.map((o) => [o.value, o.label]));
              setNames((n) => ({ ...n, ...labels }));
              const others = value.filter((f) => !stateInfo || !f.startsWith(stateInfo.fips));
              onChange([...others, ...picked]);
            }}
            searchable
            hidePickedOptions
            maxValues={limits.countiesPerPartnership}
            nothingFoundMessage={intl.formatMessage({
              id: "partnerships.regionPicker.noCounty",
              defaultMessage: "No county matches",
            })}
            error={error}
            miw={240}
          />
        </Group>
        {groups.length > 0 && (
          <div aria-live="polite">
            <Text size="sm" fw={600} mb={6}>
              <FormattedMessage
                id="partnerships.regionPicker.chosen"
                defaultMessage="Chosen: {count, plural, one {# county} other {# counties}}"
                values={{ count: value.length }}
              />
            </Text>
            <Stack gap="xs">
              {groups.map((g) => (
                <Group key={g.fips} gap={6} align="center" data-testid={`chosen-${g.state?.abbr ?? g.fips}`}>
                  <Text size="sm" fw={700} w={120}>
                    {g.state?.name ?? g.fips}
                  </Text>
                  {g.counties.map((f) => (
                    <Pill
                      key={f}
                      withRemoveButton
                      onRemove={() => remove(f)}
                      removeButtonProps={{
                        "aria-label": intl.formatMessage(
                          { id: "partnerships.regionPicker.remove", defaultMessage: "Remove {county}" },
                          { county: nameOf[f] ?? f },
                        ),
                      }}
                    >
                      {nameOf[f] ?? f}
                    </Pill>
                  ))}
                </Group>
              ))}
            </Stack>
          </div>
        )}
      </Stack>
    </Fieldset>
  );
}
