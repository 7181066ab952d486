import { useState } from "react";
import { Badge, Button, Card, Group, Table, Text, Title } from "@mantine/core";
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from "react-intl";
import type { InvitationStatus, Organization } from "../../../core/members.js";
import { roleLabels } from "../../../core/vocabulary.js";
import { formatDateTime } from "../../lib/format.js";
import { membersApi, type Invitation } from "./api.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { useTableChange } from "./useTableChange.js";
import { words } from "./messages.js";

interface Props {
  invitations: Invitation[];
  organizations: Organization[];
  /** Given to conveners: pending and expired invitations can be revoked or sent again. */
  manage?: { partnershipId: string };
}

const statusWords = defineMessages({
  pending: { id: "members.invitations.status.pending", defaultMessage: "Pending" },
  accepted: { id: "members.invitations.status.accepted", defaultMessage: "Accepted" },
  expired: { id: "members.invitations.status.expired", defaultMessage: "Expired" },
  revoked: { id: "members.invitations.status.revoked", defaultMessage: "Revoked" },
});

const statusBadge: Record<InvitationStatus, { label: MessageDescriptor; color: string }> = {
  pending: { label: statusWords.pending, color: "blue" },
  accepted: { label: statusWords.accepted, color: "green" },
  expired: { label: statusWords.expired, color: "orange" },
  revoked: { label: statusWords.revoked, color: "gray" },
};

export function InvitationsList({ invitations, organizations, manage }: Props) {
  const intl = useIntl();
  const pending = invitations.filter((i) => i.status === "pending");
  const orgName = (id: string) => organizations.find((o) => o.id === id)?.name ?? "—";
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const partnershipId = manage?.partnershipId ?? "";
  const resend = useTableChange(
    partnershipId,
    (i: Invitation) => membersApi.resendInvitation(partnershipId, i.id, i.version),
    (i) =>
      intl.formatMessage(
        { id: "members.invitations.resentToast", defaultMessage: "Invitation sent again to {email}." },
        { email: i.email },
      ),
    () => {},
  );
  const revoke = useTableChange(
    partnershipId,
    (i: Invitation) => membersApi.revokeInvitation(partnershipId, i.id, i.version),
    (i) =>
      intl.formatMessage(
        { id: "members.invitations.revokedToast", defaultMessage: "Invitation to {email} revoked." },
        { email: i.email },
      ),
    () => setRevoking(null),
  );
  return (
    <Card component="section" aria-labelledby="invitations-heading">
      <Title order={2} fz="lg" id="invitations-heading" mb="md">
        <FormattedMessage
          id="members.invitations.title"
          defaultMessage="Invitations ({count} pending)"
          values={{ count: pending.length }}
        />
      </Title>
      {resend.problem && (
        <Text size="sm" c="red.8" role="alert" mb="sm">
          {resend.problem}
        </Text>
      )}
      {invitations.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage
            id="members.invitations.empty"
            defaultMessage="No invitation has been sent yet."
          />
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing="sm" className="stack-on-phone">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <FormattedMessage id="members.invitations.invitedColumn" defaultMessage="Invited" />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...words.organization} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...words.role} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage id="members.invitations.statusColumn" defaultMessage="Status" />
                </Table.Th>
                {manage && (
                  <Table.Th scope="col">
                    <FormattedMessage {...words.change} />
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.map((i) => {
                const open = i.status === "pending" || i.status === "expired";
                return (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {i.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {i.email}
                      </Text>
                    </Table.Td>
                    <Table.Td data-label={intl.formatMessage(words.organization)}>
                      <Text span size="sm">
                        {orgName(i.organizationId)}
                      </Text>
                    </Table.Td>
                    <Table.Td data-label={intl.formatMessage(words.role)}>
                      <Text span size="sm">
                        {roleLabels[i.role]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        color={statusBadge[i.status].color}
                        variant="light"
                        radius="sm"
                        tt="none"
                        c="dark.7"
                      >
                        {intl.formatMessage(statusBadge[i.status].label)}
                      </Badge>
                      {i.status === "pending" && (
                        <Text size="xs" c="dimmed">
                          <FormattedMessage
                            id="members.invitations.until"
                            defaultMessage="until {date}"
                            values={{ date: formatDateTime(i.expiresAt) }}
                          />
                        </Text>
                      )}
                    </Table.Td>
                    {manage && (
                      <Table.Td data-actions-row>
                        {open && (
                          <Group gap={4} wrap="nowrap">
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              loading={resend.mutation.isPending && resend.mutation.variables?.id === i.id}
                              aria-label={intl.formatMessage(
                                {
                                  id: "members.invitations.resendLabel",
                                  defaultMessage: "Resend the invitation to {email}",
                                },
                                { email: i.email },
                              )}
                              onClick={() => resend.mutation.mutate(i)}
                            >
                              <FormattedMessage
                                id="members.invitations.resendButton"
                                defaultMessage="Resend"
                              />
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              aria-label={intl.formatMessage(
                                {
                                  id: "members.invitations.revokeLabel",
                                  defaultMessage: "Revoke the invitation to {email}",
                                },
                                { email: i.email },
                              )}
                              onClick={() => {
                                revoke.reset();
                                setRevoking(i);
                              }}
                            >
                              <FormattedMessage
                                id="members.invitations.revokeButton"
                                defaultMessage="Revoke"
                              />
                            </Button>
                          </Group>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={!!revoking}
        title={
          revoking
            ? intl.formatMessage(
                { id: "members.invitations.revokeTitle", defaultMessage: "Revoke the invitation to {name}?" },
                { name: revoking.name },
              )
            : ""
        }
        confirmLabel={intl.formatMessage({
          id: "members.invitations.revokeConfirm",
          defaultMessage: "Revoke the invitation",
        })}
        danger
        pending={revoke.mutation.isPending}
        problem={revoke.problem}
        onConfirm={() => revoking && revoke.mutation.mutate(revoking)}
        onClose={() => setRevoking(null)}
      >
        <Text size="sm">
          <FormattedMessage
            id="members.invitations.revokeText"
            defaultMessage="The link sent to {email} stops working at once. The invitation stays listed as revoked; you can invite them again later."
            values={{ email: revoking?.email ?? "" }}
          />
        </Text>
      </ConfirmDialog>
    </Card>
  );
}
