import { FormattedMessage, useIntl } from "react-intl";
import { useEffect, useRef } from "react";
import { Alert, Anchor, Loader, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { meKey, safeNext } from "./api.js";
import { AuthCard } from "./AuthCard.js";
import { mySsoKey, ssoApi } from "./sso-api.js";

/**
 * Where the work-account provider sends the browser back (the redirect URL to register with it).
 * The page hands the provider's answer to the server, which checks it and signs in or links.
 */
export default function SsoCallbackPage() {
  const intl = useIntl();
  usePageTitle(
    intl.formatMessage({
      id: "auth.ssoCallback.pageTitle",
      defaultMessage: "Signing in with your work account",
    }),
  );
  const { providerId = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const finish = useMutation({
    mutationFn: () => ssoApi.finish(providerId, window.location.search || "?"),
    onSuccess: (me) => {
      queryClient.setQueryData(meKey, me);
      void queryClient.invalidateQueries({ queryKey: mySsoKey });
      notifications.show({
        color: "table",
        message: me.linked
          ? intl.formatMessage({
              id: "auth.ssoCallback.linked",
              defaultMessage: "Your work account is linked.",
            })
          : intl.formatMessage(
              {
                id: "auth.ssoCallback.welcome",
                defaultMessage: "Welcome, {name}{endsWithStop, select, yes {} other {.}}",
              },
              { name: me.name, endsWithStop: /[.!?]$/.test(me.name) ? "yes" : "no" },
            ),
      });
      void navigate(safeNext(me.next) ?? (me.linked ? "/me/account" : "/me"), { replace: true });
    },
  });
  // Once: the answer works once, and development's double effects must not spend it twice.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    finish.mutate();
  }, [finish]);
  return (
    <AuthCard
      title={intl.formatMessage({ id: "auth.ssoCallback.title", defaultMessage: "Work-account sign-in" })}
      footer={
        <Anchor component={Link} to="/signin">
          <FormattedMessage id="auth.link.anotherWay" defaultMessage="Sign in another way" />
        </Anchor>
      }
    >
      <Stack gap="md">
        {finish.isError ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={intl.formatMessage({ id: "auth.signIn.failed", defaultMessage: "Could not sign in" })}
          >
            {errorMessage(finish.error)}
          </Alert>
        ) : (
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text>
              <FormattedMessage id="auth.ssoCallback.checking" defaultMessage="Checking your work account…" />
            </Text>
          </Group>
        )}
      </Stack>
    </AuthCard>
  );
}
