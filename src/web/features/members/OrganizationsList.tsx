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
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import type { Organization } from "../../../core/members.js";
import { limits } from "../../../core/limits.js";
import {
  organizationKindLabels,
  organizationKinds,
  type OrganizationKind,
  type SizeBand,
} from "../../../core/vocabulary.js";
import { membersApi } from "./api.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { useTableChange } from "./useTableChange.js";
import { endSentence } from "../../lib/format.js";
import { words } from "./messages.js";
import { sizeBandLabel, sizeOptions } from "./roleOptions.js";
import { NaicsTitle } from "../reference/NaicsTitle.js";

const orgWords = defineMessages({
  industryAndSize: { id: "members.organizations.industryAndSize", defaultMessage: "Industry and size" },
  people: { id: "members.organizations.people", defaultMessage: "People" },
});

interface Props {
  organizations: Organization[];
  /** Given to conveners: each row gets edit and remove. */
  manage?: { partnershipId: string };
}

export function OrganizationsList({ organizations, manage }: Props) {
  const intl = useIntl();
  const sorted = [...organizations].sort(
    (a, b) => Number(b.kind === "business") - Number(a.kind === "business") || a.name.localeCompare(b.name),
  );
  const [editing, setEditing] = useState<Organization | null>(null);
  const [removing, setRemoving] = useState<Organization | null>(null);
  return (
    <Card component="section" aria-labelledby="orgs-heading">
      <Title order={2} fz="lg" id="orgs-heading" mb="md">
        <FormattedMessage
          id="members.organizations.title"
          defaultMessage="Organizations ({count})"
          values={{ count: organizations.length }}
        />
      </Title>
      {organizations.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage id="members.organizations.empty" defaultMessage="No organization yet." />
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing="sm" className="stack-on-phone">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <FormattedMessage {...words.organization} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...words.kind} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...orgWords.industryAndSize} />
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  <FormattedMessage {...orgWords.people} />
                </Table.Th>
                {manage && (
                  <Table.Th scope="col">
                    <FormattedMessage {...words.change} />
                  </Table.Th>
                )}
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
                  <Table.Td data-label={intl.formatMessage(words.kind)}>
                    <Text span size="sm">
                      {organizationKindLabels[o.kind]}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label={intl.formatMessage(orgWords.industryAndSize)}>
                    <Text span size="sm">
                      {o.naicsTitle ? <NaicsTitle>{o.naicsTitle}</NaicsTitle> : o.naics}
                      {(o.naicsTitle ?? o.naics) && o.sizeBand ? " · " : null}
                      {o.sizeBand && sizeBandLabel(intl, o.sizeBand)}
                      {!o.naicsTitle && !o.naics && !o.sizeBand && "—"}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" data-label={intl.formatMessage(orgWords.people)}>
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
                          aria-label={intl.formatMessage(
                            { id: "members.organizations.editLabel", defaultMessage: "Edit {name}" },
                            { name: o.name },
                          )}
                          onClick={() => setEditing(o)}
                        >
                          <FormattedMessage {...words.edit} />
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={intl.formatMessage(
                            { id: "members.organizations.removeLabel", defaultMessage: "Remove {name}" },
                            { name: o.name },
                          )}
                          onClick={() => setRemoving(o)}
                        >
                          <FormattedMessage id="members.organizations.removeButton" defaultMessage="Remove" />
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
  const intl = useIntl();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { name: "", kind: "business", sizeBand: null },
    validate: { name: (v) => (v.trim().length < 2 ? intl.formatMessage(words.nameTooShort) : null) },
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
    (v) =>
      intl.formatMessage(
        { id: "members.organizations.savedToast", defaultMessage: "{name} saved." },
        { name: v.name.trim() },
      ),
    onClose,
  );
  const errors = { ...form.errors, ...change.fieldErrors };
  const title = organization
    ? intl.formatMessage(
        { id: "members.organizations.editTitle", defaultMessage: "Edit {name}" },
        { name: organization.name },
      )
    : "";
  return (
    <Modal
      opened={!!organization}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ "aria-label": intl.formatMessage(words.close) }}
    >
      <form noValidate aria-label={title} onSubmit={form.onSubmit((v) => change.mutation.mutate(v))}>
        <Stack gap="md">
          {change.problem && (
            <Alert color="red" variant="light" role="alert" title={intl.formatMessage(words.notSaved)}>
              {change.problem}
            </Alert>
          )}
          <TextInput
            label={intl.formatMessage(words.organizationName)}
            withAsterisk
            maxLength={limits.name}
            {...form.getInputProps("name")}
            error={errors.name}
          />
          <Select
            label={intl.formatMessage(words.kind)}
            withAsterisk
            allowDeselect={false}
            data={organizationKinds.map((k) => ({ value: k, label: organizationKindLabels[k] }))}
            {...form.getInputProps("kind")}
            error={errors.kind}
          />
          {form.values.kind === "business" && (
            <Select
              label={intl.formatMessage(words.size)}
              clearable
              data={sizeOptions(intl)}
              {...form.getInputProps("sizeBand")}
              error={errors.sizeBand}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              <FormattedMessage {...words.cancel} />
            </Button>
            <Button type="submit" loading={change.mutation.isPending}>
              <FormattedMessage {...words.save} />
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
  const intl = useIntl();
  const change = useTableChange(
    partnershipId,
    () =>
      organization
        ? membersApi.removeOrganization(partnershipId, organization.id, organization.version)
        : Promise.resolve(),
    () =>
      organization
        ? intl.formatMessage(
            { id: "members.organizations.removedToast", defaultMessage: "{name} was removed." },
            { name: organization.name },
          )
        : intl.formatMessage({
            id: "members.organizations.removedToastUnnamed",
            defaultMessage: "The organization was removed.",
          }),
    onClose,
  );
  const busy = (organization?.memberCount ?? 0) > 0;
  return (
    <ConfirmDialog
      opened={!!organization}
      title={
        organization
          ? intl.formatMessage(
              { id: "members.organizations.removeTitle", defaultMessage: "Remove {name}?" },
              { name: organization.name },
            )
          : ""
      }
      confirmLabel={intl.formatMessage({
        id: "members.organizations.removeConfirm",
        defaultMessage: "Remove the organization",
      })}
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
          ? `${endSentence(
              intl.formatMessage(
                {
                  id: "members.organizations.busyText",
                  defaultMessage:
                    "{count, plural, one {# person sits} other {# people sit}} at the table for {name}",
                },
                { count: organization?.memberCount ?? 0, name: organization?.name ?? "" },
              ),
            )} ${intl.formatMessage({
              id: "members.organizations.busyAdvice",
              defaultMessage: "Move them to another organization or remove them first.",
            })}`
          : intl.formatMessage(
              {
                id: "members.organizations.removeText",
                defaultMessage:
                  "{name} leaves the table. Former members who came from it keep its name in the partnership's history.",
              },
              { name: organization?.name ?? "" },
            )}
      </Text>
    </ConfirmDialog>
  );
}
