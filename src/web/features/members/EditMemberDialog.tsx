import { useEffect } from "react";
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { FormattedMessage, useIntl } from "react-intl";
import type { Member, Organization } from "../../../core/members.js";
import { limits } from "../../../core/limits.js";
import type { Role, Seniority } from "../../../core/vocabulary.js";
import { membersApi } from "./api.js";
import { organizationOptions, roleError, roleOptions, seniorityOptions } from "./roleOptions.js";
import { useTableChange } from "./useTableChange.js";
import { words } from "./messages.js";

interface Values {
  name: string;
  email: string;
  title: string;
  seniority: Seniority | null;
  role: Role | "";
  organizationId: string | null;
}

interface Props {
  partnershipId: string;
  organizations: Organization[];
  member: Member | null;
  /** "edit" changes everything; "move" only the organization and the role that fits it. */
  mode: "edit" | "move";
  onClose: () => void;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function EditMemberDialog({ partnershipId, organizations, member, mode, onClose }: Props) {
  const intl = useIntl();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { name: "", email: "", title: "", seniority: null, role: "", organizationId: null },
    validate: {
      name: (v) => (v.trim() ? null : intl.formatMessage(words.nameMissing)),
      email: (v) =>
        !v.trim() || emailPattern.test(v.trim()) ? null : intl.formatMessage(words.emailInvalid),
      role: (v, values) =>
        roleError(
          intl,
          v,
          organizations.find((o) => o.id === values.organizationId),
        ),
    },
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (!member) return;
    setValues({
      name: member.name,
      email: member.email ?? "",
      title: member.title ?? "",
      seniority: member.seniority,
      role: member.role,
      organizationId: member.organizationId,
    });
    resetDirty();
    // The dialog opens for one member at a time: fill it when that member changes.
  }, [member, setValues, resetDirty]);

  const org = organizations.find((o) => o.id === form.values.organizationId);
  const change = useTableChange(
    partnershipId,
    (v: Values) => {
      if (!member) return Promise.resolve();
      const business = organizations.find((o) => o.id === v.organizationId)?.kind === "business";
      const own = member.hasAccount ? {} : { name: v.name.trim(), email: v.email.trim() || null };
      return membersApi.updateMember(partnershipId, member.membershipId, {
        version: member.version,
        role: v.role as Role,
        ...(v.organizationId ? { organizationId: v.organizationId } : {}),
        ...(mode === "edit" ? { ...own, title: v.title.trim() || null } : {}),
        ...(mode === "edit" && business ? { seniority: v.seniority } : {}),
      });
    },
    (v) =>
      mode === "move"
        ? intl.formatMessage(
            { id: "members.editMember.movedToast", defaultMessage: "{name} moved." },
            { name: v.name.trim() },
          )
        : intl.formatMessage(
            { id: "members.editMember.savedToast", defaultMessage: "{name} saved." },
            { name: v.name.trim() },
          ),
    onClose,
  );
  const errors = { ...form.errors, ...change.fieldErrors };
  const title = member
    ? mode === "move"
      ? intl.formatMessage(
          { id: "members.editMember.moveTitle", defaultMessage: "Move {name}" },
          { name: member.name },
        )
      : intl.formatMessage(
          { id: "members.editMember.editTitle", defaultMessage: "Edit {name}" },
          { name: member.name },
        )
    : "";

  return (
    <Modal
      opened={!!member}
      onClose={() => {
        change.reset();
        onClose();
      }}
      title={title}
      size="lg"
      closeButtonProps={{
        "aria-label": intl.formatMessage(words.close),
      }}
    >
      <form noValidate aria-label={title} onSubmit={form.onSubmit((v) => change.mutation.mutate(v))}>
        <Stack gap="md">
          {change.problem && (
            <Alert color="red" variant="light" role="alert" title={intl.formatMessage(words.notSaved)}>
              {change.problem}
            </Alert>
          )}
          {mode === "edit" && (
            <>
              <TextInput
                label={intl.formatMessage(words.name)}
                withAsterisk
                maxLength={limits.personName}
                disabled={member?.hasAccount}
                description={
                  member?.hasAccount
                    ? intl.formatMessage({
                        id: "members.editMember.nameLocked",
                        defaultMessage: "They have an account: only they can change their name.",
                      })
                    : undefined
                }
                {...form.getInputProps("name")}
                error={errors.name}
              />
              <TextInput
                label={intl.formatMessage(words.email)}
                type="email"
                maxLength={limits.email}
                disabled={member?.hasAccount}
                description={
                  member?.hasAccount
                    ? intl.formatMessage({
                        id: "members.editMember.emailLocked",
                        defaultMessage: "They sign in with it: only they can change it.",
                      })
                    : intl.formatMessage(words.optional)
                }
                {...form.getInputProps("email")}
                error={errors.email}
              />
              <TextInput
                label={intl.formatMessage(words.jobTitle)}
                description={intl.formatMessage(words.optional)}
                maxLength={limits.name}
                {...form.getInputProps("title")}
                error={errors.title}
              />
            </>
          )}
          <Select
            label={intl.formatMessage(words.organization)}
            placeholder={intl.formatMessage(words.choose)}
            searchable
            data={organizationOptions(organizations)}
            {...form.getInputProps("organizationId")}
            error={errors.organizationId}
          />
          <Select
            label={intl.formatMessage(words.role)}
            withAsterisk
            data={roleOptions(intl, org)}
            {...form.getInputProps("role")}
            onChange={(v) => form.setFieldValue("role", (v ?? "") as Role | "")}
            error={errors.role}
          />
          {mode === "edit" && org?.kind === "business" && (
            <Select
              label={intl.formatMessage(words.seniority)}
              placeholder={intl.formatMessage(words.notSaid)}
              description={intl.formatMessage(words.seniorityHelp)}
              clearable
              data={seniorityOptions()}
              {...form.getInputProps("seniority")}
              error={errors.seniority}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              <FormattedMessage {...words.cancel} />
            </Button>
            <Button type="submit" loading={change.mutation.isPending}>
              {mode === "move" ? (
                <FormattedMessage id="members.editMember.moveButton" defaultMessage="Move" />
              ) : (
                <FormattedMessage {...words.save} />
              )}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
