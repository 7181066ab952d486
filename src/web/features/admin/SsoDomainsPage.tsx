import { Alert, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
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

const words = defineMessages({
  requireHeading: { id: "admin.sso.requireHeading", defaultMessage: "Require work-account sign-in" },
  domainsHeading: { id: "admin.sso.domainsHeading", defaultMessage: "Domains that require it" },
});

/** The community admin's rule: people of these e-mail domains sign in with their work account only. */
export default function SsoDomainsPage() {
  const intl = useIntl();
  const title = intl.formatMessage({ id: "admin.sso.title", defaultMessage: "Work-account sign-in" });
  usePageTitle(title);
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
        /^[^\s@]+\.[^\s@]+$/.test(v.trim())
          ? null
          : intl.formatMessage({
              id: "admin.sso.domainInvalid",
              defaultMessage: "Enter a domain such as example.edu, without the @",
            }),
      providerId: (v) =>
        v
          ? null
          : intl.formatMessage({
              id: "admin.sso.providerMissing",
              defaultMessage: "Choose the provider its people sign in with",
            }),
    },
  });
  const add = useMutation({
    mutationFn: (v: { domain: string; providerId: string }) => ssoApi.putDomain(v.domain, v.providerId),
    onSuccess: (domain) => {
      void queryClient.invalidateQueries({ queryKey: ssoDomainsKey });
      form.reset();
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          {
            id: "admin.sso.addedToast",
            defaultMessage: "People at {domain} now sign in with {provider}.",
          },
          { domain: domain.domain, provider: domain.providerName },
        ),
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
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          { id: "admin.sso.removedToast", defaultMessage: "People at {domain} may sign in any way again." },
          { domain },
        ),
      });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
  });

  if (me.isPending) return <PageSkeleton />;
  if (!isAdmin) {
    return (
      <SignInPrompt
        title={title}
        reason={intl.formatMessage({
          id: "admin.sso.signInReason",
          defaultMessage: "Sign in as a community admin to see this page.",
        })}
      />
    );
  }
  const list = providers.data?.providers ?? [];
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader
        title={title}
        description={intl.formatMessage({
          id: "admin.sso.description",
          defaultMessage:
            "Require people of chosen e-mail domains to sign in with their organization's account: for them, passwords and e-mailed links stop working.",
        })}
      />
      {providers.isSuccess && list.length === 0 && (
        <Alert
          color="harvest"
          variant="light"
          title={intl.formatMessage({
            id: "admin.sso.noProviderTitle",
            defaultMessage: "No provider is configured",
          })}
        >
          <FormattedMessage
            id="admin.sso.noProviderText"
            defaultMessage="Set SSO_PROVIDERS on the server (see the README's “Single sign-on”) to offer work-account sign-in."
          />
        </Alert>
      )}
      <Card p="lg" component="section" aria-label={intl.formatMessage(words.requireHeading)}>
        <form
          noValidate
          onSubmit={form.onSubmit(
            (v) => add.mutate({ domain: v.domain.trim().toLowerCase(), providerId: v.providerId }),
            focusFirstError,
          )}
        >
          <Stack gap="sm">
            <Title order={2} fz="lg">
              {intl.formatMessage(words.requireHeading)}
            </Title>
            <TextInput
              label={intl.formatMessage({ id: "admin.sso.domainLabel", defaultMessage: "E-mail domain" })}
              placeholder={intl.formatMessage({
                id: "admin.sso.domainPlaceholder",
                defaultMessage: "example.edu",
              })}
              required
              {...form.getInputProps("domain")}
            />
            <Select
              label={intl.formatMessage({ id: "admin.sso.providerLabel", defaultMessage: "Provider" })}
              required
              data={list.map((p) => ({ value: p.id, label: p.name }))}
              disabled={list.length === 0}
              {...form.getInputProps("providerId")}
            />
            <Group>
              <Button type="submit" loading={add.isPending} disabled={list.length === 0}>
                <FormattedMessage id="admin.sso.requireButton" defaultMessage="Require it" />
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      <Card p="lg" component="section" aria-label={intl.formatMessage(words.domainsHeading)}>
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {intl.formatMessage(words.domainsHeading)}
          </Title>
          {domains.isPending ? (
            <PageSkeleton
              label={intl.formatMessage({ id: "admin.sso.loading", defaultMessage: "Loading the domains" })}
            />
          ) : domains.isError ? (
            <ErrorAlert error={domains.error} onRetry={() => void domains.refetch()} />
          ) : domains.data.domains.length === 0 ? (
            <Text c="dimmed">
              <FormattedMessage
                id="admin.sso.empty"
                defaultMessage="None yet: everyone may sign in with an e-mailed link or a password."
              />
            </Text>
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
                        <Text size="sm">
                          <FormattedMessage
                            id="admin.sso.signsInWith"
                            defaultMessage="signs in with {provider}"
                            values={{ provider: d.providerName }}
                          />
                        </Text>
                        {!d.configured && (
                          <Badge color="gray">
                            <FormattedMessage
                              id="admin.sso.notConfigured"
                              defaultMessage="provider not configured: not applied"
                            />
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed">
                        <FormattedMessage
                          id="admin.sso.since"
                          defaultMessage="Since {date}"
                          values={{ date: formatDate(d.createdAt) }}
                        />
                      </Text>
                    </Stack>
                    <Button
                      variant="default"
                      size="sm"
                      loading={remove.isPending && remove.variables === d.domain}
                      onClick={() => remove.mutate(d.domain)}
                      aria-label={intl.formatMessage(
                        {
                          id: "admin.sso.removeLabel",
                          defaultMessage: "Remove {domain}: stop requiring work-account sign-in",
                        },
                        { domain: d.domain },
                      )}
                    >
                      <FormattedMessage id="admin.sso.remove" defaultMessage="Remove" />
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
