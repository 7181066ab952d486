import { Alert, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { formatDate } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { ssoApi, ssoDomainsKey, useSsoProviders } from "../auth/sso-api.js";

/** The community admin's rule: people of these e-mail domains sign in with their work account only. */
export default function SsoDomainsPage() {
  usePageTitle("Work-account sign-in");
  const me = useMe();
  const isAdmin = !!me.data?.isAdmin;
  const queryClient = useQueryClient();
  const providers = useSsoProviders();
  const domains = useQuery({
    queryKey: ssoDomainsKey,
    queryFn: ({ signal }) => ssoApi.domains(signal),
    enabled: isAdmin,
  });
  const form = useForm({
    mode: "controlled",
    initialValues: { domain: "", providerId: "" },
    validate: {
      domain: (v) =>
        /^[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : "Enter a domain such as example.edu, without the @",
      providerId: (v) => (v ? null : "Choose the provider its people sign in with"),
    },
  });
  const add = useMutation({
    mutationFn: (v: { domain: string; providerId: string }) => ssoApi.putDomain(v.domain, v.providerId),
    onSuccess: (domain) => {
      void queryClient.invalidateQueries({ queryKey: ssoDomainsKey });
      form.reset();
      notifications.show({
        color: "table",
        message: `People at ${domain.domain} now sign in with ${domain.providerName}.`,
      });
    },
    onError: (err) => {
      if (err instanceof ApiError && Object.keys(err.fieldErrors()).length) form.setErrors(err.fieldErrors());
      else notifications.show({ color: "red", message: errorMessage(err) });
    },
  });
  const remove = useMutation({
    mutationFn: (domain: string) => ssoApi.deleteDomain(domain),
    onSuccess: (_, domain) => {
      void queryClient.invalidateQueries({ queryKey: ssoDomainsKey });
      notifications.show({ color: "table", message: `People at ${domain} may sign in any way again.` });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
  });

  if (me.isPending) return <PageSkeleton />;
  if (!isAdmin) {
    return (
      <SignInPrompt title="Work-account sign-in" reason="Sign in as a community admin to see this page." />
    );
  }
  const list = providers.data?.providers ?? [];
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader
        title="Work-account sign-in"
        description="Require people of chosen e-mail domains to sign in with their organization's account: for them, passwords and e-mailed links stop working."
      />
      {providers.isSuccess && list.length === 0 && (
        <Alert color="harvest" variant="light" title="No provider is configured">
          Set SSO_PROVIDERS on the server (see the README&apos;s “Single sign-on”) to offer work-account
          sign-in.
        </Alert>
      )}
      <Card p="lg" component="section" aria-label="Require work-account sign-in">
        <form
          noValidate
          onSubmit={form.onSubmit(
            (v) => add.mutate({ domain: v.domain.trim().toLowerCase(), providerId: v.providerId }),
            focusFirstError,
          )}
        >
          <Stack gap="sm">
            <Title order={2} fz="lg">
              Require work-account sign-in
            </Title>
            <TextInput
              label="E-mail domain"
              placeholder="example.edu"
              required
              {...form.getInputProps("domain")}
            />
            <Select
              label="Provider"
              required
              data={list.map((p) => ({ value: p.id, label: p.name }))}
              disabled={list.length === 0}
              {...form.getInputProps("providerId")}
            />
            <Group>
              <Button type="submit" loading={add.isPending} disabled={list.length === 0}>
                Require it
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Card p="lg" component="section" aria-label="Domains that require it">
        <Stack gap="sm">
          <Title order={2} fz="lg">
            Domains that require it
          </Title>
          {domains.isPending ? (
            <PageSkeleton label="Loading the domains" />
          ) : domains.isError ? (
            <ErrorAlert error={domains.error} onRetry={() => void domains.refetch()} />
          ) : domains.data.domains.length === 0 ? (
            <Text c="dimmed">None yet: everyone may sign in with an e-mailed link or a password.</Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {domains.data.domains.map((d) => (
                <Card key={d.domain} component="li" withBorder p="sm">
                  <Group justify="space-between" wrap="wrap" gap="xs">
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                        {d.domain}
                      </Text>
                      <Group gap="xs">
                        <Text size="sm">signs in with {d.providerName}</Text>
                        {!d.configured && <Badge color="gray">provider not configured: not applied</Badge>}
                      </Group>
                      <Text size="xs" c="dimmed">
                        Since {formatDate(d.createdAt)}
                      </Text>
                    </Stack>
                    <Button
                      variant="default"
                      size="sm"
                      loading={remove.isPending && remove.variables === d.domain}
                      onClick={() => remove.mutate(d.domain)}
                      aria-label={`Remove ${d.domain}: stop requiring work-account sign-in`}
                    >
                      Remove
                    </Button>
                  </Group>
                </Card>
              ))}
            </Stack>
          )}
        </Stack>
      </Card>
    </Stack>
  );
}
