import { FormattedMessage, useIntl } from "react-intl";
import { useState } from "react";
import { Alert, Anchor, Button, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { limits } from "../../../core/limits.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { authApi, meKey, safeNext } from "./api.js";
import { AuthCard } from "./AuthCard.js";

/**
 * The link mailed by the sign-up form. Opening it makes nothing (mail scanners open links); the
 * button makes the account and signs this browser in. Opened in another browser than the one
 * that asked, the page says where the request came from and asks to be sure.
 */
export default function SignUpLinkPage() {
  const intl = useIntl();
  const title = intl.formatMessage({ id: "auth.signUpLink.title", defaultMessage: "Create your account" });
  usePageTitle(title);
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const link = useQuery({
    queryKey: ["sign-up-link", token],
    queryFn: ({ signal }) => authApi.describeSignUpLink(token, signal),
    retry: false,
    staleTime: Infinity,
  });
  const info = link.data;
  const [name, setName] = useState<string | null>(null);
  const shownName = name ?? info?.name ?? "";
  const create = useMutation({
    mutationFn: () =>
      authApi.signUpWithLink({
        token,
        confirmOtherBrowser: !info?.sameBrowser,
        ...(shownName.trim() && shownName.trim() !== info?.name ? { name: shownName.trim() } : {}),
      }),
    onSuccess: (me) => {
      queryClient.setQueryData(meKey, me);
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          { id: "auth.signUpLink.welcome", defaultMessage: "Welcome to Shared Table, {name}." },
          { name: me.name },
        ),
      });
      void navigate(safeNext(me.next) ?? "/me", { replace: true });
    },
  });
  const nameError = create.error instanceof ApiError ? create.error.fieldErrors().name : undefined;
  return (
    <AuthCard
      title={title}
      footer={
        <FormattedMessage
          id="auth.signUp.haveAccount"
          defaultMessage="Already have an account? <link>Sign in</link>"
          values={{
            link: (chunks) => (
              <Anchor component={Link} to="/signin" underline="always">
                {chunks}
              </Anchor>
            ),
          }}
        />
      }
    >
      <Stack gap="md">
        {link.isPending && <Skeleton height={120} />}
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
            {errorMessage(link.error)}{" "}
            <Anchor component={Link} to="/signup">
              <FormattedMessage id="auth.signUpLink.again" defaultMessage="Sign up again" />
            </Anchor>
          </Alert>
        )}
        {info && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              create.mutate();
            }}
          >
            <Stack gap="md">
              <Text>
                <FormattedMessage
                  id="auth.signUpLink.makes"
                  defaultMessage="This makes the Shared Table account of <b>{email}</b> and signs you in. No password is needed; you can add one on your account page."
                  values={{ email: info.email, b: (chunks) => <strong>{chunks}</strong> }}
                />
              </Text>
              {!info.sameBrowser && (
                <Alert
                  color="harvest"
                  variant="light"
                  title={intl.formatMessage({
                    id: "auth.link.otherBrowserTitle",
                    defaultMessage: "Asked for in another browser",
                  })}
                >
                  <FormattedMessage
                    id="auth.signUpLink.otherBrowserText"
                    defaultMessage="The link was asked for from {place}. Create the account here only if you asked for it yourself."
                    values={{ place: info.requestedFrom }}
                  />
                </Alert>
              )}
              <TextInput
                label={intl.formatMessage({ id: "auth.signUp.nameLabel", defaultMessage: "Your name" })}
                autoComplete="name"
                required
                maxLength={limits.personName}
                value={shownName}
                onChange={(e) => setName(e.currentTarget.value)}
                error={nameError}
              />
              {create.isError && !nameError && (
                <Alert
                  color="red"
                  variant="light"
                  role="alert"
                  title={intl.formatMessage({
                    id: "auth.signUp.failed",
                    defaultMessage: "Could not create the account",
                  })}
                >
                  {errorMessage(create.error)}
                </Alert>
              )}
              <Button type="submit" loading={create.isPending} disabled={!shownName.trim()} fullWidth>
                <FormattedMessage id="auth.signUpLink.create" defaultMessage="Create my account" />
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </AuthCard>
  );
}
