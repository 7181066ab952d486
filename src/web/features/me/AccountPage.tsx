import { useState } from "react";
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
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
import { AccountSection } from "./AccountSection.js";
import { LanguageSection } from "./LanguageSection.js";
import { ApiTokensSection } from "./ApiTokensSection.js";
import { SsoSection } from "./SsoSection.js";

const words = defineMessages({
  currentPassword: { id: "me.account.currentPassword", defaultMessage: "Current password" },
  typeCurrentPassword: { id: "me.account.typeCurrentPassword", defaultMessage: "Type your current password" },
  cancel: { id: "me.account.cancel", defaultMessage: "Cancel" },
  close: { id: "me.account.close", defaultMessage: "Close" },
  pageTitle: { id: "me.account.pageTitle", defaultMessage: "Your account" },
});

/** Shows a refusal on its fields when the server names them, otherwise as a notification. */
function showRefusal(err: unknown, setErrors: (errors: Record<string, string>) => void) {
  if (err instanceof ApiError && Object.keys(err.fieldErrors()).length) setErrors(err.fieldErrors());
  else notifications.show({ color: "red", message: errorMessage(err) });
}

function NameSection({ me }: { me: Me }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "controlled",
    initialValues: { name: me.name },
    validate: {
      name: (v) =>
        v.trim()
          ? null
          : intl.formatMessage({ id: "me.account.name.required", defaultMessage: "Enter your name" }),
    },
  });
  const save = useMutation({
    mutationFn: (name: string) => accountApi.update({ name }),
    onSuccess: (updated) => {
      queryClient.setQueryData(meKey, updated);
      notifications.show({
        color: "table",
        message: intl.formatMessage({ id: "me.account.name.saved", defaultMessage: "Your name is saved." }),
      });
    },
    onError: (err) => showRefusal(err, form.setErrors),
  });
  return (
    <AccountSection title={intl.formatMessage({ id: "me.account.name.title", defaultMessage: "Your name" })}>
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v.name.trim()), focusFirstError)}>
        <Group align="flex-end">
          <TextInput
            label={intl.formatMessage({ id: "me.account.name.label", defaultMessage: "Name" })}
            autoComplete="name"
            required
            maxLength={limits.personName}
            style={{ flex: 1 }}
            {...form.getInputProps("name")}
          />
          <Button type="submit" loading={save.isPending}>
            <FormattedMessage id="me.account.name.save" defaultMessage="Save name" />
          </Button>
        </Group>
      </form>
    </AccountSection>
  );
}

/** Changes the password; an account made from an invitation or a link adds its first one. */
function PasswordSection({ me }: { me: Me }) {
  const adding = !me.hasPassword;
  const intl = useIntl();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "controlled",
    initialValues: { currentPassword: "", newPassword: "", repeat: "" },
    validate: {
      currentPassword: (v) => (adding || v ? null : intl.formatMessage(words.typeCurrentPassword)),
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
          ? intl.formatMessage({
              id: "me.account.password.added",
              defaultMessage: "Your password is added: you can sign in with it or with an e-mailed link.",
            })
          : intl.formatMessage({
              id: "me.account.password.changed",
              defaultMessage: "Your password is changed. Your other sessions were signed out.",
            }),
      });
    },
    onError: (err) => showRefusal(err, form.setErrors),
  });
  return (
    <AccountSection
      title={intl.formatMessage({ id: "me.account.password.title", defaultMessage: "Password" })}
    >
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
              <FormattedMessage
                id="me.account.password.noneYet"
                defaultMessage="You sign in with links e-mailed to you. Add a password to sign in with it too; you need one to change your e-mail address or delete the account."
              />
            </Text>
          ) : (
            <PasswordInput
              label={intl.formatMessage(words.currentPassword)}
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
              {adding ? (
                <FormattedMessage id="me.account.password.add" defaultMessage="Add a password" />
              ) : (
                <FormattedMessage id="me.account.password.change" defaultMessage="Change password" />
              )}
            </Button>
          </Group>
        </Stack>
      </form>
    </AccountSection>
  );
}

function EmailSection({ me }: { me: Me }) {
  const intl = useIntl();
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "", currentPassword: "" },
    validate: {
      email: (v) =>
        /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim())
          ? null
          : intl.formatMessage({
              id: "me.account.email.invalid",
              defaultMessage: "Must be an e-mail address such as name@example.org",
            }),
      currentPassword: (v) => (v ? null : intl.formatMessage(words.typeCurrentPassword)),
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
    <AccountSection
      title={intl.formatMessage({ id: "me.account.email.title", defaultMessage: "E-mail address" })}
    >
      <Text>
        <FormattedMessage
          id="me.account.email.current"
          defaultMessage="You sign in with <b>{email}</b>. A new address is used once you open the link we send to it."
          values={{ email: me.email, b: (chunks) => <strong>{chunks}</strong> }}
        />
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
            label={intl.formatMessage({ id: "me.account.email.new", defaultMessage: "New e-mail address" })}
            type="email"
            autoComplete="email"
            required
            maxLength={limits.email}
            {...form.getInputProps("email")}
          />
          <PasswordInput
            label={intl.formatMessage(words.currentPassword)}
            autoComplete="current-password"
            required
            {...form.getInputProps("currentPassword")}
          />
          <Group>
            <Button type="submit" variant="default" loading={change.isPending}>
              <FormattedMessage id="me.account.email.send" defaultMessage="Send confirmation link" />
            </Button>
          </Group>
        </Stack>
      </form>
    </AccountSection>
  );
}

function SessionsSection() {
  const intl = useIntl();
  const [confirming, setConfirming] = useState(false);
  const end = useMutation({
    mutationFn: accountApi.endOtherSessions,
    onSuccess: ({ ended }) => {
      setConfirming(false);
      notifications.show({
        color: "table",
        message:
          ended === 0
            ? intl.formatMessage({
                id: "me.account.sessions.none",
                defaultMessage: "There were no other sessions.",
              })
            : intl.formatMessage(
                {
                  id: "me.account.sessions.ended",
                  defaultMessage:
                    "Signed out of {count, plural, one {# other session} other {# other sessions}}.",
                },
                { count: ended },
              ),
      });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
  });
  return (
    <AccountSection
      title={intl.formatMessage({ id: "me.account.sessions.title", defaultMessage: "Sessions" })}
    >
      <Text>
        <FormattedMessage
          id="me.account.sessions.help"
          defaultMessage="Signed in on a shared or lost device? Sign out everywhere but here."
        />
      </Text>
      <Group>
        <Button variant="default" onClick={() => setConfirming(true)}>
          <FormattedMessage
            id="me.account.sessions.signOutAll"
            defaultMessage="Sign out of all other sessions"
          />
        </Button>
      </Group>
      <Modal
        closeButtonProps={{ "aria-label": intl.formatMessage(words.close) }}
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={intl.formatMessage({
          id: "me.account.sessions.confirmTitle",
          defaultMessage: "Sign out of all other sessions?",
        })}
      >
        <Stack gap="md">
          <Text>
            <FormattedMessage
              id="me.account.sessions.confirmText"
              defaultMessage="Every other browser and device signed in to your account will have to sign in again."
            />
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              <FormattedMessage {...words.cancel} />
            </Button>
            <Button onClick={() => end.mutate()} loading={end.isPending}>
              <FormattedMessage id="me.account.sessions.confirm" defaultMessage="Sign out other sessions" />
            </Button>
          </Group>
        </Stack>
      </Modal>
    </AccountSection>
  );
}

function DeleteSection() {
  const intl = useIntl();
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    mode: "controlled",
    initialValues: { currentPassword: "" },
    validate: { currentPassword: (v) => (v ? null : intl.formatMessage(words.typeCurrentPassword)) },
  });
  const remove = useMutation({
    mutationFn: (password: string) => accountApi.deleteAccount(password),
    onSuccess: async () => {
      setConfirming(false);
      queryClient.setQueryData(meKey, null);
      await queryClient.invalidateQueries();
      notifications.show({
        color: "table",
        message: intl.formatMessage({
          id: "me.account.delete.done",
          defaultMessage: "Your account is deleted. Thank you for taking part.",
        }),
      });
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
    <AccountSection
      title={intl.formatMessage({ id: "me.account.delete.title", defaultMessage: "Delete your account" })}
    >
      <Text>
        <FormattedMessage
          id="me.account.delete.help"
          defaultMessage="Your name becomes “Former member”, your e-mail address is removed and you are signed out everywhere. What you contributed (posts, votes, attendance, actions) stays with the partnerships. A partnership’s last convener must hand over first."
        />
      </Text>
      <Group>
        <Button color="red.9" variant="outline" onClick={() => setConfirming(true)}>
          <FormattedMessage id="me.account.delete.open" defaultMessage="Delete my account" />
        </Button>
      </Group>
      <Modal
        closeButtonProps={{ "aria-label": intl.formatMessage(words.close) }}
        opened={confirming}
        onClose={close}
        title={intl.formatMessage({
          id: "me.account.delete.confirmTitle",
          defaultMessage: "Delete your account?",
        })}
      >
        <form
          noValidate
          onSubmit={form.onSubmit((v) => {
            setProblem(null);
            remove.mutate(v.currentPassword);
          }, focusFirstError)}
        >
          <Stack gap="md">
            <Text>
              <FormattedMessage
                id="me.account.delete.confirmText"
                defaultMessage="This cannot be undone. Type your password to confirm."
              />
            </Text>
            {problem && (
              <Alert
                color="red"
                variant="light"
                role="alert"
                title={intl.formatMessage({
                  id: "me.account.delete.failed",
                  defaultMessage: "The account was not deleted",
                })}
              >
                {problem}
              </Alert>
            )}
            <PasswordInput
              label={intl.formatMessage(words.currentPassword)}
              autoComplete="current-password"
              required
              data-autofocus
              {...form.getInputProps("currentPassword")}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                <FormattedMessage {...words.cancel} />
              </Button>
              <Button type="submit" color="red.9" loading={remove.isPending}>
                <FormattedMessage
                  id="me.account.delete.confirm"
                  defaultMessage="Delete my account for good"
                />
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </AccountSection>
  );
}

export default function AccountPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(words.pageTitle));
  const me = useMe();
  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return (
      <SignInPrompt
        title={intl.formatMessage(words.pageTitle)}
        reason={intl.formatMessage({
          id: "me.account.signIn",
          defaultMessage: "Sign in to manage your account.",
        })}
      />
    );
  return (
    <Stack gap="lg" maw={720}>
      <PageHeader
        title={intl.formatMessage(words.pageTitle)}
        description={intl.formatMessage(
          { id: "me.account.signedInAs", defaultMessage: "Signed in as {name} ({email})." },
          { name: me.data.name, email: me.data.email },
        )}
      />
      <NameSection me={me.data} />
      <LanguageSection me={me.data} />
      <PasswordSection me={me.data} />
      <SsoSection />
      <EmailSection me={me.data} />
      <SessionsSection />
      <ApiTokensSection />
      <AccountSection
        title={intl.formatMessage({ id: "me.account.data.title", defaultMessage: "Your data" })}
      >
        <Text>
          <FormattedMessage
            id="me.account.data.help"
            defaultMessage="Everything Shared Table holds about you, as one JSON file: account, memberships, votes, attendance, posts."
          />
        </Text>
        <Group>
          <Button component="a" href="/api/me/export" download="shared-table-my-data.json" variant="default">
            <FormattedMessage id="me.account.data.download" defaultMessage="Download my data" />
          </Button>
        </Group>
      </AccountSection>
      <DeleteSection />
    </Stack>
  );
}
