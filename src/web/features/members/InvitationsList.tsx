import { Card, Table, Text, Title } from "@mantine/core";
import type { Organization } from "../../../core/members.js";
import { roleLabels } from "../../../core/vocabulary.js";
import { formatDateTime } from "../../lib/format.js";
import type { Invitation } from "./api.js";

interface Props {
  invitations: Invitation[];
  organizations: Organization[];
}

export function InvitationsList({ invitations, organizations }: Props) {
  const pending = invitations.filter((i) => !i.acceptedAt);
  const orgName = (id: string) => organizations.find((o) => o.id === id)?.name ?? "—";
  return (
    <Card component="section" aria-labelledby="invitations-heading">
      <Title order={2} fz="lg" id="invitations-heading" mb="md">
        Pending invitations ({pending.length})
      </Title>
      {pending.length === 0 ? (
        <Text c="dimmed">No invitation is waiting for an answer.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Invited</Table.Th>
                <Table.Th scope="col">Organization</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Expires</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.map((i) => {
                const expired = new Date(i.expiresAt).getTime() < Date.now();
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
                    <Table.Td>
                      <Text size="sm">{orgName(i.organizationId)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{roleLabels[i.role]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={expired ? "red.8" : undefined}>
                        {expired ? "Expired" : formatDateTime(i.expiresAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
