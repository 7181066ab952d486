import { Alert, Anchor, Button, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { authApi, meKey } from "./api.js";
import { AuthCard } from "./AuthCard.js";
import { endSentence } from "../../lib/format.js";

/**
 * The one-time sign-in link mailed after many failed sign-ins. Signing in takes a click, not the
 * page load: mail scanners that open links must not spend it.
 */
export default function SignInLinkPage() {
  usePageTitle("Sign in with your link");
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: () => authApi.signInWithLink(token),
    onSuccess: (me) => {
      queryClient.setQueryData(meKey, me);
      notifications.show({ color: "table", message: endSentence(`Welcome back, ${me.name}`) });
      void navigate("/me", { replace: true });
    },
  });
  return (
    <AuthCard
      title="Sign in with your link"
      footer={
        <Anchor component={Link} to="/forgot-password">
          Reset your password instead
        </Anchor>
      }
    >
      <Stack gap="md">
        <Text>
          There were many failed attempts to sign in to your account, so for now this link signs you in
          instead of your password. It works once.
        </Text>
        {signIn.isError && (
          <Alert color="red" variant="light" role="alert" title="Could not sign in">
            {errorMessage(signIn.error)}
          </Alert>
        )}
        <Button onClick={() => signIn.mutate()} loading={signIn.isPending} fullWidth>
          Sign in
        </Button>
      </Stack>
    </AuthCard>
  );
}
