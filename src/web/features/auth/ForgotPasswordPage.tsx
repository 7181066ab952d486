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

export default function ForgotPasswordPage() {
  usePageTitle("Reset your password");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "" },
    validate: { email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : "Enter your e-mail address") },
  });
  const request = useMutation({
    mutationFn: authApi.requestReset,
    onSuccess: (_data, email) => setSentTo(email),
  });

  return (
    <AuthCard
      title="Reset your password"
      description="We will e-mail you a link to choose a new password."
      footer={
        <Anchor component={Link} to="/signin">
          Back to sign in
        </Anchor>
      }
    >
      {sentTo ? (
        <Alert color="table" variant="light" title="Check your e-mail" role="status">
          If an account exists for {sentTo}, a link to reset its password is on its way. The link works once
          and expires after a while.
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
              label="E-mail"
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps("email")}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              Send the link
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
