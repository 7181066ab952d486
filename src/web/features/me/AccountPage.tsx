import { useState } from "react";
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import type { Me } from "../../../core/auth.js";
import { limits } from "../../../core/limits.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { accountApi, meKey, useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { checkNewPassword, checkRepeat, NewPasswordFields } from "../auth/NewPasswordFields.js";
import { formatCountOf } from "../../../core/format.js";
import { AccountSection } from "./AccountSection.js";
import { LanguageSection } from "./LanguageSection.js";
import { ApiTokensSection } from "./ApiTokensSection.js";
import { SsoSection } from "./SsoSection.js";

/** Shows a refusal on its fields when the server names them, otherwise as a notification. */
function showRefusal(err: unknown, setErrors: (errors: Record<string, string>) => void) {
  if (err instanceof ApiError && Object.keys(err.fieldErrors()).length) setErrors(err.fieldErrors());
  else notifications.show({ color: "red", message: errorMessage(err) });
}

function NameSection({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "controlled",
    initialValues: { name: me.name },
    validate: { name: (v) => (v.trim() ? null : "Enter your name") },
  });
  const save = useMutation({
    mutationFn: (name: string) => accountApi.update({ name }),
    onSuccess: (updated) => {
      queryClient.setQueryData(meKey, updated);
      notifications.show({ color: "table", message: "Your name is saved." });
    },
    onError: (err) => showRefusal(err, form.setErrors),
  });
  return (
    <AccountSection title="Your name">
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v.name.trim()), focusFirstError)}>
        <Group align="flex-end">
          <TextInput
            label="Name"
            autoComplete="name"
            required
            maxLength={limits.personName}
            style={{ flex: 1 }}
            {...form.getInputProps("name")}
          />
          <Button type="submit" loading={save.isPending}>
            Save name
          </Button>
        </Group>
      </form>
    </AccountSection>
  );
}

/** Changes the password; an account made from an invitation or a link adds its first one. */
function PasswordSection({ me }: { me: Me }) {
  const adding = !me.hasPassword;
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "controlled",
    initialValues: { currentPassword: "", newPassword: "", repeat: "" },
    validate: {
      currentPassword: (v) => (adding || v ? null : "Type your current password"),
      newPassword: checkNewPassword,
      repeat: (v, values) => checkRepeat(v, values.newPassword),
    },
  });
  const change = useMutation({
    mutationFn: (v: { currentPassword?: string; newPassword: string }) => accountApi.update(v),
    onSuccess: (updated) => {
      queryClient.setQueryData(meKey, updated);
      form.reset();
      notifications.show({
        color: "table",
        message: adding
          ? "Your password is added: you can sign in with it or with an e-mailed link."
          : "Your password is changed. Your other sessions were signed out.",
      });
    },
    onError: (err) => showRefusal(err, form.setErrors),
  });
  return (
    <AccountSection title="Password">
      <form
        noValidate
        onSubmit={form.onSubmit(
          (v) =>
            change.mutate(
              adding
                ? { newPassword: v.newPassword }
                : { currentPassword: v.currentPassword, newPassword: v.newPassword },
            ),
          focusFirstError,
        )}
      >
        <Stack gap="sm">
          {adding ? (
            <Text size="sm" c="dimmed">
              You sign in with links e-mailed to you. Add a password to sign in with it too; you need one to
              change your e-mail address or delete the account.
            </Text>
          ) : (
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              required
              {...form.getInputProps("currentPassword")}
            />
          )}
          <NewPasswordFields
            password={form.getInputProps("newPassword")}
            repeat={form.getInputProps("repeat")}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {adding ? "Add a password" : "Change password"}
            </Button>
          </Group>
        </Stack>
      </form>
    </AccountSection>
  );
}

function EmailSection({ me }: { me: Me }) {
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "", currentPassword: "" },
    validate: {
      email: (v) =>
        /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim())
          ? null
          : "Must be an e-mail address such as name@example.org",
      currentPassword: (v) => (v ? null : "Type your current password"),
    },
  });
  const change = useMutation({
    mutationFn: accountApi.changeEmail,
    onSuccess: (answer) => {
      setSent(answer.detail);
      form.reset();
    },
    onError: (err) => showRefusal(err, form.setErrors),
  });
  return (
    <AccountSection title="E-mail address">
      <Text>
        You sign in with <strong>{me.email}</strong>. A new address is used once you open the link we send to
        it.
      </Text>
      {sent && (
        <Alert color="table" variant="light" role="status">
          {sent}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setSent(null);
          change.mutate({ email: v.email.trim(), currentPassword: v.currentPassword });
        }, focusFirstError)}
      >
        <Stack gap="sm">
          <TextInput
            label="New e-mail address"
            type="email"
            autoComplete="email"
            required
            maxLength={limits.email}
            {...form.getInputProps("email")}
          />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            required
            {...form.getInputProps("currentPassword")}
          />
          <Group>
            <Button type="submit" variant="default" loading={change.isPending}>
              Send confirmation link
            </Button>
          </Group>
        </Stack>
      </form>
    </AccountSection>
  );
}

function SessionsSection() {
  const [confirming, setConfirming] = useState(false);
  const end = useMutation({
    mutationFn: accountApi.endOtherSessions,
    onSuccess: ({ ended }) => {
      setConfirming(false);
      notifications.show({
        color: "table",
        message:
          ended === 0
            ? "There were no other sessions."
            : `Signed out of ${formatCountOf(ended, "other session")}.`,
      });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
  });
  return (
    <AccountSection title="Sessions">
      <Text>Signed in on a shared or lost device? Sign out everywhere but here.</Text>
      <Group>
        <Button variant="default" onClick={() => setConfirming(true)}>
          Sign out of all other sessions
        </Button>
      </Group>
      <Modal
        closeButtonProps={{ "aria-label": "Close" }}
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Sign out of all other sessions?"
      >
        <Stack gap="md">
          <Text>Every other browser and device signed in to your account will have to sign in again.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button onClick={() => end.mutate()} loading={end.isPending}>
              Sign out other sessions
            </Button>
          </Group>
        </Stack>
      </Modal>
    </AccountSection>
  );
}

function DeleteSection() {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    mode: "controlled",
    initialValues: { currentPassword: "" },
    validate: { currentPassword: (v) => (v ? null : "Type your current password") },
  });
  const remove = useMutation({
    mutationFn: (password: string) => accountApi.deleteAccount(password),
    onSuccess: async () => {
      setConfirming(false);
      queryClient.setQueryData(meKey, null);
      await queryClient.invalidateQueries();
      notifications.show({ color: "table", message: "Your account is deleted. Thank you for taking part." });
      void navigate("/", { replace: true });
    },
    onError: (err) => {
      if (err instanceof ApiError && Object.keys(err.fieldErrors()).length) form.setErrors(err.fieldErrors());
      else setProblem(errorMessage(err));
    },
  });
  const close = () => {
    setConfirming(false);
    setProblem(null);
    form.reset();
  };
  return (
    <AccountSection title="Delete your account">
      <Text>
        Your name becomes &ldquo;Former member&rdquo;, your e-mail address is removed and you are signed out
        everywhere. What you contributed (posts, votes, attendance, actions) stays with the partnerships. A
        partnership&rsquo;s last convener must hand over first.
      </Text>
      <Group>
        <Button color="red.9" variant="outline" onClick={() => setConfirming(true)}>
          Delete my account
        </Button>
      </Group>
      <Modal
        closeButtonProps={{ "aria-label": "Close" }}
        opened={confirming}
        onClose={close}
        title="Delete your account?"
      >
        <form
          noValidate
          onSubmit={form.onSubmit((v) => {
            setProblem(null);
            remove.mutate(v.currentPassword);
          }, focusFirstError)}
        >
          <Stack gap="md">
            <Text>This cannot be undone. Type your password to confirm.</Text>
            {problem && (
              <Alert color="red" variant="light" role="alert" title="The account was not deleted">
                {problem}
              </Alert>
            )}
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              required
              data-autofocus
              {...form.getInputProps("currentPassword")}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" color="red.9" loading={remove.isPending}>
                Delete my account for good
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </AccountSection>
  );
}

export default function AccountPage() {
  usePageTitle("Your account");
  const me = useMe();
  if (me.isPending) return <PageSkeleton />;
  if (!me.data) return <SignInPrompt title="Your account" reason="Sign in to manage your account." />;
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader title="Your account" description={`Signed in as ${me.data.name} (${me.data.email}).`} />
      <NameSection me={me.data} />
      <LanguageSection me={me.data} />
      <PasswordSection me={me.data} />
      <SsoSection />
      <EmailSection me={me.data} />
      <SessionsSection />
      <ApiTokensSection />
      <AccountSection title="Your data">
        <Text>
          Everything Shared Table holds about you, as one JSON file: account, memberships, votes, attendance,
          posts.
        </Text>
        <Group>
          <Button component="a" href="/api/me/export" download="shared-table-my-data.json" variant="default">
            Download my data
          </Button>
        </Group>
      </AccountSection>
      <DeleteSection />
    </Stack>
  );
}
