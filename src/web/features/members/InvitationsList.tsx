import { useState } from "react";
import { Badge, Button, Card, Group, Table, Text, Title } from "@mantine/core";
import type { InvitationStatus, Organization } from "../../../core/members.js";
import { roleLabels } from "../../../core/vocabulary.js";
import { formatDateTime } from "../../lib/format.js";
import { membersApi, type Invitation } from "./api.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { useTableChange } from "./useTableChange.js";

interface Props {
  invitations: Invitation[];
  organizations: Organization[];
  /** Given to conveners: pending and expired invitations can be revoked or sent again. */
  manage?: { partnershipId: string };
}

const statusBadge: Record<InvitationStatus, { label: string; color: string }> = {
  pending: { label: "Pending", color: "blue" },
  accepted: { label: "Accepted", color: "green" },
  expired: { label: "Expired", color: "orange" },
  revoked: { label: "Revoked", color: "gray" },
};

export function InvitationsList({ invitations, organizations, manage }: Props) {
  const pending = invitations.filter((i) => i.status === "pending");
  const orgName = (id: string) => organizations.find((o) => o.id === id)?.name ?? "—";
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const partnershipId = manage?.partnershipId ?? "";
  const resend = useTableChange(
    partnershipId,
    (i: Invitation) => membersApi.resendInvitation(partnershipId, i.id, i.version),
    (i) => `Invitation sent again to ${i.email}.`,
    () => {},
  );
  const revoke = useTableChange(
    partnershipId,
    (i: Invitation) => membersApi.revokeInvitation(partnershipId, i.id, i.version),
    (i) => `Invitation to ${i.email} revoked.`,
    () => setRevoking(null),
  );
  return (
    <Card component="section" aria-labelledby="invitations-heading">
      <Title order={2} fz="lg" id="invitations-heading" mb="md">
        Invitations ({pending.length} pending)
      </Title>
      {resend.problem && (
        <Text size="sm" c="red.8" role="alert" mb="sm">
          {resend.problem}
        </Text>
      )}
      {invitations.length === 0 ? (
        <Text c="dimmed">No invitation has been sent yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing="sm" className="stack-on-phone">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Invited</Table.Th>
                <Table.Th scope="col">Organization</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                {manage && <Table.Th scope="col">Change</Table.Th>}
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
                    <Table.Td data-label="Organization">
                      <Text span size="sm">
                        {orgName(i.organizationId)}
                      </Text>
                    </Table.Td>
                    <Table.Td data-label="Role">
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
                        {statusBadge[i.status].label}
                      </Badge>
                      {i.status === "pending" && (
                        <Text size="xs" c="dimmed">
                          until {formatDateTime(i.expiresAt)}
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
                              aria-label={`Resend the invitation to ${i.email}`}
                              onClick={() => resend.mutation.mutate(i)}
                            >
                              Resend
                            </Button>
                            <Button
                              size="compact-sm"
                              variant="subtle"
                              color="red"
                              aria-label={`Revoke the invitation to ${i.email}`}
                              onClick={() => {
                                revoke.reset();
                                setRevoking(i);
                              }}
                            >
                              Revoke
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
        title={revoking ? `Revoke the invitation to ${revoking.name}?` : ""}
        confirmLabel="Revoke the invitation"
        danger
        pending={revoke.mutation.isPending}
        problem={revoke.problem}
        onConfirm={() => revoking && revoke.mutation.mutate(revoking)}
        onClose={() => setRevoking(null)}
      >
        <Text size="sm">
          The link sent to {revoking?.email} stops working at once. The invitation stays listed as revoked;
          you can invite them again later.
        </Text>
      </ConfirmDialog>
    </Card>
  );
}
