import { useState } from "react";
import { Alert, Button, Grid, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import type { Organization } from "../../../core/members.js";
import { limits } from "../../../core/limits.js";
import type { Role, Seniority } from "../../../core/vocabulary.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { membersApi, membersKey } from "./api.js";
import { organizationOptions, roleError, roleOptions, seniorityOptions } from "./roleOptions.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { words } from "./messages.js";
import { useLocale } from "../../i18n/LocaleProvider.js";
import { contentLocale, LOCALE_NAMES, LOCALES, type Locale } from "../../../core/i18n/locales.js";

interface Values {
  name: string;
  email: string;
  title: string;
  seniority: Seniority | null;
  role: Role | "";
  organizationId: string | null;
  /** The invitation e-mail's language, for an address without an account yet. */
  lang: Locale;
}

interface Props {
  partnershipId: string;
  organizations: Organization[];
  /** "add" puts the person on the list now; "invite" e-mails them a link to join. */
  mode: "add" | "invite";
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Adds a person to the partnership, or invites them by e-mail. */
export function PersonForm({ partnershipId, organizations, mode }: Props) {
  const intl = useIntl();
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      name: "",
      email: "",
      title: "",
      seniority: null,
      role: "",
      organizationId: null,
      // The inviter's own language first: often the language they speak with the person.
      lang: contentLocale(locale),
    },
    validate: {
      name: (v) => (v.trim() ? null : intl.formatMessage(words.nameMissing)),
      email: (v) => {
        if (!v.trim())
          return mode === "invite"
            ? intl.formatMessage({
                id: "members.personForm.inviteEmailMissing",
                defaultMessage: "Enter the e-mail address to invite",
              })
            : null;
        return emailPattern.test(v.trim()) ? null : intl.formatMessage(words.emailInvalid);
      },
      organizationId: (v) =>
        v
          ? null
          : intl.formatMessage({
              id: "members.personForm.organizationMissing",
              defaultMessage: "Choose an organization of this partnership",
            }),
      role: (v, values) =>
        roleError(
          intl,
          v,
          organizations.find((o) => o.id === values.organizationId),
        ),
    },
  });
  const org = organizations.find((o) => o.id === form.values.organizationId);

  const submit = useMutation({
    mutationFn: async (v: Values) => {
      const base = {
        name: v.name.trim(),
        role: v.role as Role,
        organizationId: v.organizationId ?? "",
      };
      if (mode === "invite") {
        await membersApi.invite(partnershipId, { ...base, email: v.email.trim(), lang: v.lang });
      } else {
        await membersApi.addMember(partnershipId, {
          ...base,
          ...(v.email.trim() ? { email: v.email.trim() } : {}),
          ...(v.title.trim() ? { title: v.title.trim() } : {}),
          // Only a business member has a seniority: a choice left from another organization is dropped.
          ...(v.seniority && org?.kind === "business" ? { seniority: v.seniority } : {}),
        });
      }
      return v;
    },
    onSuccess: async (v) => {
      await queryClient.invalidateQueries({ queryKey: membersKey(partnershipId) });
      notifications.show({
        color: "table",
        message:
          mode === "invite"
            ? intl.formatMessage(
                { id: "members.personForm.invitedToast", defaultMessage: "Invitation sent to {email}." },
                { email: v.email.trim() },
              )
            : intl.formatMessage(
                { id: "members.personForm.addedToast", defaultMessage: "{name} is now a member." },
                { name: v.name.trim() },
              ),
      });
      form.reset();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.problem.errors?.length) {
        form.setErrors(err.fieldErrors());
        setProblem(null);
      } else setProblem(errorMessage(err));
    },
  });

  if (organizations.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        <FormattedMessage
          id="members.personForm.noOrganization"
          defaultMessage="Add an organization first: every person sits at the table for an organization."
        />
      </Text>
    );
  }

  const verb =
    mode === "invite"
      ? intl.formatMessage({ id: "members.personForm.inviteButton", defaultMessage: "Send invitation" })
      : intl.formatMessage({ id: "members.personForm.addButton", defaultMessage: "Add person" });
  return (
    <form
      noValidate
      aria-label={
        mode === "invite"
          ? intl.formatMessage({
              id: "members.personForm.inviteFormLabel",
              defaultMessage: "Invite by e-mail",
            })
          : intl.formatMessage({ id: "members.personForm.addFormLabel", defaultMessage: "Add a person" })
      }
      onSubmit={form.onSubmit((v) => {
        setProblem(null);
        submit.mutate(v);
      }, focusFirstError)}
    >
      <Stack gap="md">
        {problem && (
          <Alert color="red" variant="light" role="alert" title={intl.formatMessage(words.notSaved)}>
            {problem}
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={intl.formatMessage(words.name)}
              withAsterisk
              autoComplete="off"
              maxLength={limits.personName}
              {...form.getInputProps("name")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={intl.formatMessage(words.email)}
              type="email"
              autoComplete="off"
              withAsterisk={mode === "invite"}
              description={mode === "add" ? intl.formatMessage(words.optional) : undefined}
              maxLength={limits.email}
              {...form.getInputProps("email")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={intl.formatMessage(words.organization)}
              placeholder={intl.formatMessage(words.choose)}
              withAsterisk
              searchable
              data={organizationOptions(organizations)}
              {...form.getInputProps("organizationId")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select
              label={intl.formatMessage(words.role)}
              placeholder={intl.formatMessage(words.choose)}
              withAsterisk
              data={roleOptions(intl, org)}
              {...form.getInputProps("role")}
              onChange={(v) => form.setFieldValue("role", (v ?? "") as Role | "")}
            />
          </Grid.Col>
          {mode === "invite" && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={intl.formatMessage({
                  id: "members.personForm.langLabel",
                  defaultMessage: "Language of the invitation",
                })}
                description={intl.formatMessage({
                  id: "members.personForm.langHelp",
                  defaultMessage:
                    "For someone without an account yet; an account's own language comes first.",
                })}
                allowDeselect={false}
                data={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
                {...form.getInputProps("lang")}
              />
            </Grid.Col>
          )}
          {mode === "add" && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={intl.formatMessage(words.jobTitle)}
                description={intl.formatMessage(words.optional)}
                maxLength={limits.name}
                {...form.getInputProps("title")}
              />
            </Grid.Col>
          )}
          {mode === "add" && org?.kind === "business" && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={intl.formatMessage(words.seniority)}
                placeholder={intl.formatMessage(words.notSaid)}
                description={intl.formatMessage(words.seniorityHelp)}
                clearable
                data={seniorityOptions()}
                {...form.getInputProps("seniority")}
              />
            </Grid.Col>
          )}
        </Grid>
        <div>
          <Button type="submit" loading={submit.isPending}>
            {verb}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
