import { useState } from "react";
import { Button, Group, Text } from "@mantine/core";
import { useNavigate } from "react-router";
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
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const leave = useTableChange(
    partnershipId,
    () => membersApi.leave(partnershipId),
    () => endSentence(`You left ${partnershipName}`),
    () => void navigate(`/p/${slug}`),
  );
  return (
    <Group justify="flex-end">
      <Button variant="subtle" color="red" onClick={() => setOpen(true)}>
        Leave this partnership
      </Button>
      <ConfirmDialog
        opened={open}
        title={`Leave ${partnershipName}?`}
        confirmLabel="Leave the partnership"
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
          You will no longer see its workspace. What you did here (attendance, votes, updates) stays in its
          history. A convener can invite you again.
        </Text>
      </ConfirmDialog>
    </Group>
  );
}
