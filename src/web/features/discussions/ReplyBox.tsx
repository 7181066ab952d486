import { useState } from "react";
import { Button, Group, Stack, Text, Textarea, UnstyledButton } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { discussionsApi } from "./api.js";

interface Props {
  label: string;
  initial?: string;
  submitLabel: string;
  pending: boolean;
  error?: string;
  onSubmit: (body: string) => void;
  onCancel?: () => void;
}

/** The word being typed after "@", if the caret is at the end of one. */
function mentionQuery(text: string): string | null {
  const match = /(^|\s)@([\p{L}'-]{2,40})$/u.exec(text);
  return match?.[2] ?? null;
}

/**
 * A Markdown box whose "@name" autocomplete inserts `@[Name](user:<id>)`: the server resolves
 * the id and notifies that person; readers see "@Name".
 */
export function ReplyBox({ label, initial = "", submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const [body, setBody] = useState(initial);
  const q = mentionQuery(body);
  const people = useQuery({
    queryKey: ["mentionable", q],
    queryFn: () => discussionsApi.mentionable(q ?? ""),
    enabled: q !== null,
  });
  const pick = (person: { id: string; name: string }) =>
    setBody((b) => b.replace(/@[\p{L}'-]{2,40}$/u, `@[${person.name}](user:${person.id}) `));
  return (
    <Stack
      component="form"
      gap="xs"
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim()) onSubmit(body);
      }}
    >
      <Textarea
        label={label}
        description="Markdown works. Type @ and a name to mention someone; they are notified."
        autosize
        minRows={3}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      {q !== null && (people.data?.items.length ?? 0) > 0 && (
        <Group gap="xs" role="list" aria-label="People to mention">
          {people.data?.items.map((p) => (
            <UnstyledButton
              role="listitem"
              key={p.id}
              onClick={() => pick(p)}
              px="sm"
              py={4}
              style={{ border: "1px solid var(--mantine-color-gray-4)", borderRadius: 16 }}
            >
              @{p.name}
            </UnstyledButton>
          ))}
        </Group>
      )}
      {error && <Text c="red.8">{error}</Text>}
      <Group>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </Group>
    </Stack>
  );
}
