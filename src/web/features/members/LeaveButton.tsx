import { useState } from "react";
import { Button, Group, Text } from "@mantine/core";
import { useNavigate } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { membersApi } from "./api.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { useTableChange } from "./useTableChange.js";
import { endSentence } from "../../lib/format.js";

/** A member leaves the partnership, after an in-app confirmation. */
export function LeaveButton({
  partnershipId,
  partnershipName,
  slug,
}: {
  partnershipId: string;
  partnershipName: string;
  slug: string;
}) {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const leave = useTableChange(
    partnershipId,
    () => membersApi.leave(partnershipId),
    () =>
      endSentence(
        intl.formatMessage(
          { id: "members.leave.leftToast", defaultMessage: "You left {name}" },
          { name: partnershipName },
        ),
      ),
    () => void navigate(`/p/${slug}`),
  );
  return (
    <Group justify="flex-end">
      <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
        <FormattedMessage id="members.leave.button" defaultMessage="Leave this partnership" />
      </Button>
      <ConfirmDialog
        opened={open}
        title={intl.formatMessage(
          { id: "members.leave.confirmTitle", defaultMessage: "Leave {name}?" },
          { name: partnershipName },
        )}
        confirmLabel={intl.formatMessage({
          id: "members.leave.confirmButton",
          defaultMessage: "Leave the partnership",
        })}
        danger
        pending={leave.mutation.isPending}
        problem={leave.problem}
        onConfirm={() => leave.mutation.mutate(undefined)}
        onClose={() => {
          leave.reset();
          setOpen(false);
        }}
      >
        <Text size="sm">
          <FormattedMessage
            id="members.leave.confirmText"
            defaultMessage="You will no longer see its workspace. What you did here (attendance, votes, updates) stays in its history. A convener can invite you again."
          />
        </Text>
      </ConfirmDialog>
    </Group>
  );
}
