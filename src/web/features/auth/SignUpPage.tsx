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

export default function SignUpPage() {
  usePageTitle("Create an account");
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [problem, setProblem] = useState<string | null>(null);
  // Arriving from an invitation: the convener already typed the person's name and address.
  const invitation = useInvitation(params.get("invitation"));
  const form = useForm({
    mode: "controlled",
    initialValues: { name: "", email: params.get("email") ?? "" },
    validate: {
      name: (v) => (v.trim() ? null : "Enter your name"),
      email: (v) =>
        /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim())
          ? null
          : "Must be an e-mail address such as name@example.org",
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
      title="Create an account"
      description="Free for conveners, business leaders and public partners. No password needed: we e-mail you a link."
      footer={
        <>
          Already have an account?{" "}
          <Anchor component={Link} to={signinLink} underline="always">
            Sign in
          </Anchor>
        </>
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
            <Alert color="table" variant="light" title={`Invited to ${invited.partnershipName}`}>
              Create your account with {invited.email} to take your seat as{" "}
              {roleLabels[invited.role].toLowerCase()}. You will come back to the invitation to accept it.
            </Alert>
          )}
          {problem && (
            <Alert color="red" variant="light" role="alert" title="Could not create the account">
              {problem}
            </Alert>
          )}
          <TextInput
            label="Your name"
            autoComplete="name"
            required
            maxLength={limits.personName}
            {...form.getInputProps("name")}
          />
          <TextInput
            label="E-mail"
            type="email"
            autoComplete="email"
            required
            maxLength={limits.email}
            {...form.getInputProps("email")}
          />
          {signup.isSuccess && (
            <Alert color="table" variant="light" role="status" title="Check your e-mail">
              {signup.data.detail} Open it on this device to come straight back here. You can add a password
              on your account page later.
            </Alert>
          )}
          <Button type="submit" loading={signup.isPending} fullWidth>
            {signup.isSuccess ? "Send the link again" : "E-mail me a link to create my account"}
          </Button>
          <SsoButtons email={form.getValues().email} next={next} />
        </Stack>
      </form>
    </AuthCard>
  );
}
