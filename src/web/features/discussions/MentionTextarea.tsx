import { useLayoutEffect, useRef, useState } from "react";
import { Box, Stack, Textarea, UnstyledButton, type TextareaProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useIntl } from "react-intl";
import { discussionsApi } from "./api.js";
import { insertMention, mentionQuery } from "./mentionText.js";

type Props = Omit<TextareaProps, "value" | "onChange"> & {
  value: string;
  onChange: (value: string) => void;
};

/**
 * A Markdown text box whose "@name" suggestions insert `@[Name](user:<id>)`: the server resolves
 * the id and notifies that person; readers see "@Name". Choosing a suggestion puts the caret back
 * in the box, just after the mention, so typing goes on.
 */
export function MentionTextarea({ value, onChange, ...textarea }: Props) {
  const intl = useIntl();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  // Escape hides the suggestions for the "@" being typed, until another "@" starts.
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const restoreCaret = useRef<number | null>(null);
  const typed = mentionQuery(value.slice(0, caret ?? value.length));
  const open = typed !== null && typed.at !== dismissedAt;
  const [q] = useDebouncedValue(open ? typed.q : null, 150);
  const people = useQuery({
    queryKey: ["mentionable", q],
    queryFn: ({ signal }) => discussionsApi.mentionable(q ?? "", signal),
    enabled: q !== null,
    staleTime: 60_000,
  });
  const suggestions = open && q === typed.q ? (people.data?.items ?? []) : [];

  useLayoutEffect(() => {
    const at = restoreCaret.current;
    if (at === null || !ref.current) return;
    restoreCaret.current = null;
    ref.current.focus();
    ref.current.setSelectionRange(at, at);
    setCaret(at);
  }, [value]);

  const pick = (person: { id: string; name: string }) => {
    if (!typed) return;
    const next = insertMention(value, typed.at, caret ?? value.length, person);
    restoreCaret.current = next.caret;
    onChange(next.text);
  };

  const trackCaret = (e: { currentTarget: HTMLTextAreaElement }) => setCaret(e.currentTarget.selectionStart);

  return (
    <Stack gap={6}>
      <Textarea
        {...textarea}
        ref={ref}
        value={value}
        onChange={(e) => {
          onChange(e.currentTarget.value);
          trackCaret(e);
        }}
        onSelect={trackCaret}
        onKeyDown={(e) => {
          if (e.key === "Escape" && open && suggestions.length) {
            e.preventDefault();
            setDismissedAt(typed.at);
          }
        }}
      />
      {suggestions.length > 0 && (
        <Box
          component="ul"
          aria-label={intl.formatMessage({
            id: "discussions.mention.suggestionsLabel",
            defaultMessage: "People to mention",
          })}
          m={0}
          p={0}
          style={{ listStyle: "none", display: "flex", flexWrap: "wrap", gap: "var(--mantine-spacing-xs)" }}
        >
          {suggestions.map((p) => (
            <li key={p.id}>
              <UnstyledButton
                type="button"
                onClick={() => pick(p)}
                px="sm"
                py={4}
                style={{ border: "1px solid var(--mantine-color-gray-5)", borderRadius: 16 }}
              >
                @{p.name}
              </UnstyledButton>
            </li>
          ))}
        </Box>
      )}
    </Stack>
  );
}
