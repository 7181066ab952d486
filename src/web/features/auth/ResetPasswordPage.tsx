import type { ReactNode } from "react";
import { Alert, Anchor, Button, Loader, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { resetLinkMessages, resetLinkReasons, type ResetLinkReason } from "../../../core/auth.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { authApi } from "./api.js";
import { AuthCard } from "./AuthCard.js";
import { checkNewPassword, checkRepeat, NewPasswordFields } from "./NewPasswordFields.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";

const whatToDo = defineMessages({
  used: {
    id: "auth.reset.whatToDo.used",
    defaultMessage:
      "Each reset link changes the password once. If you still cannot sign in, send yourself a new link.",
  },
  expired: {
    id: "auth.reset.whatToDo.expired",
    defaultMessage: "Reset links work for an hour after they are sent. Send yourself a new one.",
  },
  replaced: {
    id: "auth.reset.whatToDo.replaced",
    defaultMessage:
      "A newer reset link was sent after this one, and only the newest works. Open the link in the latest e-mail, or send yourself a new one.",
  },
}) satisfies Record<ResetLinkReason, unknown>;

/** Why the link does not work: "used", "expired", "replaced", "unknown" (404), or null. */
function deadLink(error: unknown): ResetLinkReason | "unknown" | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 404) return "unknown";
  if (error.status !== 410) return null;
  const reason = error.problem.reason;
  return resetLinkReasons.find((r) => r === reason) ?? "used";
}

function DeadLink({ why }: { why: ResetLinkReason | "unknown" }) {
  const intl = useIntl();
  const title =
    why === "unknown"
      ? intl.formatMessage({ id: "auth.reset.notValid", defaultMessage: "This link is not valid" })
      : resetLinkMessages[why];
  usePageTitle(title);
  return (
    <AuthCard
      title={title}
      footer={
        <Anchor component={Link} to="/signin">
          <FormattedMessage id="auth.backToSignIn" defaultMessage="Back to sign in" />
        </Anchor>
      }
    >
      <Stack gap="md">
        <Text>
          {why === "unknown"
            ? intl.formatMessage({
                id: "auth.reset.checkWholeLink",
                defaultMessage:
                  "Check that you opened the whole link from the e-mail, or send yourself a new one.",
              })
            : intl.formatMessage(whatToDo[why])}
        </Text>
        <Button component={Link} to="/forgot-password" fullWidth>
          <FormattedMessage id="auth.reset.sendNewLink" defaultMessage="Send a new link" />
        </Button>
      </Stack>
    </AuthCard>
  );
}

/**
 * The page of an e-mailed reset link. It first asks whether the link still works, so that a used,
 * expired or replaced link says so before anyone types a new password twice.
 */
export default function ResetPasswordPage() {
  const intl = useIntl();
  const { token = "" } = useParams();
  const link = useQuery({
    queryKey: ["password-reset", token],
    queryFn: ({ signal }) => authApi.checkReset(token, signal),
    // A link's state changes with time and use: ask each time the page opens.
    staleTime: 0,
    gcTime: 0,
  });
  const why = deadLink(link.error);
  if (why) return <DeadLink why={why} />;
  if (link.isError) {
    return (
      <ResetCard>
        <ErrorAlert
          title={intl.formatMessage({
            id: "auth.reset.checkFailed",
            defaultMessage: "Could not check the link",
          })}
          error={link.error}
          onRetry={() => void link.refetch()}
        />
      </ResetCard>
    );
  }
  if (link.isPending) {
    return (
      <ResetCard>
        <Stack
          align="center"
          py="md"
          role="status"
          aria-label={intl.formatMessage({
            id: "auth.reset.checkingLabel",
            defaultMessage: "Checking the link",
          })}
        >
          <Loader size="sm" />
          <Text size="sm" c="dimmed">
            <FormattedMessage id="auth.reset.checking" defaultMessage="Checking the link…" />
          </Text>
        </Stack>
      </ResetCard>
    );
  }
  return <ResetForm token={token} />;
}

function ResetCard({ children }: { children: ReactNode }) {
  const intl = useIntl();
  const title = intl.formatMessage({ id: "auth.reset.title", defaultMessage: "Choose a new password" });
  usePageTitle(title);
  return (
    <AuthCard
      title={title}
      footer={
        <Anchor component={Link} to="/forgot-password">
          <FormattedMessage id="auth.reset.askNewLink" defaultMessage="Ask for a new link" />
        </Anchor>
      }
    >
      {children}
    </AuthCard>
  );
}

function ResetForm({ token }: { token: string }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const form = useForm({
    mode: "controlled",
    initialValues: { password: "", confirm: "" },
    validate: {
      password: checkNewPassword,
      confirm: (v, values) => checkRepeat(v, values.password),
    },
  });
  const confirm = useMutation({
    mutationFn: (password: string) => authApi.confirmReset(token, password),
    onSuccess: () => {
      notifications.show({
        color: "table",
        title: intl.formatMessage({ id: "auth.reset.changedTitle", defaultMessage: "Password changed" }),
        message: intl.formatMessage({
          id: "auth.reset.changedText",
          defaultMessage: "Sign in with your new password.",
        }),
      });
      void navigate("/signin", { replace: true });
    },
    onError: (err) => {
      // A refused password is shown on its field; a link that stopped working meanwhile replaces the form.
      if (err instanceof ApiError && err.fieldErrors().password) form.setErrors(err.fieldErrors());
    },
  });
  // The link may expire, or a newer one be sent, while the form is open.
  const why = deadLink(confirm.error);
  if (why) return <DeadLink why={why} />;
  const fieldRefusal = confirm.error instanceof ApiError && !!confirm.error.fieldErrors().password;

  return (
    <ResetCard>
      <form noValidate onSubmit={form.onSubmit((v) => confirm.mutate(v.password), focusFirstError)}>
        <Stack gap="md">
          {confirm.isError && !fieldRefusal && (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={intl.formatMessage({
                id: "auth.reset.notChanged",
                defaultMessage: "The password was not changed",
              })}
            >
              {errorMessage(confirm.error)}
            </Alert>
          )}
          <NewPasswordFields
            password={form.getInputProps("password")}
            repeat={form.getInputProps("confirm")}
          />
          <Button type="submit" loading={confirm.isPending} fullWidth>
            <FormattedMessage id="auth.reset.change" defaultMessage="Change password" />
          </Button>
        </Stack>
      </form>
    </ResetCard>
  );
}
