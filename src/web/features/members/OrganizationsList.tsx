import { Card, Table, Text, Title } from "@mantine/core";
import type { Organization } from "../../../core/members.js";
import { organizationKindLabels } from "../../../core/vocabulary.js";

export function OrganizationsList({ organizations }: { organizations: Organization[] }) {
  const sorted = [...organizations].sort(
    (a, b) => Number(b.kind === "business") - Number(a.kind === "business") || a.name.localeCompare(b.name),
  );
  return (
    <Card component="section" aria-labelledby="orgs-heading">
      <Title order={2} fz="lg" id="orgs-heading" mb="md">
        Organizations ({organizations.length})
      </Title>
      {organizations.length === 0 ? (
        <Text c="dimmed">No organization yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Organization</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Industry and size</Table.Th>
                <Table.Th scope="col" ta="right">
                  People
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {o.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{organizationKindLabels[o.kind]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {[o.naicsTitle ?? o.naics, o.sizeBand && `${o.sizeBand} employees`]
                        .filter(Boolean)
                        .join(" · ") || "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{o.memberCount}</Text>
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
