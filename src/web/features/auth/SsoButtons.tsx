import { useState } from "react";
import { Alert, Button, Divider, Stack } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { errorMessage } from "../../lib/api.js";
import { goToProvider, ssoApi, useSsoProviders } from "./sso-api.js";
import { FormattedMessage, useIntl } from "react-intl";

const looksLikeEmail = (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim());

/**
 * "Sign in with <Provider>", one button per configured work-account provider, under the e-mail
 * link form. Once the person has typed an address whose domain must use its work account, the
 * page says so and that provider's button comes first. Nothing shows when no provider is set up.
 */
export function SsoButtons({ email, next }: { email: string; next: string | null }) {
  const intl = useIntl();
  const providers = useSsoProviders();
  const [typed] = useDebouncedValue(email.trim().toLowerCase(), 300);
  const list = providers.data?.providers ?? [];
  const requirement = useQuery({
    queryKey: ["sso", "requirement", typed.slice(typed.lastIndexOf("@") + 1)],
    queryFn: ({ signal }) => ssoApi.requirement(typed, signal),
    enabled: list.length > 0 && looksLikeEmail(typed),
    staleTime: 60_000,
  });
  const [leaving, setLeaving] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!list.length) return null;
  const required = requirement.data?.provider ?? null;
  const ordered = required ? [...list].sort((a) => (a.id === required.id ? -1 : 1)) : list;
  const go = (providerId: string) => {
    setProblem(null);
    setLeaving(providerId);
    goToProvider(providerId, next ? { next } : {}).catch((err: unknown) => {
      setLeaving(null);
      setProblem(errorMessage(err));
    });
  };
  return (
    <Stack gap="sm">
      <Divider
        label={intl.formatMessage({
          id: "auth.sso.orWorkAccount",
          defaultMessage: "or use your work account",
        })}
        labelPosition="center"
      />
      {required && (
        <Alert
          color="table"
          variant="light"
          role="status"
          title={intl.formatMessage(
            { id: "auth.sso.requiredTitle", defaultMessage: "Your organization signs in with {provider}" },
            { provider: required.name },
          )}
        >
          <FormattedMessage
            id="auth.sso.requiredText"
            defaultMessage="Addresses at {domain} sign in with their work account, not with a password or an e-mailed link."
            values={{ domain: typed.slice(typed.lastIndexOf("@") + 1) }}
          />
        </Alert>
      )}
      {problem && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={intl.formatMessage({ id: "auth.sso.failed", defaultMessage: "Could not start signing in" })}
        >
          {problem}
        </Alert>
      )}
      {ordered.map((p) => (
        <Button
          key={p.id}
          type="button"
          variant={required?.id === p.id ? "filled" : "default"}
          fullWidth
          loading={leaving === p.id}
          onClick={() => go(p.id)}
        >
          <FormattedMessage
            id="auth.sso.signInWith"
            defaultMessage="Sign in with {provider}"
            values={{ provider: p.name }}
          />
        </Button>
      ))}
    </Stack>
  );
}
