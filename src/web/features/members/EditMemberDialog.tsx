import { useEffect } from "react";
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { Member, Organization } from "../../../core/members.js";
import { limits } from "../../../core/limits.js";
import type { Role, Seniority } from "../../../core/vocabulary.js";
import { membersApi } from "./api.js";
import { organizationOptions, roleError, roleOptions, seniorityOptions } from "./roleOptions.js";
import { useTableChange } from "./useTableChange.js";

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
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { name: "", email: "", title: "", seniority: null, role: "", organizationId: null },
    validate: {
      name: (v) => (v.trim() ? null : "Enter the person's name"),
      email: (v) =>
        !v.trim() || emailPattern.test(v.trim())
          ? null
          : "Must be an e-mail address such as name@example.org",
      role: (v, values) =>
        roleError(
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
    (v) => (mode === "move" ? `${v.name.trim()} moved.` : `${v.name.trim()} saved.`),
    onClose,
  );
  const errors = { ...form.errors, ...change.fieldErrors };
  const title = member ? (mode === "move" ? `Move ${member.name}` : `Edit ${member.name}`) : "";

  return (
    <Modal
      opened={!!member}
      onClose={() => {
        change.reset();
        onClose();
      }}
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
          {mode === "edit" && (
            <>
              <TextInput
                label="Name"
                withAsterisk
                maxLength={limits.personName}
                disabled={member?.hasAccount}
                description={
                  member?.hasAccount ? "They have an account: only they can change their name." : undefined
                }
                {...form.getInputProps("name")}
                error={errors.name}
              />
              <TextInput
                label="E-mail"
                type="email"
                maxLength={limits.email}
                disabled={member?.hasAccount}
                description={
                  member?.hasAccount ? "They sign in with it: only they can change it." : "Optional."
                }
                {...form.getInputProps("email")}
                error={errors.email}
              />
              <TextInput
                label="Job title"
                description="Optional."
                maxLength={limits.name}
                {...form.getInputProps("title")}
                error={errors.title}
              />
            </>
          )}
          <Select
            label="Organization"
            placeholder="Choose"
            searchable
            data={organizationOptions(organizations)}
            {...form.getInputProps("organizationId")}
            error={errors.organizationId}
          />
          <Select
            label="Role"
            withAsterisk
            data={roleOptions(org)}
            {...form.getInputProps("role")}
            onChange={(v) => form.setFieldValue("role", (v ?? "") as Role | "")}
            error={errors.role}
          />
          {mode === "edit" && org?.kind === "business" && (
            <Select
              label="Seniority"
              placeholder="Not said"
              description="Optional. Counted, never named, to show the table is led by influential leaders."
              clearable
              data={seniorityOptions}
              {...form.getInputProps("seniority")}
              error={errors.seniority}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={change.mutation.isPending}>
              {mode === "move" ? "Move" : "Save"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
