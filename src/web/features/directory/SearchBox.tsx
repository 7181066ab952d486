import { useEffect, useState } from "react";
import { CloseButton, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useIntl } from "react-intl";

interface Props {
  value: string;
  onChange: (value: string) => void;
}

function SearchIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M20 20l-4-4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** Searches as the reader types, after a short pause, without a page reload. */
export function SearchBox({ value, onChange }: Props) {
  const intl = useIntl();
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback(onChange, 300);
  useEffect(() => setText(value), [value]);

  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onChange(text.trim());
      }}
    >
      <TextInput
        label={intl.formatMessage({ id: "directory.search.label", defaultMessage: "Search partnerships" })}
        placeholder={intl.formatMessage({
          id: "directory.search.placeholder",
          defaultMessage: "Name, industry or place: e.g. manufacturing, Denver",
        })}
        size="md"
        type="search"
        value={text}
        leftSection={<SearchIcon />}
        rightSection={
          text ? (
            <CloseButton
              aria-label={intl.formatMessage({
                id: "directory.search.clear",
                defaultMessage: "Clear search",
              })}
              onClick={() => {
                setText("");
                onChange("");
              }}
            />
          ) : null
        }
        onChange={(e) => {
          setText(e.currentTarget.value);
          commit(e.currentTarget.value.trim());
        }}
      />
    </form>
  );
}
