import { Alert, Anchor, Button, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { accountApi, meKey } from "../auth/api.js";
import { AuthCard } from "../auth/AuthCard.js";

const words = defineMessages({
  title: { id: "me.confirmEmail.title", defaultMessage: "Confirm your new e-mail address" },
});

/** Opened from the link sent to a new address; the change happens on the click, not the load. */
export default function ConfirmEmailPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(words.title));
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => accountApi.confirmEmail(token),
    onSuccess: async ({ email }) => {
      await queryClient.invalidateQueries({ queryKey: meKey });
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          { id: "me.confirmEmail.done", defaultMessage: "Your account now uses {email}." },
          { email },
        ),
      });
      void navigate("/me/account", { replace: true });
    },
  });
  return (
    <AuthCard
      title={intl.formatMessage(words.title)}
      footer={
        <Anchor component={Link} to="/me/account">
          <FormattedMessage id="me.confirmEmail.back" defaultMessage="Back to your account" />
        </Anchor>
      }
    >
      <Stack gap="md">
        <Text>
          <FormattedMessage
            id="me.confirmEmail.help"
            defaultMessage="Your account will use this address from now on, for signing in and for mail."
          />
        </Text>
        {confirm.isError && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={intl.formatMessage({
              id: "me.confirmEmail.failed",
              defaultMessage: "The address was not changed",
            })}
          >
            {errorMessage(confirm.error)}
          </Alert>
        )}
        <Button onClick={() => confirm.mutate()} loading={confirm.isPending} fullWidth>
          <FormattedMessage id="me.confirmEmail.confirm" defaultMessage="Confirm the new address" />
        </Button>
      </Stack>
    </AuthCard>
  );
}
