import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import type { Role } from "../../../core/vocabulary.js";
import { roleLabels } from "../../../core/vocabulary.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { api, ApiError, errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { authApi, meKey, useMe } from "../auth/api.js";
import { useInvitation } from "./api.js";

interface Accepted {
  partnershipId: string;
  slug: string;
  role: Role;
}

export default function InvitationPage() {
  const { token = "" } = useParams();
  const path = `/invitations/${encodeURIComponent(token)}`;
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const invitation = useInvitation(token);
  usePageTitle(invitation.data ? `Invitation to ${invitation.data.partnershipName}` : "Invitation");

  /** Both ways in end alike: the person's memberships change, a welcome, the partnership. */
  const seated = async (res: Accepted & { created?: boolean }) => {
    await queryClient.invalidateQueries({ queryKey: meKey });
    await queryClient.invalidateQueries({ queryKey: ["partnership"] });
    notifications.show({
      color: "table",
      title: "Welcome to the table",
      message: `You joined as ${roleLabels[res.role].toLowerCase()}${res.created ? "; your account is ready" : ""}.`,
    });
    void navigate(`/p/${res.slug}`);
  };

  const accept = useMutation({
    mutationFn: () => api.post<Accepted>(`${path}/accept`),
    onSuccess: seated,
  });

  // What the person typed over the invitation's name; undefined while they have not.
  const [name, setName] = useState<string | undefined>(undefined);
  const join = useMutation({
    mutationFn: () =>
      api.post<Accepted & { created: boolean }>(`${path}/join`, name?.trim() ? { name: name.trim() } : {}),
    onSuccess: seated,
  });

  const signOut = useMutation({
    mutationFn: authApi.logout,
    onSuccess: () => {
      queryClient.setQueryData(meKey, null);
    },
  });

  if (invitation.isPending || me.isPending) return <PageSkeleton label="Loading the invitation" />;
  if (invitation.isError) {
    const notFound = invitation.error instanceof ApiError && invitation.error.status === 404;
    return (
      <Stack maw={560} mx="auto">
        <Title order={1} fz={26}>
          Invitation
        </Title>
        {notFound ? (
          <Alert color="harvest" variant="light" title="This invitation link is not valid">
            Check that you copied the whole link from the e-mail, or ask the convener for a new one.
          </Alert>
        ) : (
          <ErrorAlert error={invitation.error} onRetry={() => void invitation.refetch()} />
        )}
      </Stack>
    );
  }

  const inv = invitation.data;
  const back = encodeURIComponent(`/invitations/${token}`);
  const email = encodeURIComponent(inv.email);
  const wrongAccount = me.data && me.data.email.toLowerCase() !== inv.email.toLowerCase();

  return (
    <Card maw={620} mx="auto" p="xl" shadow="sm">
      <Stack gap="md">
        <Text fw={700} c="table.8" tt="uppercase" fz="xs" lts={1}>
          Invitation
        </Text>
        <Title order={1} fz={28} lh={1.2}>
          Join {inv.partnershipName}
        </Title>
        <Text>
          {inv.name}, you are invited to take a seat at the table as{" "}
          <Badge color="table" variant="light" tt="none" radius="sm" component="span">
            {roleLabels[inv.role]}
          </Badge>
          {inv.organization && <> for {inv.organization}</>}.
        </Text>
        <Anchor component={Link} to={`/p/${inv.partnershipSlug}`} size="sm">
          Read the partnership's public profile
        </Anchor>

        {inv.revoked ? (
          <Alert color="harvest" variant="light" title="This invitation was withdrawn">
            The convener revoked it. Ask them to invite you again if you should join.
          </Alert>
        ) : inv.accepted ? (
          <Alert color="table" variant="light" title="Already accepted">
            This invitation has been accepted.{" "}
            <Anchor component={Link} to={`/p/${inv.partnershipSlug}`} underline="always">
              Go to the partnership
            </Anchor>
          </Alert>
        ) : inv.expired ? (
          <Alert color="harvest" variant="light" title="This invitation has expired">
            Ask the partnership's convener to send you a new one.
          </Alert>
        ) : !me.data ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              join.mutate();
            }}
          >
            <Stack gap="sm">
              {join.isError && (
                <Alert color="red" variant="light" role="alert" title="Not accepted">
                  {errorMessage(join.error)}
                </Alert>
              )}
              <TextInput
                label="Your name"
                description="As the people at the table will see it"
                value={name ?? inv.name}
                onChange={(e) => setName(e.currentTarget.value)}
                required
                maxLength={200}
                autoComplete="name"
              />
              <Group>
                <Button type="submit" size="md" loading={join.isPending}>
                  Accept and sign in
                </Button>
              </Group>
              <Text size="sm" c="dimmed">
                This link signs you in as <strong>{inv.email}</strong>: no password needed. You can add one on
                your account page later.
              </Text>
              <Anchor component={Link} to={`/signin?next=${back}&email=${email}`} size="sm">
                I have a password: sign in first
              </Anchor>
            </Stack>
          </form>
        ) : (
          <Stack gap="sm">
            {wrongAccount ? (
              <Alert color="harvest" variant="light" title="Another account is signed in">
                <Text size="sm" mb="sm">
                  You are signed in as {me.data.email}, but the invitation is for {inv.email}. Sign out, then
                  sign in or create an account with {inv.email}.
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  loading={signOut.isPending}
                  onClick={() => signOut.mutate()}
                >
                  Sign out
                </Button>
              </Alert>
            ) : (
              <>
                {accept.isError && (
                  <Alert color="red" variant="light" role="alert" title="Not accepted">
                    {errorMessage(accept.error)}
                  </Alert>
                )}
                <Group>
                  <Button size="md" onClick={() => accept.mutate()} loading={accept.isPending}>
                    Accept the invitation
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
