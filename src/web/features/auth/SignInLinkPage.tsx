import { Alert, Anchor, Button, Skeleton, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { authApi, meKey, safeNext } from "./api.js";
import { AuthCard } from "./AuthCard.js";
import { FormattedMessage, useIntl } from "react-intl";

/**
 * A one-time sign-in link: asked for on the sign-in page, or mailed after many failed sign-ins.
 * Signing in takes a click, not the page load: mail scanners that open links must not spend it.
 * Opened in another browser than the one that asked, the page says where the request came from.
 */
export default function SignInLinkPage() {
  const intl = useIntl();
  const title = intl.formatMessage({ id: "auth.link.title", defaultMessage: "Sign in with your link" });
  usePageTitle(title);
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const link = useQuery({
    queryKey: ["sign-in-link", token],
    queryFn: ({ signal }) => authApi.describeSignInLink(token, signal),
    retry: false,
    staleTime: Infinity,
  });
  const info = link.data;
  const signIn = useMutation({
    mutationFn: () => authApi.signInWithLink(token, !info?.sameBrowser),
    onSuccess: (me) => {
      queryClient.setQueryData(meKey, me);
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          {
            id: "auth.signIn.welcomeBack",
            defaultMessage: "Welcome back, {name}{endsWithStop, select, yes {} other {.}}",
          },
          { name: me.name, endsWithStop: /[.!?]$/.test(me.name) ? "yes" : "no" },
        ),
      });
      void navigate(safeNext(me.next) ?? "/me", { replace: true });
    },
  });
  return (
    <AuthCard
      title={title}
      footer={
        <Anchor component={Link} to="/signin">
          <FormattedMessage id="auth.link.anotherWay" defaultMessage="Sign in another way" />
        </Anchor>
      }
    >
      <Stack gap="md">
        {link.isPending && <Skeleton height={80} />}
        {link.isError && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={intl.formatMessage({
              id: "auth.link.noLongerWorks",
              defaultMessage: "This link no longer works",
            })}
          >
            {errorMessage(link.error)}
          </Alert>
        )}
        {info && (
          <>
            <Text>
              <FormattedMessage
                id="auth.link.signsIn"
                defaultMessage="{locked, select, yes {There were many failed attempts to sign in to your account, so for now this link signs you in instead of your password. } other {}}This link signs in <b>{email}</b>, once."
                values={{
                  locked: info.purpose === "locked" ? "yes" : "no",
                  email: info.email,
                  b: (chunks) => <strong>{chunks}</strong>,
                }}
              />
            </Text>
            {!info.sameBrowser && info.requestedFrom && (
              <Alert
                color="harvest"
                variant="light"
                title={intl.formatMessage({
                  id: "auth.link.otherBrowserTitle",
                  defaultMessage: "Asked for in another browser",
                })}
              >
                <FormattedMessage
                  id="auth.link.otherBrowserText"
                  defaultMessage="The link was asked for from {place}. Sign in here only if you asked for it yourself."
                  values={{ place: info.requestedFrom }}
                />
              </Alert>
            )}
            {signIn.isError && (
              <Alert
                color="red"
                variant="light"
                role="alert"
                title={intl.formatMessage({ id: "auth.signIn.failed", defaultMessage: "Could not sign in" })}
              >
                {errorMessage(signIn.error)}
              </Alert>
            )}
            <Button onClick={() => signIn.mutate()} loading={signIn.isPending} fullWidth>
              <FormattedMessage id="auth.signIn.title" defaultMessage="Sign in" />
            </Button>
          </>
        )}
      </Stack>
    </AuthCard>
  );
}
