import { useState } from "react";
import { Alert, Button, Grid, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import type { OrganizationBody } from "../../../core/members.js";
import { limits } from "../../../core/limits.js";
import {
  organizationKindLabels,
  organizationKinds,
  type OrganizationKind,
  type SizeBand,
} from "../../../core/vocabulary.js";
import { typedLinkProblem } from "../../../core/urls.js";
import { ApiError, errorMessage, sentence } from "../../lib/api.js";
import { NaicsSelect } from "../reference/NaicsSelect.js";
import { membersApi, membersKey } from "./api.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { sizeOptions } from "./roleOptions.js";
import { words } from "./messages.js";

interface Values {
  name: string;
  kind: OrganizationKind;
  naics: string | null;
  sizeBand: SizeBand | null;
  website: string;
}

export function AddOrganizationForm({ partnershipId }: { partnershipId: string }) {
  const intl = useIntl();
  const kindOptions = organizationKinds.map((k) => ({ value: k, label: organizationKindLabels[k] }));
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { name: "", kind: "business", naics: null, sizeBand: null, website: "" },
    validate: {
      name: (v) => (v.trim().length < 2 ? intl.formatMessage(words.nameTooShort) : null),
      website: (v) => {
        const problem = typedLinkProblem(v, "website");
        return problem ? sentence(problem) : null;
      },
    },
  });
  const isBusiness = form.values.kind === "business";

  const add = useMutation({
    mutationFn: (body: OrganizationBody) => membersApi.addOrganization(partnershipId, body),
    onSuccess: async (org) => {
      await queryClient.invalidateQueries({ queryKey: membersKey(partnershipId) });
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          { id: "members.addOrganization.addedToast", defaultMessage: "{name} is at the table." },
          { name: org.name },
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

  return (
    <form
      noValidate
      aria-label={intl.formatMessage({
        id: "members.addOrganization.formLabel",
        defaultMessage: "Add an organization",
      })}
      onSubmit={form.onSubmit((v) => {
        setProblem(null);
        add.mutate({
          name: v.name.trim(),
          kind: v.kind,
          ...(v.kind === "business" && v.naics ? { naics: v.naics } : {}),
          ...(v.kind === "business" && v.sizeBand ? { sizeBand: v.sizeBand } : {}),
          ...(v.website.trim() ? { website: v.website.trim() } : {}),
        });
      }, focusFirstError)}
    >
      <Stack gap="md">
        {problem && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={intl.formatMessage({
              id: "members.addOrganization.notAdded",
              defaultMessage: "Not added",
            })}
          >
            {problem}
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <TextInput
              label={intl.formatMessage(words.organizationName)}
              withAsterisk
              maxLength={limits.name}
              {...form.getInputProps("name")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <Select
              label={intl.formatMessage(words.kind)}
              data={kindOptions}
              allowDeselect={false}
              {...form.getInputProps("kind")}
              onChange={(v) => {
                if (!v) return;
                form.setFieldValue("kind", v as OrganizationKind);
                if (v !== "business") {
                  form.setFieldValue("naics", null);
                  form.setFieldValue("sizeBand", null);
                }
              }}
            />
          </Grid.Col>
          {isBusiness && (
            <>
              <Grid.Col span={{ base: 12, sm: 7 }}>
                <NaicsSelect
                  label={intl.formatMessage({
                    id: "members.addOrganization.industryLabel",
                    defaultMessage: "Industry (NAICS)",
                  })}
                  value={form.values.naics}
                  onChange={(v) => form.setFieldValue("naics", v)}
                  error={form.errors.naics}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 5 }}>
                <Select
                  label={intl.formatMessage(words.size)}
                  placeholder={intl.formatMessage({
                    id: "members.addOrganization.sizePlaceholder",
                    defaultMessage: "Number of employees",
                  })}
                  data={sizeOptions(intl)}
                  clearable
                  {...form.getInputProps("sizeBand")}
                />
              </Grid.Col>
            </>
          )}
          <Grid.Col span={12}>
            <TextInput
              label={intl.formatMessage({
                id: "members.addOrganization.websiteLabel",
                defaultMessage: "Website",
              })}
              inputMode="url"
              placeholder="www.example.org"
              maxLength={limits.url}
              {...form.getInputProps("website")}
            />
          </Grid.Col>
        </Grid>
        <div>
          <Button type="submit" loading={add.isPending}>
            <FormattedMessage id="members.addOrganization.submitButton" defaultMessage="Add organization" />
          </Button>
        </div>
      </Stack>
    </form>
  );
}
