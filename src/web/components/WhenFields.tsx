import { useMemo } from "react";
import { Select, SimpleGrid, TextInput, type ComboboxItem, type OptionsFilter } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import { useIntl } from "react-intl";
import { searchTimeZones, timeZoneLabel, type TimeZoneChoice } from "../../core/time-zone-choices.js";

/** Options shown at once: a search reaches every zone, the list need not hold hundreds. */
const SHOWN = 60;
const labels = new Map<string, string>();
/** The name and offset of a zone of the wider world, asked of Intl only when its option is on screen. */
function fullLabel(choice: TimeZoneChoice): string {
  if (!choice.plain) return choice.label;
  const key = `${choice.value}|${Math.floor(Date.now() / 3_600_000)}`;
  let label = labels.get(key);
  if (!label) {
    label = timeZoneLabel(choice.value, new Date());
    labels.set(key, label);
  }
  return label;
}

/**
 * When something happens: start and end as wall times, and the IANA zone they are read in, picked
 * by the names people use ("Eastern", "Denver", "Ohio"). One component for meetings and events,
 * so both read and check times the same way.
 */
export function WhenFields({
  starts,
  ends,
  timeZone,
  zoneOptions,
  endRequired = false,
  columns = 3,
  zoneDescription,
}: {
  starts: GetInputPropsReturnType;
  ends: GetInputPropsReturnType;
  timeZone: GetInputPropsReturnType;
  /** The zones offered, the current one first (see `timeZoneOptions`). */
  zoneOptions: readonly TimeZoneChoice[];
  endRequired?: boolean;
  /** 3 side by side from small screens up; 1 stacks them (narrow forms). */
  columns?: 1 | 3;
  zoneDescription?: string;
}) {
  const intl = useIntl();
  const { data, filter, byValue } = useMemo(() => {
    const byValue = new Map(zoneOptions.map((c) => [c.value, c]));
    const search: OptionsFilter = ({ options, search: typed, limit }) => {
      const choices = options.flatMap((o) => {
        const c = "value" in o ? byValue.get(o.value) : undefined;
        return c ? [c] : [];
      });
      return searchTimeZones(choices, typed)
        .slice(0, limit)
        .map((c): ComboboxItem => ({ value: c.value, label: c.label }));
    };
    return { data: zoneOptions.map((c) => ({ value: c.value, label: c.label })), filter: search, byValue };
  }, [zoneOptions]);

  return (
    <SimpleGrid cols={columns === 1 ? 1 : { base: 1, sm: 3 }}>
      <TextInput
        type="datetime-local"
        label={intl.formatMessage({ id: "common.when.starts", defaultMessage: "Starts" })}
        required
        {...starts}
      />
      <TextInput
        type="datetime-local"
        label={intl.formatMessage({ id: "common.when.ends", defaultMessage: "Ends" })}
        required={endRequired}
        {...ends}
      />
      <Select
        label={intl.formatMessage({ id: "common.when.timeZone", defaultMessage: "Time zone" })}
        description={
          zoneDescription ??
          intl.formatMessage({
            id: "common.when.zoneDescription",
            defaultMessage: "Times are read in this zone",
          })
        }
        placeholder={intl.formatMessage({
          id: "common.when.zonePlaceholder",
          defaultMessage: "Type Eastern, Denver, Ohio…",
        })}
        data={data}
        filter={filter}
        limit={SHOWN}
        // The list itself scrolls (not a wrapper): it is the combobox's popup, which the keyboard
        // moves through from the input (axe: scrollable-region-focusable).
        withScrollArea={false}
        styles={{ options: { maxHeight: 280, overflowY: "auto" } }}
        renderOption={({ option }) => {
          const c = byValue.get(String(option.value));
          return c ? fullLabel(c) : option.label;
        }}
        nothingFoundMessage={intl.formatMessage({
          id: "common.when.noZone",
          defaultMessage: "No zone by that name: try a city, a state or a time such as Central",
        })}
        searchable
        allowDeselect={false}
        required
        {...timeZone}
      />
    </SimpleGrid>
  );
}
