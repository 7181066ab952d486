import { Alert, Anchor, Button, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { accountApi, meKey } from "../auth/api.js";
import { AuthCard } from "../auth/AuthCard.js";

/** Opened from the link sent to a new address; the change happens on the click, not the load. */
export default function ConfirmEmailPage() {
  usePageTitle("Confirm your new e-mail address");
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const confirm = useMutation({
    mutationFn: () => accountApi.confirmEmail(token),
    onSuccess: async ({ email }) => {
      await queryClient.invalidateQueries({ queryKey: meKey });
      notifications.show({ color: "table", message: `Your account now uses ${email}.` });
      void navigate("/me/account", { replace: true });
    },
  });
  return (
    <AuthCard
      title="Confirm your new e-mail address"
      footer={
        <Anchor component={Link} to="/me/account">
          Back to your account
        </Anchor>
      }
    >
      <Stack gap="md">
        <Text>Your account will use this address from now on, for signing in and for mail.</Text>
        {confirm.isError && (
          <Alert color="red" variant="light" role="alert" title="The address was not changed">
            {errorMessage(confirm.error)}
          </Alert>
        )}
        <Button onClick={() => confirm.mutate()} loading={confirm.isPending} fullWidth>
          Confirm the new address
        </Button>
      </Stack>
    </AuthCard>
  );
}
