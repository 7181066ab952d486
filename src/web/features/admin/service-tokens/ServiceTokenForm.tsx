import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ScopeKind } from "../../../../core/coordinators.js";
import { usStates } from "../../../../core/geography.js";
import type { CreatedServiceToken, CreateServiceTokenBody } from "../../../../core/service-tokens.js";
import { ApiError, errorMessage } from "../../../lib/api.js";
import { focusFirstError } from "../../../lib/focusFirstError.js";
import { serviceTokensApi, serviceTokensKey } from "./api.js";

const stateOptions = usStates.map((s) => ({ value: s.fips, label: s.name }));
const expiryChoices = [
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
  { value: "never", label: "Never (until revoked)" },
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
      name: (v) => (v.trim() ? null : "Give the token a name, such as the system that will use it"),
      stateFips: (v, all) => (all.kind === "state" && !v ? "Choose the state" : null),
      counties: (v, all) =>
        all.kind === "region" && !v.trim() && !all.cbsaCode.trim()
          ? "Enter county FIPS codes, or a CBSA code below"
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
      aria-label="New service token"
      onSubmit={form.onSubmit((v) => make.mutate(v), focusFirstError)}
    >
      <Stack gap="sm">
        <TextInput
          label="Token name"
          description="Say what will use it, e.g. “Ohio workforce data sync”"
          required
          maxLength={80}
          {...form.getInputProps("name")}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="service-scope-kind">
            It reads
          </Text>
          <SegmentedControl
            aria-labelledby="service-scope-kind"
            data={[
              { value: "state", label: "A state" },
              { value: "region", label: "A region" },
            ]}
            {...form.getInputProps("kind")}
          />
        </Stack>
        <Select
          label={form.values.kind === "state" ? "State" : "State (optional: taken from the counties)"}
          data={stateOptions}
          searchable
          clearable
          required={form.values.kind === "state"}
          {...form.getInputProps("stateFips")}
        />
        {form.values.kind === "region" && (
          <>
            <TextInput
              label="Region name"
              placeholder="Northeast Ohio"
              {...form.getInputProps("regionName")}
            />
            <TextInput
              label="County FIPS codes"
              description="Five digits each, separated by commas, e.g. 39035, 39085"
              {...form.getInputProps("counties")}
            />
            <TextInput
              label="Or a CBSA code"
              description="Five digits; its counties are added to the region"
              inputMode="numeric"
              {...form.getInputProps("cbsaCode")}
            />
          </>
        )}
        <Select
          label="Expires"
          data={expiryChoices}
          allowDeselect={false}
          {...form.getInputProps("expiry")}
        />
        <Group>
          <Button type="submit" loading={make.isPending}>
            Make a read-only token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
