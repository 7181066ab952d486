import { useState } from "react";
import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { errorMessage } from "../../lib/api.js";
import { formatDateTime } from "../../lib/format.js";
import { goToProvider, mySsoKey, ssoApi, useSsoProviders } from "../auth/sso-api.js";
import { AccountSection } from "./AccountSection.js";

/**
 * The work accounts (OpenID Connect) linked to this account: each signs in here. Linking leaves
 * for the provider's page and comes back; unlinking the last one is fine (e-mailed links still
 * sign in) unless the person's organization requires that provider.
 */
export function SsoSection() {
  const intl = useIntl();
  const providers = useSsoProviders();
  const offered = (providers.data?.providers.length ?? 0) > 0;
  const queryClient = useQueryClient();
  const mine = useQuery({
    queryKey: mySsoKey,
    queryFn: ({ signal }) => ssoApi.mine(signal),
    enabled: offered,
  });
  const [leaving, setLeaving] = useState<string | null>(null);
  const unlink = useMutation({
    mutationFn: (providerId: string) => ssoApi.unlink(providerId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: mySsoKey });
      notifications.show({
        color: "table",
        message: intl.formatMessage({
          id: "me.sso.unlinked",
          defaultMessage: "The work account is unlinked.",
        }),
      });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
  });
  if (!offered) return null;
  const link = (providerId: string) => {
    setLeaving(providerId);
    goToProvider(providerId, { link: true, next: "/me/account" }).catch((err: unknown) => {
      setLeaving(null);
      notifications.show({ color: "red", message: errorMessage(err) });
    });
  };
  const data = mine.data;
  const linkedIds = new Set(data?.identities.map((i) => i.providerId));
  return (
    <AccountSection title={intl.formatMessage({ id: "me.sso.title", defaultMessage: "Work accounts" })}>
      <Text size="sm" c="dimmed">
        <FormattedMessage
          id="me.sso.help"
          defaultMessage="Sign in with your organization's account (single sign-on) instead of a link or a password."
        />
      </Text>
      {mine.isPending ? (
        <Skeleton height={60} />
      ) : mine.isError ? (
        <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
      ) : (
        <Stack gap="sm">
          {data!.required && (
            <Alert
              color="table"
              variant="light"
              title={intl.formatMessage(
                { id: "me.sso.requiredTitle", defaultMessage: "Your organization signs in with {provider}" },
                { provider: data!.required.name },
              )}
            >
              <FormattedMessage
                id="me.sso.requiredText"
                defaultMessage="Your e-mail address's domain requires it: password and e-mailed links do not sign you in."
              />
            </Alert>
          )}
          {data!.identities.length === 0 ? (
            <Text>
              <FormattedMessage id="me.sso.none" defaultMessage="No work account is linked yet." />
            </Text>
          ) : (
            <Stack gap="xs" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {data!.identities.map((identity) => {
                const kept = data!.required?.id === identity.providerId;
                return (
                  <Card
                    key={`${identity.providerId}:${identity.email}:${identity.linkedAt}`}
                    component="li"
                    withBorder
                    p="sm"
                  >
                    <Group justify="space-between" wrap="wrap" gap="xs">
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Group gap="xs">
                          <Text fw={600}>{identity.providerName}</Text>
                          {!identity.configured && (
                            <Badge color="gray">
                              <FormattedMessage id="me.sso.notOffered" defaultMessage="no longer offered" />
                            </Badge>
                          )}
                        </Group>
                        <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                          {identity.email}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {identity.lastUsedAt ? (
                            <FormattedMessage
                              id="me.sso.linkedUsed"
                              defaultMessage="Linked {linked} · last used {used}"
                              values={{
                                linked: formatDateTime(identity.linkedAt),
                                used: formatDateTime(identity.lastUsedAt),
                              }}
                            />
                          ) : (
                            <FormattedMessage
                              id="me.sso.linked"
                              defaultMessage="Linked {linked}"
                              values={{ linked: formatDateTime(identity.linkedAt) }}
                            />
                          )}
                        </Text>
                      </Stack>
                      {kept ? (
                        <Text size="sm" c="dimmed">
                          <FormattedMessage
                            id="me.sso.required"
                            defaultMessage="Required by your organization"
                          />
                        </Text>
                      ) : (
                        <Button
                          variant="default"
                          size="sm"
                          loading={unlink.isPending && unlink.variables === identity.providerId}
                          onClick={() => unlink.mutate(identity.providerId)}
                          aria-label={intl.formatMessage(
                            { id: "me.sso.unlinkLabel", defaultMessage: "Unlink {provider} ({email})" },
                            { provider: identity.providerName, email: identity.email },
                          )}
                        >
                          <FormattedMessage id="me.sso.unlink" defaultMessage="Unlink" />
                        </Button>
                      )}
                    </Group>
                  </Card>
                );
              })}
            </Stack>
          )}
          <Group gap="sm">
            {data!.providers
              .filter((p) => !linkedIds.has(p.id))
              .map((p) => (
                <Button key={p.id} variant="default" loading={leaving === p.id} onClick={() => link(p.id)}>
                  <FormattedMessage
                    id="me.sso.link"
                    defaultMessage="Link {provider}"
                    values={{ provider: p.name }}
                  />
                </Button>
              ))}
          </Group>
        </Stack>
      )}
    </AccountSection>
  );
}
