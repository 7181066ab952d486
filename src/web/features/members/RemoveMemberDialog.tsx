import { List, Loader, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import type { Member } from "../../../core/members.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { membersApi } from "./api.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { useTableChange } from "./useTableChange.js";
import { words } from "./messages.js";

interface Props {
  partnershipId: string;
  member: Member | null;
  onClose: () => void;
}

const statusWords = defineMessages({
  planned: { id: "members.removeMember.status.planned", defaultMessage: "planned" },
  in_progress: { id: "members.removeMember.status.inProgress", defaultMessage: "in progress" },
  stuck: { id: "members.removeMember.status.stuck", defaultMessage: "stuck" },
});

/** Says what removing a person changes (their open actions, their teams) before doing it. */
export function RemoveMemberDialog({ partnershipId, member, onClose }: Props) {
  const intl = useIntl();
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
    () =>
      member
        ? intl.formatMessage(
            {
              id: "members.removeMember.removedToast",
              defaultMessage: "{name} was removed from the partnership.",
            },
            { name: member.name },
          )
        : intl.formatMessage({
            id: "members.removeMember.removedToastUnnamed",
            defaultMessage: "The member was removed from the partnership.",
          }),
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
      title={
        member
          ? intl.formatMessage(
              { id: "members.removeMember.title", defaultMessage: "Remove {name}?" },
              { name: member.name },
            )
          : ""
      }
      confirmLabel={intl.formatMessage(words.removeFromPartnership)}
      danger
      pending={change.mutation.isPending}
      problem={
        change.problem ??
        (p?.lastConvener
          ? intl.formatMessage(
              {
                id: "members.removeMember.lastConvener",
                defaultMessage: "{name} is the last convener: make someone else a convener first.",
              },
              { name: member?.name ?? "" },
            )
          : null)
      }
      onConfirm={() => {
        if (p && !p.lastConvener) change.mutation.mutate(undefined);
      }}
      onClose={close}
    >
      {preview.isPending ? (
        <Loader
          size="sm"
          aria-label={intl.formatMessage({
            id: "members.removeMember.loading",
            defaultMessage: "Loading what changes",
          })}
        />
      ) : preview.isError ? (
        <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <>
          <Text size="sm">
            <FormattedMessage
              id="members.removeMember.text"
              defaultMessage="{name} will no longer see or take part in this partnership. Their past attendance, votes, updates and what they wrote stay in its history."
              values={{ name: member?.name ?? "" }}
            />
          </Text>
          {p && p.teams.length > 0 && (
            <Text size="sm">
              <FormattedMessage
                id="members.removeMember.teams"
                defaultMessage="They leave the action teams: {teams}."
                values={{ teams: p.teams.join(", ") }}
              />
            </Text>
          )}
          {p && p.openActions.length > 0 ? (
            <div>
              <Text size="sm" fw={600}>
                <FormattedMessage
                  id="members.removeMember.openActions"
                  defaultMessage="Open actions they own ({count}) keep them as owner until you reassign them in the action plan:"
                  values={{ count: p.openActions.length }}
                />
              </Text>
              <List
                size="sm"
                aria-label={intl.formatMessage({
                  id: "members.removeMember.openActionsLabel",
                  defaultMessage: "Open actions to reassign",
                })}
              >
                {p.openActions.map((a) => (
                  <List.Item key={a.id}>
                    {a.dueDate
                      ? intl.formatMessage(
                          {
                            id: "members.removeMember.actionDue",
                            defaultMessage: "{title} ({team}, {status}, due {date})",
                          },
                          {
                            title: a.title,
                            team: a.team,
                            status: intl.formatMessage(statusWords[a.status]),
                            date: a.dueDate,
                          },
                        )
                      : intl.formatMessage(
                          { id: "members.removeMember.action", defaultMessage: "{title} ({team}, {status})" },
                          { title: a.title, team: a.team, status: intl.formatMessage(statusWords[a.status]) },
                        )}
                  </List.Item>
                ))}
              </List>
            </div>
          ) : (
            <Text size="sm">
              <FormattedMessage
                id="members.removeMember.noOpenActions"
                defaultMessage="They own no open actions."
              />
            </Text>
          )}
        </>
      )}
    </ConfirmDialog>
  );
}
