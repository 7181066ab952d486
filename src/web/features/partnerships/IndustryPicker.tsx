import { useMemo, useState } from "react";
import { MultiSelect } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useIntl } from "react-intl";
import { limits } from "../../../core/limits.js";
import { useNaicsSearch, useNaicsTitles } from "../reference/api.js";

interface Props {
  value: string[];
  onChange: (value: string[]) => void;
  error?: React.ReactNode;
  onBlur?: () => void;
}

/** A searchable multi-select over NAICS codes; the search runs on the server. */
export function IndustryPicker({ value, onChange, error, onBlur }: Props) {
  const intl = useIntl();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const results = useNaicsSearch(debounced);
  const chosen = useNaicsTitles(value);
  const [titles, setTitles] = useState<Record<string, string>>({});

  const data = useMemo(() => {
    const known: Record<string, string> = { ...titles };
    for (const n of chosen.data ?? []) known[n.code] = n.title;
    const options = new Map<string, string>();
    for (const code of value) options.set(code, known[code] ?? code);
    for (const n of results.data ?? []) if (!options.has(n.code)) options.set(n.code, n.title);
    return [...options].map(([code, title]) => ({ value: code, label: `${code} · ${title}` }));
  }, [titles, chosen.data, results.data, value]);

  return (
    <MultiSelect
      label={intl.formatMessage({ id: "partnerships.industryPicker.label", defaultMessage: "Industry" })}
      description={intl.formatMessage({
        id: "partnerships.industryPicker.description",
        defaultMessage: "Search by name or NAICS code, e.g. “hospitals”, “manufacturing” or 3363.",
      })}
      placeholder={
        value.length
          ? intl.formatMessage({
              id: "partnerships.industryPicker.addAnother",
              defaultMessage: "Add another",
            })
          : intl.formatMessage({
              id: "partnerships.industryPicker.placeholder",
              defaultMessage: "Search industries",
            })
      }
      withAsterisk
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      onChange={(codes) => {
        const labels = Object.fromEntries(data.map((d) => [d.value, d.label.split(" · ")[1] ?? d.label]));
        setTitles((t) => ({ ...t, ...labels }));
        onChange(codes);
      }}
      onBlur={onBlur}
      filter={({ options }) => options}
      maxValues={limits.naicsPerPartnership}
      nothingFoundMessage={
        debounced.trim().length < 2
          ? intl.formatMessage({
              id: "partnerships.industryPicker.typeMore",
              defaultMessage: "Type at least two letters or digits",
            })
          : results.isFetching
            ? intl.formatMessage({
                id: "partnerships.industryPicker.searching",
                defaultMessage: "Searching…",
              })
            : intl.formatMessage({
                id: "partnerships.industryPicker.noMatch",
                defaultMessage: "No industry matches",
              })
      }
      error={error}
      hidePickedOptions
      clearSearchOnChange
    />
  );
}
