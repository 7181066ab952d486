import { useState } from "react";
import { Alert, Anchor, Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { authApi } from "./api.js";
import { AuthCard } from "./AuthCard.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { FormattedMessage, useIntl } from "react-intl";

export default function ForgotPasswordPage() {
  const intl = useIntl();
  const title = intl.formatMessage({ id: "auth.forgot.title", defaultMessage: "Reset your password" });
  usePageTitle(title);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "" },
    validate: {
      email: (v) =>
        /^\S+@\S+$/.test(v.trim())
          ? null
          : intl.formatMessage({ id: "auth.emailMissing", defaultMessage: "Enter your e-mail address" }),
    },
  });
  const request = useMutation({
    mutationFn: authApi.requestReset,
    onSuccess: (_data, email) => setSentTo(email),
  });

  return (
    <AuthCard
      title={title}
      description={intl.formatMessage({
        id: "auth.forgot.description",
        defaultMessage: "We will e-mail you a link to choose a new password.",
      })}
      footer={
        <Anchor component={Link} to="/signin">
          <FormattedMessage id="auth.backToSignIn" defaultMessage="Back to sign in" />
        </Anchor>
      }
    >
      {sentTo ? (
        <Alert
          color="table"
          variant="light"
          title={intl.formatMessage({ id: "auth.checkEmail", defaultMessage: "Check your e-mail" })}
          role="status"
        >
          <FormattedMessage
            id="auth.forgot.sent"
            defaultMessage="If an account exists for {email}, a link to reset its password is on its way. The link works once and expires after a while."
            values={{ email: sentTo }}
          />
        </Alert>
      ) : (
        <form noValidate onSubmit={form.onSubmit((v) => request.mutate(v.email.trim()), focusFirstError)}>
          <Stack gap="md">
            {request.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(request.error)}
              </Alert>
            )}
            <TextInput
              label={intl.formatMessage({ id: "auth.emailLabel", defaultMessage: "E-mail" })}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps("email")}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              <FormattedMessage id="auth.forgot.send" defaultMessage="Send the link" />
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
