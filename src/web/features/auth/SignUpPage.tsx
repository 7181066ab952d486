import { useEffect, useState } from "react";
import { Alert, Anchor, Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { limits } from "../../../core/limits.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { authApi, safeNext } from "./api.js";
import { AuthCard } from "./AuthCard.js";
import { SsoButtons } from "./SsoButtons.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { roleLabels } from "../../../core/vocabulary.js";
import { useInvitation } from "../invitations/api.js";
import { FormattedMessage, useIntl } from "react-intl";

export default function SignUpPage() {
  const intl = useIntl();
  const title = intl.formatMessage({ id: "auth.signUp.title", defaultMessage: "Create an account" });
  usePageTitle(title);
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [problem, setProblem] = useState<string | null>(null);
  // Arriving from an invitation: the convener already typed the person's name and address.
  const invitation = useInvitation(params.get("invitation"));
  const form = useForm({
    mode: "controlled",
    initialValues: { name: "", email: params.get("email") ?? "" },
    validate: {
      name: (v) =>
        v.trim()
          ? null
          : intl.formatMessage({ id: "auth.signUp.nameMissing", defaultMessage: "Enter your name" }),
      email: (v) =>
        /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim())
          ? null
          : intl.formatMessage({
              id: "auth.signUp.emailInvalid",
              defaultMessage: "Must be an e-mail address such as name@example.org",
            }),
    },
  });

  const invited = invitation.data;
  useEffect(() => {
    if (!invited) return;
    // Never over what the person typed meanwhile.
    if (!form.isTouched("name") && !form.getValues().name.trim()) form.setFieldValue("name", invited.name);
    if (!form.isTouched("email")) form.setFieldValue("email", invited.email);
    // Once per invitation: the form object changes on every render.
  }, [invited]);

  // The answer is the same whether or not the address has an account: "check your e-mail".
  const signup = useMutation({
    mutationFn: authApi.signup,
    onError: (err) => {
      if (err instanceof ApiError) {
        const fields = err.fieldErrors();
        form.setErrors(fields);
        setProblem(Object.keys(fields).length ? null : err.problem.detail);
      } else {
        setProblem(errorMessage(err));
      }
    },
  });

  const signinLink = next ? `/signin?next=${encodeURIComponent(next)}` : "/signin";

  return (
    <AuthCard
      title={title}
      description={intl.formatMessage({
        id: "auth.signUp.description",
        defaultMessage:
          "Free for conveners, business leaders and public partners. No password needed: we e-mail you a link.",
      })}
      footer={
        <FormattedMessage
          id="auth.signUp.haveAccount"
          defaultMessage="Already have an account? <link>Sign in</link>"
          values={{
            link: (chunks) => (
              <Anchor component={Link} to={signinLink} underline="always">
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
          signup.mutate({ name: v.name.trim(), email: v.email.trim(), ...(next ? { next } : {}) });
        }, focusFirstError)}
      >
        <Stack gap="md">
          {invited && !invited.revoked && !invited.accepted && !invited.expired && (
            <Alert
              color="table"
              variant="light"
              title={intl.formatMessage(
                { id: "auth.signUp.invitedTitle", defaultMessage: "Invited to {partnership}" },
                { partnership: invited.partnershipName },
              )}
            >
              <FormattedMessage
                id="auth.signUp.invitedText"
                defaultMessage="Create your account with {email} to take your seat as {role}. You will come back to the invitation to accept it."
                values={{ email: invited.email, role: roleLabels[invited.role].toLowerCase() }}
              />
            </Alert>
          )}
          {problem && (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={intl.formatMessage({
                id: "auth.signUp.failed",
                defaultMessage: "Could not create the account",
              })}
            >
              {problem}
            </Alert>
          )}
          <TextInput
            label={intl.formatMessage({ id: "auth.signUp.nameLabel", defaultMessage: "Your name" })}
            autoComplete="name"
            required
            maxLength={limits.personName}
            {...form.getInputProps("name")}
          />
          <TextInput
            label={intl.formatMessage({ id: "auth.emailLabel", defaultMessage: "E-mail" })}
            type="email"
            autoComplete="email"
            required
            maxLength={limits.email}
            {...form.getInputProps("email")}
          />
          {signup.isSuccess && (
            <Alert
              color="table"
              variant="light"
              role="status"
              title={intl.formatMessage({ id: "auth.checkEmail", defaultMessage: "Check your e-mail" })}
            >
              <FormattedMessage
                id="auth.signUp.sent"
                defaultMessage="{sent} Open it on this device to come straight back here. You can add a password on your account page later."
                values={{ sent: signup.data.detail }}
              />
            </Alert>
          )}
          <Button type="submit" loading={signup.isPending} fullWidth>
            {signup.isSuccess ? (
              <FormattedMessage id="auth.signUp.sendAgain" defaultMessage="Send the link again" />
            ) : (
              <FormattedMessage
                id="auth.signUp.send"
                defaultMessage="E-mail me a link to create my account"
              />
            )}
          </Button>
          <SsoButtons email={form.getValues().email} next={next} />
        </Stack>
      </form>
    </AuthCard>
  );
}
