import { Badge, Card, Table, Text, Title } from "@mantine/core";
import type { Member } from "../../../core/members.js";
import { roleLabels } from "../../../core/vocabulary.js";

export function SectorBadge({ sector }: { sector: "business" | "public" }) {
  return sector === "business" ? (
    <Badge color="table" variant="filled" radius="sm" tt="none">
      Business
    </Badge>
  ) : (
    <Badge color="gray" variant="light" c="gray.9" radius="sm" tt="none">
      Public
    </Badge>
  );
}

export function PeopleTable({ people }: { people: Member[] }) {
  const sorted = [...people].sort((a, b) => a.sector.localeCompare(b.sector) || a.name.localeCompare(b.name));
  return (
    <Card component="section" aria-labelledby="people-heading">
      <Title order={2} fz="lg" id="people-heading" mb="md">
        People ({people.length})
      </Title>
      {people.length === 0 ? (
        <Text c="dimmed">No one has been added yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Organization</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Sector</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((m) => (
                <Table.Tr key={m.membershipId}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {m.name}
                    </Text>
                    {m.title && (
                      <Text size="xs" c="dimmed">
                        {m.title}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.organization ?? "—"}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{roleLabels[m.role]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <SectorBadge sector={m.sector} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
