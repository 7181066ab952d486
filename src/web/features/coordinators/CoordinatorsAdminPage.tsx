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
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
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

const words = defineMessages({
  title: { id: "coordinators.admin.title", defaultMessage: "Coordinators" },
  scope: { id: "coordinators.admin.scope", defaultMessage: "Scope" },
});

/**
 * Community admins assign state and regional coordinators; a state coordinator assigns regional
 * coordinators inside their state (the server refuses the rest).
 */
export default function CoordinatorsAdminPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(words.title));
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
        /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim())
          ? null
          : intl.formatMessage({
              id: "coordinators.admin.emailInvalid",
              defaultMessage: "Enter the person's e-mail address",
            }),
      stateFips: (v, all) =>
        all.kind === "state" && !v
          ? intl.formatMessage({ id: "coordinators.admin.stateRequired", defaultMessage: "Choose the state" })
          : null,
      counties: (v, all) =>
        all.kind === "region" && !v.trim() && !all.cbsaCode.trim()
          ? intl.formatMessage({
              id: "coordinators.admin.countiesRequired",
              defaultMessage: "Enter county FIPS codes, or a CBSA code below",
            })
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
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          { id: "coordinators.admin.assigned", defaultMessage: "{person} now coordinates {scope}." },
          { person: scope.userName, scope: scope.name },
        ),
      });
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
      notifications.show({
        color: "table",
        message: intl.formatMessage({
          id: "coordinators.admin.removed",
          defaultMessage: "The scope was removed.",
        }),
      });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
  });

  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return (
      <SignInPrompt
        title={intl.formatMessage(words.title)}
        reason={intl.formatMessage({
          id: "coordinators.admin.signIn",
          defaultMessage: "Sign in to manage coordinators.",
        })}
      />
    );
  if (scopes.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({
          id: "coordinators.admin.loading",
          defaultMessage: "Loading the coordinators",
        })}
      />
    );
  if (scopes.isError) {
    return (
      <Stack gap="lg">
        <PageHeader title={intl.formatMessage(words.title)} />
        <ErrorAlert error={scopes.error} />
      </Stack>
    );
  }
  const items = scopes.data.items;
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        title={intl.formatMessage(words.title)}
        description={intl.formatMessage({
          id: "coordinators.admin.description",
          defaultMessage:
            "State and regional coordinators read every partnership of their scope, without voting or changing its work. Conveners see each time they open members-only data.",
        })}
      />
      <Card p="lg" component="section" aria-labelledby="assign-heading">
        <Title order={2} fz="lg" id="assign-heading" mb="sm">
          <FormattedMessage id="coordinators.admin.assignTitle" defaultMessage="Assign a coordinator" />
        </Title>
        <form onSubmit={form.onSubmit((v) => assign.mutate(v))} noValidate>
          <Stack gap="sm">
            <TextInput
              label={intl.formatMessage({
                id: "coordinators.admin.email",
                defaultMessage: "E-mail of the person",
              })}
              description={intl.formatMessage({
                id: "coordinators.admin.emailHelp",
                defaultMessage: "They need an account: ask them to sign up first.",
              })}
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps("email")}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="scope-kind-label">
                <FormattedMessage {...words.scope} />
              </Text>
              <SegmentedControl
                aria-labelledby="scope-kind-label"
                data={[
                  {
                    value: "state",
                    label: intl.formatMessage({
                      id: "coordinators.admin.kindState",
                      defaultMessage: "A state",
                    }),
                  },
                  {
                    value: "region",
                    label: intl.formatMessage({
                      id: "coordinators.admin.kindRegion",
                      defaultMessage: "A region (counties or CBSA)",
                    }),
                  },
                ]}
                {...form.getInputProps("kind")}
              />
            </Stack>
            <Select
              label={
                form.values.kind === "state"
                  ? intl.formatMessage({ id: "coordinators.admin.state", defaultMessage: "State" })
                  : intl.formatMessage({
                      id: "coordinators.admin.stateOptional",
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
                    id: "coordinators.admin.regionName",
                    defaultMessage: "Region name",
                  })}
                  placeholder={intl.formatMessage({
                    id: "coordinators.admin.regionNameExample",
                    defaultMessage: "Northeast Ohio",
                  })}
                  {...form.getInputProps("name")}
                />
                <TextInput
                  label={intl.formatMessage({
                    id: "coordinators.admin.counties",
                    defaultMessage: "County FIPS codes",
                  })}
                  description={intl.formatMessage({
                    id: "coordinators.admin.countiesHelp",
                    defaultMessage: "Five digits each, separated by commas, e.g. 39035, 39085",
                  })}
                  {...form.getInputProps("counties")}
                />
                <TextInput
                  label={intl.formatMessage({
                    id: "coordinators.admin.cbsa",
                    defaultMessage: "Or a CBSA code",
                  })}
                  description={intl.formatMessage({
                    id: "coordinators.admin.cbsaHelp",
                    defaultMessage: "Five digits; its counties are added to the region",
                  })}
                  inputMode="numeric"
                  {...form.getInputProps("cbsaCode")}
                />
              </>
            )}
            <Group>
              <Button type="submit" loading={assign.isPending}>
                <FormattedMessage id="coordinators.admin.assign" defaultMessage="Assign" />
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Card p="lg" component="section" aria-labelledby="scopes-heading">
        <Title order={2} fz="lg" id="scopes-heading" mb="sm">
          <FormattedMessage id="coordinators.admin.currentTitle" defaultMessage="Current coordinators" />
        </Title>
        {items.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage
              id="coordinators.admin.empty"
              defaultMessage="No coordinator is assigned yet."
            />
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">
                    <FormattedMessage id="coordinators.admin.person" defaultMessage="Person" />
                  </Table.Th>
                  <Table.Th scope="col">
                    <FormattedMessage {...words.scope} />
                  </Table.Th>
                  <Table.Th scope="col">
                    <FormattedMessage id="coordinators.admin.since" defaultMessage="Since" />
                  </Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>
                      <FormattedMessage id="coordinators.admin.actions" defaultMessage="Actions" />
                    </VisuallyHidden>
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
                      <Text size="sm">
                        {s.kind === "state" ? (
                          <FormattedMessage
                            id="coordinators.admin.scopeState"
                            defaultMessage="State: {name}"
                            values={{ name: s.name }}
                          />
                        ) : (
                          <FormattedMessage
                            id="coordinators.admin.scopeRegion"
                            defaultMessage="Region: {name}"
                            values={{ name: s.name }}
                          />
                        )}
                      </Text>
                      {s.kind === "region" && (
                        <Text size="xs" c="dimmed">
                          {s.cbsaCode ? (
                            <FormattedMessage
                              id="coordinators.admin.cbsaCounties"
                              defaultMessage="CBSA {code}, {count, plural, one {# county} other {# counties}}"
                              values={{ code: s.cbsaCode, count: s.counties.length }}
                            />
                          ) : (
                            <FormattedMessage
                              id="coordinators.admin.countyCount"
                              defaultMessage="{count, plural, one {# county} other {# counties}}"
                              values={{ count: s.counties.length }}
                            />
                          )}
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
                        aria-label={intl.formatMessage(
                          {
                            id: "coordinators.admin.removeLabel",
                            defaultMessage: "Remove {person}'s scope {scope}",
                          },
                          { person: s.userName, scope: s.name },
                        )}
                      >
                        <FormattedMessage id="coordinators.admin.remove" defaultMessage="Remove" />
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
          <FormattedMessage
            id="coordinators.admin.myScopeLink"
            defaultMessage="My scope: the partnerships you coordinate"
          />
        </Button>
      </Group>
    </Stack>
  );
}
