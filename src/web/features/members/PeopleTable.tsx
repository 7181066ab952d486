import { useState } from "react";
import { ActionIcon, Badge, Card, Menu, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import type { Member, Organization } from "../../../core/members.js";
import { roleLabels, seniorityLabels } from "../../../core/vocabulary.js";
import { EditMemberDialog } from "./EditMemberDialog.js";
import { RemoveMemberDialog } from "./RemoveMemberDialog.js";
import { words } from "./messages.js";

/** A badge that never shrinks below its word: in a narrow table column Mantine would cut "Busine…". */
export function SectorBadge({ sector }: { sector: "business" | "public" }) {
  return sector === "business" ? (
    <Badge color="table" variant="filled" radius="sm" tt="none" miw="max-content">
      <FormattedMessage id="members.sector.business" defaultMessage="Business" />
    </Badge>
  ) : (
    <Badge color="gray" variant="light" c="gray.9" radius="sm" tt="none" miw="max-content">
      <FormattedMessage id="members.sector.public" defaultMessage="Public" />
    </Badge>
  );
}

interface Props {
  people: Member[];
  /** Given to conveners: each row gets its actions (edit, move, remove). */
  manage?: { partnershipId: string; organizations: Organization[] };
}

export function PeopleTable({ people, manage }: Props) {
  const intl = useIntl();
  const sorted = [...people].sort((a, b) => a.sector.localeCompare(b.sector) || a.name.localeCompare(b.name));
  const [editing, setEditing] = useState<{ member: Member; mode: "edit" | "move" } | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  return (
    <Card component="section" aria-labelledby="people-heading">
      <Title order={2} fz="lg" id="people-heading" mb="md">
        <FormattedMessage
          id="members.people.title"
          defaultMessage="People ({count})"
          values={{ count: people.length }}
        />
      </Title>
      {people.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="members.people.empty" defaultMessage="No one has been added yet." />
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing="sm" highlightOnHover className="stack-on-phone">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <FormattedMessage {...words.name} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...words.organization} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...words.role} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage id="members.people.sectorColumn" defaultMessage="Sector" />
                </Table.Th>
                {manage && (
                  <Table.Th scope="col">
                    <VisuallyHidden>
                      <FormattedMessage id="members.people.actionsColumn" defaultMessage="Actions" />
                    </VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((m) => (
                <Table.Tr key={m.membershipId}>
                  <Table.Td pr={manage ? 40 : undefined}>
                    <Text fw={600} size="sm">
                      {m.name}
                    </Text>
                    {(m.title || m.seniority) && (
                      <Text size="xs" c="dimmed">
                        {[m.title, m.seniority ? seniorityLabels[m.seniority] : null]
                          .filter(Boolean)
                          .join(" · ")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-label={intl.formatMessage(words.organization)}>
                    <Text span size="sm">
                      {m.organization ?? "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label={intl.formatMessage(words.role)}>
                    <Text span size="sm">
                      {roleLabels[m.role]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <SectorBadge sector={m.sector} />
                  </Table.Td>
                  {manage && (
                    <Table.Td ta="right" data-actions>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={intl.formatMessage(
                              { id: "members.people.actionsLabel", defaultMessage: "Actions for {name}" },
                              { name: m.name },
                            )}
                          >
                            <span aria-hidden="true">⋯</span>
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item onClick={() => setEditing({ member: m, mode: "edit" })}>
                            <FormattedMessage {...words.edit} />
                          </Menu.Item>
                          <Menu.Item onClick={() => setEditing({ member: m, mode: "move" })}>
                            <FormattedMessage
                              id="members.people.moveItem"
                              defaultMessage="Move to another organization"
                            />
                          </Menu.Item>
                          <Menu.Item color="red" c="red.9" onClick={() => setRemoving(m)}>
                            <FormattedMessage {...words.removeFromPartnership} />
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {manage && (
        <>
          <EditMemberDialog
            partnershipId={manage.partnershipId}
            organizations={manage.organizations}
            member={editing?.member ?? null}
            mode={editing?.mode ?? "edit"}
            onClose={() => setEditing(null)}
          />
          <RemoveMemberDialog
            partnershipId={manage.partnershipId}
            member={removing}
            onClose={() => setRemoving(null)}
          />
        </>
      )}
    </Card>
  );
}
