import { Alert, Anchor, Button, Skeleton, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { authApi, meKey, safeNext } from "./api.js";
import { AuthCard } from "./AuthCard.js";
import { endSentence } from "../../lib/format.js";

/**
 * A one-time sign-in link: asked for on the sign-in page, or mailed after many failed sign-ins.
 * Signing in takes a click, not the page load: mail scanners that open links must not spend it.
 * Opened in another browser than the one that asked, the page says where the request came from.
 */
export default function SignInLinkPage() {
  usePageTitle("Sign in with your link");
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const link = useQuery({
    queryKey: ["sign-in-link", token],
    queryFn: ({ signal }) => authApi.describeSignInLink(token, signal),
    retry: false,
    staleTime: Infinity,
  });
  const info = link.data;
  const signIn = useMutation({
    mutationFn: () => authApi.signInWithLink(token, !info?.sameBrowser),
    onSuccess: (me) => {
      queryClient.setQueryData(meKey, me);
      notifications.show({ color: "table", message: endSentence(`Welcome back, ${me.name}`) });
      void navigate(safeNext(me.next) ?? "/me", { replace: true });
    },
  });
  return (
    <AuthCard
      title="Sign in with your link"
      footer={
        <Anchor component={Link} to="/signin">
          Sign in another way
        </Anchor>
      }
    >
      <Stack gap="md">
        {link.isPending && <Skeleton height={80} />}
        {link.isError && (
          <Alert color="red" variant="light" role="alert" title="This link no longer works">
            {errorMessage(link.error)}
          </Alert>
        )}
        {info && (
          <>
            <Text>
              {info.purpose === "locked"
                ? "There were many failed attempts to sign in to your account, so for now this link signs you in instead of your password. "
                : ""}
              This link signs in <strong>{info.email}</strong>, once.
            </Text>
            {!info.sameBrowser && info.requestedFrom && (
              <Alert color="harvest" variant="light" title="Asked for in another browser">
                The link was asked for from {info.requestedFrom}. Sign in here only if you asked for it
                yourself.
              </Alert>
            )}
            {signIn.isError && (
              <Alert color="red" variant="light" role="alert" title="Could not sign in">
                {errorMessage(signIn.error)}
              </Alert>
            )}
            <Button onClick={() => signIn.mutate()} loading={signIn.isPending} fullWidth>
              Sign in
            </Button>
          </>
        )}
      </Stack>
    </AuthCard>
  );
}
