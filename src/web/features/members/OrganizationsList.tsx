import { useEffect, useState } from "react";
import {
  Alert,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import type { Organization } from "../../../core/members.js";
import { limits } from "../../../core/limits.js";
import {
  organizationKindLabels,
  organizationKinds,
  sizeBands,
  type OrganizationKind,
  type SizeBand,
} from "../../../core/vocabulary.js";
import { membersApi } from "./api.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { useTableChange } from "./useTableChange.js";
import { endSentence, plural } from "../../lib/format.js";

interface Props {
  organizations: Organization[];
  /** Given to conveners: each row gets edit and remove. */
  manage?: { partnershipId: string };
}

export function OrganizationsList({ organizations, manage }: Props) {
  const sorted = [...organizations].sort(
    (a, b) => Number(b.kind === "business") - Number(a.kind === "business") || a.name.localeCompare(b.name),
  );
  const [editing, setEditing] = useState<Organization | null>(null);
  const [removing, setRemoving] = useState<Organization | null>(null);
  return (
    <Card component="section" aria-labelledby="orgs-heading">
      <Title order={2} fz="lg" id="orgs-heading" mb="md">
        Organizations ({organizations.length})
      </Title>
      {organizations.length === 0 ? (
        <Text c="dimmed">No organization yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing="sm" className="stack-on-phone">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Organization</Table.Th>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col">Industry and size</Table.Th>
                <Table.Th scope="col" ta="right">
                  People
                </Table.Th>
                {manage && <Table.Th scope="col">Change</Table.Th>}
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
                  <Table.Td data-label="Kind">
                    <Text span size="sm">
                      {organizationKindLabels[o.kind]}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label="Industry and size">
                    <Text span size="sm">
                      {[o.naicsTitle ?? o.naics, o.sizeBand && `${o.sizeBand} employees`]
                        .filter(Boolean)
                        .join(" · ") || "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" data-label="People">
                    <Text span size="sm">
                      {o.memberCount}
                    </Text>
                  </Table.Td>
                  {manage && (
                    <Table.Td data-actions-row>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-label={`Edit ${o.name}`}
                          onClick={() => setEditing(o)}
                        >
                          Edit
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${o.name}`}
                          onClick={() => setRemoving(o)}
                        >
                          Remove
                        </Button>
                      </Group>
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
          <EditOrganizationDialog
            partnershipId={manage.partnershipId}
            organization={editing}
            onClose={() => setEditing(null)}
          />
          <RemoveOrganizationDialog
            partnershipId={manage.partnershipId}
            organization={removing}
            onClose={() => setRemoving(null)}
          />
        </>
      )}
    </Card>
  );
}

interface Values {
  name: string;
  kind: OrganizationKind;
  sizeBand: SizeBand | null;
}

function EditOrganizationDialog({
  partnershipId,
  organization,
  onClose,
}: {
  partnershipId: string;
  organization: Organization | null;
  onClose: () => void;
}) {
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { name: "", kind: "business", sizeBand: null },
    validate: { name: (v) => (v.trim().length < 2 ? "Must be at least 2 characters" : null) },
  });
  const { setValues } = form;
  useEffect(() => {
    if (organization)
      setValues({ name: organization.name, kind: organization.kind, sizeBand: organization.sizeBand });
  }, [organization, setValues]);
  const change = useTableChange(
    partnershipId,
    (v: Values) =>
      organization
        ? membersApi.updateOrganization(partnershipId, organization.id, {
            version: organization.version,
            name: v.name.trim(),
            kind: v.kind,
            ...(v.kind === "business" ? { sizeBand: v.sizeBand } : {}),
          })
        : Promise.resolve(),
    (v) => `${v.name.trim()} saved.`,
    onClose,
  );
  const errors = { ...form.errors, ...change.fieldErrors };
  const title = organization ? `Edit ${organization.name}` : "";
  return (
    <Modal
      opened={!!organization}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ "aria-label": "Close" }}
    >
      <form noValidate aria-label={title} onSubmit={form.onSubmit((v) => change.mutation.mutate(v))}>
        <Stack gap="md">
          {change.problem && (
            <Alert color="red" variant="light" role="alert" title="Not saved">
              {change.problem}
            </Alert>
          )}
          <TextInput
            label="Organization name"
            withAsterisk
            maxLength={limits.name}
            {...form.getInputProps("name")}
            error={errors.name}
          />
          <Select
            label="Kind"
            withAsterisk
            allowDeselect={false}
            data={organizationKinds.map((k) => ({ value: k, label: organizationKindLabels[k] }))}
            {...form.getInputProps("kind")}
            error={errors.kind}
          />
          {form.values.kind === "business" && (
            <Select
              label="Size"
              clearable
              data={sizeBands.map((s) => ({ value: s, label: `${s} employees` }))}
              {...form.getInputProps("sizeBand")}
              error={errors.sizeBand}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={change.mutation.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveOrganizationDialog({
  partnershipId,
  organization,
  onClose,
}: {
  partnershipId: string;
  organization: Organization | null;
  onClose: () => void;
}) {
  const change = useTableChange(
    partnershipId,
    () =>
      organization
        ? membersApi.removeOrganization(partnershipId, organization.id, organization.version)
        : Promise.resolve(),
    () => `${organization?.name ?? "The organization"} was removed.`,
    onClose,
  );
  const busy = (organization?.memberCount ?? 0) > 0;
  return (
    <ConfirmDialog
      opened={!!organization}
      title={organization ? `Remove ${organization.name}?` : ""}
      confirmLabel="Remove the organization"
      danger
      pending={change.mutation.isPending}
      problem={change.problem}
      onConfirm={() => change.mutation.mutate(undefined)}
      onClose={() => {
        change.reset();
        onClose();
      }}
    >
      <Text size="sm">
        {busy
          ? `${endSentence(`${plural(organization?.memberCount ?? 0, "person sits", "people sit")} at the table for ${organization?.name}`)} Move them to another organization or remove them first.`
          : `${organization?.name} leaves the table. Former members who came from it keep its name in the partnership's history.`}
      </Text>
    </ConfirmDialog>
  );
}
