import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import type { ScopeKind } from "../../../../core/coordinators.js";
import { usStates } from "../../../../core/geography.js";
import type { CreatedServiceToken, CreateServiceTokenBody } from "../../../../core/service-tokens.js";
import { ApiError, errorMessage } from "../../../lib/api.js";
import { focusFirstError } from "../../../lib/focusFirstError.js";
import { serviceTokensApi, serviceTokensKey } from "./api.js";

const stateOptions = usStates.map((s) => ({ value: s.fips, label: s.name }));
const expiryWords = defineMessages({
  days90: { id: "admin.serviceTokens.form.expiry90", defaultMessage: "In 90 days" },
  year: { id: "admin.serviceTokens.form.expiryYear", defaultMessage: "In a year" },
  never: { id: "admin.serviceTokens.form.expiryNever", defaultMessage: "Never (until revoked)" },
});
const expiryChoices = [
  { value: "90", label: expiryWords.days90 },
  { value: "365", label: expiryWords.year },
  { value: "never", label: expiryWords.never },
];

interface Values {
  name: string;
  kind: ScopeKind;
  stateFips: string | null;
  regionName: string;
  /** County FIPS codes, separated by commas or spaces. */
  counties: string;
  cbsaCode: string;
  expiry: string;
}

function bodyOf(v: Values): CreateServiceTokenBody {
  const scope: CreateServiceTokenBody["scope"] = { kind: v.kind };
  if (v.stateFips) scope.stateFips = v.stateFips;
  if (v.kind === "region") {
    const counties = v.counties.split(/[\s,;]+/).filter(Boolean);
    if (counties.length) scope.counties = counties;
    if (v.cbsaCode.trim()) scope.cbsaCode = v.cbsaCode.trim();
    if (v.regionName.trim()) scope.name = v.regionName.trim();
  }
  return { name: v.name.trim(), scope, expiresInDays: v.expiry === "never" ? null : Number(v.expiry) };
}

/** Making a service token: its name, the state or region it reads, and when it stops working. */
export function ServiceTokenForm({ onMade }: { onMade: (made: CreatedServiceToken) => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      name: "",
      kind: "state",
      stateFips: null,
      regionName: "",
      counties: "",
      cbsaCode: "",
      expiry: "365",
    },
    validate: {
      name: (v) =>
        v.trim()
          ? null
          : intl.formatMessage({
              id: "admin.serviceTokens.form.nameMissing",
              defaultMessage: "Give the token a name, such as the system that will use it",
            }),
      stateFips: (v, all) =>
        all.kind === "state" && !v
          ? intl.formatMessage({
              id: "admin.serviceTokens.form.stateMissing",
              defaultMessage: "Choose the state",
            })
          : null,
      counties: (v, all) =>
        all.kind === "region" && !v.trim() && !all.cbsaCode.trim()
          ? intl.formatMessage({
              id: "admin.serviceTokens.form.countiesMissing",
              defaultMessage: "Enter county FIPS codes, or a CBSA code below",
            })
          : null,
    },
  });
  const make = useMutation({
    mutationFn: (v: Values) => serviceTokensApi.create(bodyOf(v)),
    onSuccess: async (made) => {
      form.reset();
      onMade(made);
      await queryClient.invalidateQueries({ queryKey: serviceTokensKey });
    },
    onError: (err) => {
      const fields = err instanceof ApiError ? err.fieldErrors() : {};
      if (Object.keys(fields).length) {
        // The server names scope fields as "scope.counties"; the form's fields are flat.
        form.setErrors({
          name: fields.name,
          stateFips: fields["scope.stateFips"],
          counties: fields["scope.counties"],
          cbsaCode: fields["scope.cbsaCode"],
          expiry: fields.expiresInDays,
        });
      } else notifications.show({ color: "red", message: errorMessage(err) });
    },
  });
  return (
    <form
      noValidate
      aria-label={intl.formatMessage({
        id: "admin.serviceTokens.form.label",
        defaultMessage: "New service token",
      })}
      onSubmit={form.onSubmit((v) => make.mutate(v), focusFirstError)}
    >
      <Stack gap="sm">
        <TextInput
          label={intl.formatMessage({
            id: "admin.serviceTokens.form.nameLabel",
            defaultMessage: "Token name",
          })}
          description={intl.formatMessage({
            id: "admin.serviceTokens.form.nameDescription",
            defaultMessage: "Say what will use it, e.g. “Ohio workforce data sync”",
          })}
          required
          maxLength={80}
          {...form.getInputProps("name")}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="service-scope-kind">
            <FormattedMessage id="admin.serviceTokens.form.readsLabel" defaultMessage="It reads" />
          </Text>
          <SegmentedControl
            aria-labelledby="service-scope-kind"
            data={[
              {
                value: "state",
                label: intl.formatMessage({
                  id: "admin.serviceTokens.form.kindState",
                  defaultMessage: "A state",
                }),
              },
              {
                value: "region",
                label: intl.formatMessage({
                  id: "admin.serviceTokens.form.kindRegion",
                  defaultMessage: "A region",
                }),
              },
            ]}
            {...form.getInputProps("kind")}
          />
        </Stack>
        <Select
          label={
            form.values.kind === "state"
              ? intl.formatMessage({ id: "admin.serviceTokens.form.stateLabel", defaultMessage: "State" })
              : intl.formatMessage({
                  id: "admin.serviceTokens.form.stateOptionalLabel",
                  defaultMessage: "State (optional: taken from the counties)",
                })
          }
          data={stateOptions}
          searchable
          clearable
          required={form.values.kind === "state"}
          {...form.getInputProps("stateFips")}
        />
        {form.values.kind === "region" && (
          <>
            <TextInput
              label={intl.formatMessage({
                id: "admin.serviceTokens.form.regionNameLabel",
                defaultMessage: "Region name",
              })}
              placeholder={intl.formatMessage({
                id: "admin.serviceTokens.form.regionNamePlaceholder",
                defaultMessage: "Northeast Ohio",
              })}
              {...form.getInputProps("regionName")}
            />
            <TextInput
              label={intl.formatMessage({
                id: "admin.serviceTokens.form.countiesLabel",
                defaultMessage: "County FIPS codes",
              })}
              description={intl.formatMessage({
                id: "admin.serviceTokens.form.countiesDescription",
                defaultMessage: "Five digits each, separated by commas, e.g. 39035, 39085",
              })}
              {...form.getInputProps("counties")}
            />
            <TextInput
              label={intl.formatMessage({
                id: "admin.serviceTokens.form.cbsaLabel",
                defaultMessage: "Or a CBSA code",
              })}
              description={intl.formatMessage({
                id: "admin.serviceTokens.form.cbsaDescription",
                defaultMessage: "Five digits; its counties are added to the region",
              })}
              inputMode="numeric"
              {...form.getInputProps("cbsaCode")}
            />
          </>
        )}
        <Select
          label={intl.formatMessage({
            id: "admin.serviceTokens.form.expiresLabel",
            defaultMessage: "Expires",
          })}
          data={expiryChoices.map((c) => ({ value: c.value, label: intl.formatMessage(c.label) }))}
          allowDeselect={false}
          {...form.getInputProps("expiry")}
        />
        <Group>
          <Button type="submit" loading={make.isPending}>
            <FormattedMessage id="admin.serviceTokens.form.submit" defaultMessage="Make a read-only token" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
