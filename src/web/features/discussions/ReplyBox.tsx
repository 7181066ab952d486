import { useState } from "react";
import { Button, Group, Stack, Text } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { MentionTextarea } from "./MentionTextarea.js";

interface Props {
  label: string;
  initial?: string;
  submitLabel: string;
  pending: boolean;
  error?: string;
  onSubmit: (body: string) => void;
  onCancel?: () => void;
}

/** A reply or an edit of one: Markdown with "@name" mentions that notify. */
export function ReplyBox({ label, initial = "", submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const intl = useIntl();
  const [body, setBody] = useState(initial);
  return (
    <Stack
      component="form"
      gap="xs"
      onSubmit={(e) => {
        e.preventDefault();
        if (body.trim()) onSubmit(body);
      }}
    >
      <MentionTextarea
        label={label}
        description={intl.formatMessage({
          id: "discussions.replyBox.help",
          defaultMessage: "Markdown works. Type @ and a name to mention someone; they are notified.",
        })}
        autosize
        minRows={3}
        value={body}
        onChange={setBody}
      />
      {error && <Text c="red.8">{error}</Text>}
      <Group>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            <FormattedMessage id="discussions.replyBox.cancel" defaultMessage="Cancel" />
          </Button>
        )}
      </Group>
    </Stack>
  );
}
