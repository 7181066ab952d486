import { useMemo, useState } from "react";
import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useIntl } from "react-intl";
import { useNaicsSearch } from "./api.js";

interface Props {
  label: string;
  description?: string;
  value: string | null;
  onChange: (code: string | null) => void;
  error?: React.ReactNode;
}

/** One NAICS code, searched on the server by title or code. */
export function NaicsSelect({ label, description, value, onChange, error }: Props) {
  const intl = useIntl();
  const [search, setSearch] = useState("");
  const [debounced] = useDebouncedValue(search, 250);
  const results = useNaicsSearch(debounced);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);

  const data = useMemo(() => {
    const options = (results.data ?? []).map((n) => ({
      value: n.code,
      label: `${n.code} · ${n.title}`,
    }));
    if (picked && value === picked.value && !options.some((o) => o.value === picked.value)) {
      options.unshift(picked);
    }
    return options;
  }, [results.data, picked, value]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={intl.formatMessage({
        id: "reference.naicsSelect.placeholder",
        defaultMessage: "Search by name or code",
      })}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value}
      onChange={(code, option) => {
        setPicked(option ? { value: option.value, label: option.label } : null);
        onChange(code);
      }}
      filter={({ options }) => options}
      nothingFoundMessage={
        debounced.trim().length < 2
          ? intl.formatMessage({
              id: "reference.naicsSelect.tooShort",
              defaultMessage: "Type at least two letters or digits",
            })
          : results.isFetching
            ? intl.formatMessage({ id: "reference.naicsSelect.searching", defaultMessage: "Searching…" })
            : intl.formatMessage({
                id: "reference.naicsSelect.nothingFound",
                defaultMessage: "No industry matches",
              })
      }
      error={error}
    />
  );
}
