import {
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import type { AssignScopeBody, ScopeKind } from "../../../core/coordinators.js";
import { usStates } from "../../../core/geography.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { formatDate } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { coordinatorsApi, scopesKey } from "./api.js";

const stateOptions = usStates.map((s) => ({ value: s.fips, label: s.name }));

interface Values {
  email: string;
  kind: ScopeKind;
  stateFips: string | null;
  name: string;
  /** County FIPS codes, separated by commas or spaces. */
  counties: string;
  cbsaCode: string;
}

/**
 * Community admins assign state and regional coordinators; a state coordinator assigns regional
 * coordinators inside their state (the server refuses the rest).
 */
export default function CoordinatorsAdminPage() {
  usePageTitle("Coordinators");
  const me = useMe();
  const queryClient = useQueryClient();
  const scopes = useQuery({
    queryKey: scopesKey,
    queryFn: ({ signal }) => coordinatorsApi.list(signal),
    enabled: !!me.data,
    retry: false,
  });
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: { email: "", kind: "state", stateFips: null, name: "", counties: "", cbsaCode: "" },
    validate: {
      email: (v) =>
        /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : "Enter the person's e-mail address",
      stateFips: (v, all) => (all.kind === "state" && !v ? "Choose the state" : null),
      counties: (v, all) =>
        all.kind === "region" && !v.trim() && !all.cbsaCode.trim()
          ? "Enter county FIPS codes, or a CBSA code below"
          : null,
    },
  });
  const assign = useMutation({
    mutationFn: (v: Values) => {
      const body: AssignScopeBody = { email: v.email.trim(), kind: v.kind };
      if (v.kind === "state") body.stateFips = v.stateFips ?? undefined;
      else {
        const counties = v.counties.split(/[\s,;]+/).filter(Boolean);
        if (counties.length) body.counties = counties;
        if (v.cbsaCode.trim()) body.cbsaCode = v.cbsaCode.trim();
        if (v.name.trim()) body.name = v.name.trim();
        if (v.stateFips) body.stateFips = v.stateFips;
      }
      return coordinatorsApi.assign(body);
    },
    onSuccess: (scope) => {
      void queryClient.invalidateQueries({ queryKey: scopesKey });
      form.reset();
      notifications.show({ color: "table", message: `${scope.userName} now coordinates ${scope.name}.` });
    },
    onError: (err) => {
      if (err instanceof ApiError && Object.keys(err.fieldErrors()).length) form.setErrors(err.fieldErrors());
      else notifications.show({ color: "red", message: errorMessage(err) });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => coordinatorsApi.remove(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: scopesKey });
      notifications.show({ color: "table", message: "The scope was removed." });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
  });

  if (me.isPending) return <PageSkeleton />;
  if (!me.data) return <SignInPrompt title="Coordinators" reason="Sign in to manage coordinators." />;
  if (scopes.isPending) return <PageSkeleton label="Loading the coordinators" />;
  if (scopes.isError) {
    return (
      <Stack gap="lg">
        <PageHeader title="Coordinators" />
        <ErrorAlert error={scopes.error} />
      </Stack>
    );
  }
  const items = scopes.data.items;
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        title="Coordinators"
        description="State and regional coordinators read every partnership of their scope, without voting or changing its work. Conveners see each time they open members-only data."
      />
      <Card p="lg" component="section" aria-labelledby="assign-heading">
        <Title order={2} fz="lg" id="assign-heading" mb="sm">
          Assign a coordinator
        </Title>
        <form onSubmit={form.onSubmit((v) => assign.mutate(v))} noValidate>
          <Stack gap="sm">
            <TextInput
              label="E-mail of the person"
              description="They need an account: ask them to sign up first."
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps("email")}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="scope-kind-label">
                Scope
              </Text>
              <SegmentedControl
                aria-labelledby="scope-kind-label"
                data={[
                  { value: "state", label: "A state" },
                  { value: "region", label: "A region (counties or CBSA)" },
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
                <TextInput label="Region name" placeholder="Northeast Ohio" {...form.getInputProps("name")} />
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
            <Group>
              <Button type="submit" loading={assign.isPending}>
                Assign
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Card p="lg" component="section" aria-labelledby="scopes-heading">
        <Title order={2} fz="lg" id="scopes-heading" mb="sm">
          Current coordinators
        </Title>
        {items.length === 0 ? (
          <Text c="dimmed">No coordinator is assigned yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Person</Table.Th>
                  <Table.Th scope="col">Scope</Table.Th>
                  <Table.Th scope="col">Since</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {s.userName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {s.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{s.kind === "state" ? `State: ${s.name}` : `Region: ${s.name}`}</Text>
                      {s.kind === "region" && (
                        <Text size="xs" c="dimmed">
                          {s.cbsaCode ? `CBSA ${s.cbsaCode}, ` : ""}
                          {s.counties.length} counties
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(s.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        loading={remove.isPending && remove.variables === s.id}
                        onClick={() => remove.mutate(s.id)}
                        aria-label={`Remove ${s.userName}'s scope ${s.name}`}
                      >
                        Remove
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Group>
        <Button component={Link} to="/me/scope" variant="default">
          My scope: the partnerships you coordinate
        </Button>
      </Group>
    </Stack>
  );
}
