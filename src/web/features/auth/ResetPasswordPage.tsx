import { Alert, Anchor, Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { passwordHint } from "../../../core/auth.js";
import { limits } from "../../../core/limits.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { authApi } from "./api.js";
import { AuthCard } from "./AuthCard.js";
import { focusFirstError } from "../../lib/focusFirstError.js";

export default function ResetPasswordPage() {
  usePageTitle("Choose a new password");
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const form = useForm({
    mode: "controlled",
    initialValues: { password: "", confirm: "" },
    validate: {
      password: (v) =>
        v.length >= limits.passwordMin ? null : `Must be at least ${limits.passwordMin} characters`,
      confirm: (v, values) => (v === values.password ? null : "The two passwords differ"),
    },
  });
  const confirm = useMutation({
    mutationFn: (password: string) => authApi.confirmReset(token, password),
    onSuccess: () => {
      notifications.show({
        color: "table",
        title: "Password changed",
        message: "Sign in with your new password.",
      });
      void navigate("/signin", { replace: true });
    },
    onError: (err) => {
      // A refused password is shown on its field; an expired link in the alert.
      if (err instanceof ApiError && err.fieldErrors().password) form.setErrors(err.fieldErrors());
    },
  });
  const fieldRefusal = confirm.error instanceof ApiError && !!confirm.error.fieldErrors().password;

  return (
    <AuthCard
      title="Choose a new password"
      footer={
        <Anchor component={Link} to="/forgot-password">
          Ask for a new link
        </Anchor>
      }
    >
      <form noValidate onSubmit={form.onSubmit((v) => confirm.mutate(v.password), focusFirstError)}>
        <Stack gap="md">
          {confirm.isError && !fieldRefusal && (
            <Alert color="red" variant="light" role="alert" title="The password was not changed">
              {errorMessage(confirm.error)} If the link has expired or was used,{" "}
              <Anchor component={Link} to="/forgot-password">
                ask for a new one
              </Anchor>
              .
            </Alert>
          )}
          <PasswordInput
            label="New password"
            description={passwordHint}
            autoComplete="new-password"
            required
            maxLength={limits.passwordMax}
            {...form.getInputProps("password")}
          />
          <PasswordInput
            label="Repeat the new password"
            autoComplete="new-password"
            required
            {...form.getInputProps("confirm")}
          />
          <Button type="submit" loading={confirm.isPending} fullWidth>
            Change password
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
