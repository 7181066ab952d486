import { useState } from "react";
import { Alert, Anchor, Button, Divider, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError, errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { authApi, meKey, safeNext } from "./api.js";
import { AuthCard } from "./AuthCard.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { SsoButtons } from "./SsoButtons.js";
import { FormattedMessage, useIntl } from "react-intl";

export default function SignInPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "auth.signIn.title", defaultMessage: "Sign in" }));
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { email: params.get("email") ?? "", password: "" },
    validate: {
      email: (v) =>
        /^\S+@\S+$/.test(v.trim())
          ? null
          : intl.formatMessage({ id: "auth.emailMissing", defaultMessage: "Enter your e-mail address" }),
      password: (v) =>
        v
          ? null
          : intl.formatMessage({ id: "auth.signIn.passwordMissing", defaultMessage: "Enter your password" }),
    },
  });

  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: (me) => {
      queryClient.setQueryData(meKey, me);
      void queryClient.invalidateQueries({ queryKey: ["partnership"] });
      notifications.show({
        color: "table",
        // A name that ends in its own full stop ("Acme Inc.") takes no second one.
        message: intl.formatMessage(
          {
            id: "auth.signIn.welcomeBack",
            defaultMessage: "Welcome back, {name}{endsWithStop, select, yes {} other {.}}",
          },
          { name: me.name, endsWithStop: /[.!?]$/.test(me.name) ? "yes" : "no" },
        ),
      });
      void navigate(next ?? "/me", { replace: true });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 401 && err.problem.reason !== "link_mailed") {
        setProblem(
          intl.formatMessage({
            id: "auth.signIn.noMatch",
            defaultMessage: "That e-mail and password do not match. Check them, or reset your password.",
          }),
        );
      } else {
        setProblem(errorMessage(err));
      }
    },
  });

  // Offered first: a link by e-mail needs no password to remember.
  const [linkSent, setLinkSent] = useState<string | null>(null);
  const emailLink = useMutation({
    mutationFn: authApi.requestEmailLink,
    onSuccess: (answer) => setLinkSent(answer.detail),
    onError: (err) => setProblem(errorMessage(err)),
  });
  const sendLink = () => {
    setProblem(null);
    setLinkSent(null);
    if (form.validateField("email").hasError) return;
    emailLink.mutate({ email: form.getValues().email.trim(), ...(next ? { next } : {}) });
  };

  const withNext = (path: string) => (next ? `${path}?next=${encodeURIComponent(next)}` : path);

  return (
    <AuthCard
      title={intl.formatMessage({ id: "auth.signIn.title", defaultMessage: "Sign in" })}
      description={intl.formatMessage({
        id: "auth.signIn.description",
        defaultMessage: "Welcome back to Shared Table.",
      })}
      footer={
        <FormattedMessage
          id="auth.signIn.newHere"
          defaultMessage="New here? <link>Create an account</link>"
          values={{
            link: (chunks) => (
              <Anchor component={Link} to={withNext("/signup")} underline="always">
                {chunks}
              </Anchor>
            ),
          }}
        />
      }
    >
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setProblem(null);
          login.mutate({ email: v.email.trim(), password: v.password });
        }, focusFirstError)}
      >
        <Stack gap="md">
          {problem && (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={intl.formatMessage({ id: "auth.signIn.failed", defaultMessage: "Could not sign in" })}
            >
              {problem}
            </Alert>
          )}
          {linkSent && (
            <Alert
              color="table"
              variant="light"
              role="status"
              title={intl.formatMessage({ id: "auth.checkEmail", defaultMessage: "Check your e-mail" })}
            >
              <FormattedMessage
                id="auth.signIn.linkSent"
                defaultMessage="{sent} Open it on this device to come straight back here."
                values={{ sent: linkSent }}
              />
            </Alert>
          )}
          <TextInput
            label={intl.formatMessage({ id: "auth.emailLabel", defaultMessage: "E-mail" })}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps("email")}
          />
          <Button type="button" onClick={sendLink} loading={emailLink.isPending} fullWidth>
            <FormattedMessage id="auth.signIn.emailLink" defaultMessage="E-mail me a sign-in link" />
          </Button>
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="auth.signIn.emailLinkHelp"
              defaultMessage="No password needed: the link signs you in within 15 minutes."
            />
          </Text>
          <SsoButtons email={form.getValues().email} next={next} />
          <Divider
            label={intl.formatMessage({
              id: "auth.signIn.orPassword",
              defaultMessage: "or use your password",
            })}
            labelPosition="center"
          />
          <PasswordInput
            label={intl.formatMessage({ id: "auth.signIn.passwordLabel", defaultMessage: "Password" })}
            autoComplete="current-password"
            required
            {...form.getInputProps("password")}
          />
          <Group justify="space-between" align="center">
            <Anchor component={Link} to="/forgot-password" size="sm">
              <FormattedMessage id="auth.signIn.forgot" defaultMessage="Forgot your password?" />
            </Anchor>
            <Button type="submit" variant="default" loading={login.isPending}>
              <FormattedMessage id="auth.signIn.title" defaultMessage="Sign in" />
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthCard>
  );
}
