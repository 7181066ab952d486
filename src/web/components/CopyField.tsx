import { Button, CopyButton, Group, TextInput } from "@mantine/core";
import { FormattedMessage } from "react-intl";

interface Props {
  label: string;
  value: string;
  /** Fixed-width letters, for a token or a code that must be read exactly. */
  monospace?: boolean;
}

/** A value to copy (a private address, a token): read-only, selected on focus, with a Copy button. */
export function CopyField({ label, value, monospace }: Props) {
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        style={{ flex: 1 }}
        ff={monospace ? "monospace" : undefined}
        onFocus={(e) => e.currentTarget.select()}
      />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant="default" onClick={copy}>
            {copied ? (
              <FormattedMessage id="common.copy.copied" defaultMessage="Copied" />
            ) : (
              <FormattedMessage id="common.copy.copy" defaultMessage="Copy" />
            )}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
