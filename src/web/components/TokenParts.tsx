/**
 * What the account page's personal tokens and the admin's service tokens show alike: a token's
 * status with its date, and the dialog that asks before revoking one.
 */
import { Badge, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { labelsOf, msg } from "../../core/i18n/msg.js";
import type { TokenStatus } from "../../core/api-tokens.js";
import { formatDate } from "../../core/format.js";

const statusWords = labelsOf({
  active: msg({ id: "common.token.active", defaultMessage: "Active" }),
  expired: msg({ id: "common.token.expired", defaultMessage: "Expired" }),
  revoked: msg({ id: "common.token.revoked", defaultMessage: "Revoked" }),
});
const statusColor: Record<TokenStatus, string> = { active: "table", expired: "gray", revoked: "red" };

interface TokenDates {
  status: TokenStatus;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** The status badge, and since or until when. */
export function TokenStatusCell({ token }: { token: TokenDates }) {
  return (
    <>
      <Badge color={statusColor[token.status]} variant="light" radius="sm" tt="none" c="dark.7">
        {statusWords[token.status]}
      </Badge>
      <Text size="xs" c="dimmed">
        {token.status === "revoked" ? (
          <FormattedMessage
            id="common.token.on"
            defaultMessage="on {day}"
            values={{ day: formatDate(token.revokedAt) }}
          />
        ) : token.expiresAt ? (
          token.status === "expired" ? (
            <FormattedMessage
              id="common.token.on"
              defaultMessage="on {day}"
              values={{ day: formatDate(token.expiresAt) }}
            />
          ) : (
            <FormattedMessage
              id="common.token.until"
              defaultMessage="until {day}"
              values={{ day: formatDate(token.expiresAt) }}
            />
          )
        ) : (
          <FormattedMessage id="common.token.untilRevoked" defaultMessage="until revoked" />
        )}
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
  const intl = useIntl();
  return (
    <Modal
      closeButtonProps={{
        "aria-label": intl.formatMessage({ id: "common.confirm.close", defaultMessage: "Close" }),
      }}
      opened={token !== null}
      onClose={onCancel}
      title={intl.formatMessage(
        { id: "common.token.revokeTitle", defaultMessage: "Revoke “{name}”?" },
        { name: token?.name ?? "" },
      )}
    >
      <Stack gap="md">
        <Text>{consequence}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            <FormattedMessage id="common.confirm.cancel" defaultMessage="Cancel" />
          </Button>
          <Button color="red.9" loading={pending} onClick={() => token && onConfirm(token.id)}>
            <FormattedMessage id="common.token.revoke" defaultMessage="Revoke the token" />
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
