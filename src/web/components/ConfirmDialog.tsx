import type { ReactNode } from "react";
import { Alert, Button, Group, Modal, Stack } from "@mantine/core";
import { useIntl } from "react-intl";

interface Props {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The button that closes without doing it; "Cancel" unless that would be confusing ("Keep the meeting"). */
  closeLabel?: string;
  /** Red for what cannot be undone from this page (removals, revocations). */
  danger?: boolean;
  pending: boolean;
  problem: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** An in-app confirmation (never the browser's confirm()): says what happens, then asks. */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  closeLabel,
  danger,
  pending,
  problem,
  onConfirm,
  onClose,
}: Props) {
  const intl = useIntl();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{
        "aria-label": intl.formatMessage({ id: "common.confirm.close", defaultMessage: "Close" }),
      }}
    >
      <Stack gap="md">
        {children}
        {problem && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={intl.formatMessage({ id: "common.confirm.notDone", defaultMessage: "Not done" })}
          >
            {problem}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {closeLabel ?? intl.formatMessage({ id: "common.confirm.cancel", defaultMessage: "Cancel" })}
          </Button>
          <Button color={danger ? "red.9" : undefined} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
