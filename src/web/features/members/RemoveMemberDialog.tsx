import { List, Loader, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { Member } from "../../../core/members.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { membersApi } from "./api.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { useTableChange } from "./useTableChange.js";

interface Props {
  partnershipId: string;
  member: Member | null;
  onClose: () => void;
}

const statusWords = { planned: "planned", in_progress: "in progress", stuck: "stuck" } as const;

/** Says what removing a person changes (their open actions, their teams) before doing it. */
export function RemoveMemberDialog({ partnershipId, member, onClose }: Props) {
  const preview = useQuery({
    queryKey: ["members", partnershipId, "removal-preview", member?.membershipId ?? ""],
    queryFn: ({ signal }) => membersApi.removalPreview(partnershipId, member?.membershipId ?? "", signal),
    enabled: !!member,
    staleTime: 0,
  });
  const change = useTableChange(
    partnershipId,
    () =>
      member && preview.data
        ? membersApi.removeMember(
            partnershipId,
            member.membershipId,
            member.version,
            preview.data.openActions.map((a) => a.id),
          )
        : Promise.resolve(),
    () => `${member?.name ?? "The member"} was removed from the partnership.`,
    onClose,
  );
  const p = preview.data;
  const close = () => {
    change.reset();
    onClose();
  };
  return (
    <ConfirmDialog
      opened={!!member}
      title={member ? `Remove ${member.name}?` : ""}
      confirmLabel="Remove from the partnership"
      danger
      pending={change.mutation.isPending}
      problem={
        change.problem ??
        (p?.lastConvener ? `${member?.name} is the last convener: make someone else a convener first.` : null)
      }
      onConfirm={() => {
        if (p && !p.lastConvener) change.mutation.mutate(undefined);
      }}
      onClose={close}
    >
      {preview.isPending ? (
        <Loader size="sm" aria-label="Loading what changes" />
      ) : preview.isError ? (
        <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <>
          <Text size="sm">
            {member?.name} will no longer see or take part in this partnership. Their past attendance, votes,
            updates and what they wrote stay in its history.
          </Text>
          {p && p.teams.length > 0 && (
            <Text size="sm">They leave the action teams: {p.teams.join(", ")}.</Text>
          )}
          {p && p.openActions.length > 0 ? (
            <div>
              <Text size="sm" fw={600}>
                Open actions they own ({p.openActions.length}) keep them as owner until you reassign them in
                the action plan:
              </Text>
              <List size="sm" aria-label="Open actions to reassign">
                {p.openActions.map((a) => (
                  <List.Item key={a.id}>
                    {a.title} ({a.team}, {statusWords[a.status]}
                    {a.dueDate ? `, due ${a.dueDate}` : ""})
                  </List.Item>
                ))}
              </List>
            </div>
          ) : (
            <Text size="sm">They own no open actions.</Text>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
