/**
 * What the account page's personal tokens and the admin's service tokens show alike: a token's
 * status with its date, and the dialog that asks before revoking one.
 */
import { Badge, Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { TokenStatus } from "../../core/api-tokens.js";
import { formatDate } from "../../core/format.js";

const statusBadge: Record<TokenStatus, { label: string; color: string }> = {
  active: { label: "Active", color: "table" },
  expired: { label: "Expired", color: "gray" },
  revoked: { label: "Revoked", color: "red" },
};

interface TokenDates {
  status: TokenStatus;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** The status badge, and since or until when. */
export function TokenStatusCell({ token }: { token: TokenDates }) {
  return (
    <>
      <Badge color={statusBadge[token.status].color} variant="light" radius="sm" tt="none" c="dark.7">
        {statusBadge[token.status].label}
      </Badge>
      <Text size="xs" c="dimmed">
        {token.status === "revoked"
          ? `on ${formatDate(token.revokedAt)}`
          : token.expiresAt
            ? `${token.status === "expired" ? "on" : "until"} ${formatDate(token.expiresAt)}`
            : "until revoked"}
      </Text>
    </>
  );
}

/** Asks before revoking `token` (null: closed); `consequence` says what stops working. */
export function RevokeTokenModal({
  token,
  consequence,
  pending,
  onCancel,
  onConfirm,
}: {
  token: { id: string; name: string } | null;
  consequence: string;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (id: string) => void;
}) {
  return (
    <Modal
      closeButtonProps={{ "aria-label": "Close" }}
      opened={token !== null}
      onClose={onCancel}
      title={`Revoke “${token?.name ?? ""}”?`}
    >
      <Stack gap="md">
        <Text>{consequence}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button color="red.9" loading={pending} onClick={() => token && onConfirm(token.id)}>
            Revoke the token
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
