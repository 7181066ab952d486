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
import { defineMessages, FormattedMessage, useIntl } from "react-intl";

const words = defineMessages({
  invitation: { id: "invitations.page.invitation", defaultMessage: "Invitation" },
  notAccepted: { id: "invitations.page.notAccepted", defaultMessage: "Not accepted" },
});

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
  const intl = useIntl();
  usePageTitle(
    invitation.data
      ? intl.formatMessage(
          { id: "invitations.page.titleOf", defaultMessage: "Invitation to {partnership}" },
          { partnership: invitation.data.partnershipName },
        )
      : intl.formatMessage(words.invitation),
  );

  /** Both ways in end alike: the person's memberships change, a welcome, the partnership. */
  const seated = async (res: Accepted & { created?: boolean }) => {
    await queryClient.invalidateQueries({ queryKey: meKey });
    await queryClient.invalidateQueries({ queryKey: ["partnership"] });
    notifications.show({
      color: "table",
      title: intl.formatMessage({
        id: "invitations.page.welcomeTitle",
        defaultMessage: "Welcome to the table",
      }),
      message: res.created
        ? intl.formatMessage(
            {
              id: "invitations.page.joinedNewAccount",
              defaultMessage: "You joined as {role}; your account is ready.",
            },
            { role: roleLabels[res.role].toLowerCase() },
          )
        : intl.formatMessage(
            { id: "invitations.page.joined", defaultMessage: "You joined as {role}." },
            { role: roleLabels[res.role].toLowerCase() },
          ),
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

  if (invitation.isPending || me.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({
          id: "invitations.page.loading",
          defaultMessage: "Loading the invitation",
        })}
      />
    );
  if (invitation.isError) {
    const notFound = invitation.error instanceof ApiError && invitation.error.status === 404;
    return (
      <Stack maw={560} mx="auto">
        <Title order={1} fz={26}>
          <FormattedMessage {...words.invitation} />
        </Title>
        {notFound ? (
          <Alert
            color="harvest"
            variant="light"
            title={intl.formatMessage({
              id: "invitations.page.invalidTitle",
              defaultMessage: "This invitation link is not valid",
            })}
          >
            <FormattedMessage
              id="invitations.page.invalidText"
              defaultMessage="Check that you copied the whole link from the e-mail, or ask the convener for a new one."
            />
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
  const badge = (chunks: React.ReactNode[]) => (
    <Badge color="table" variant="light" tt="none" radius="sm" component="span">
      {chunks}
    </Badge>
  );

  return (
    <Card maw={620} mx="auto" p="xl" shadow="sm">
      <Stack gap="md">
        <Text fw={700} c="table.8" tt="uppercase" fz="xs" lts={1}>
          <FormattedMessage {...words.invitation} />
        </Text>
        <Title order={1} fz={28} lh={1.2}>
          <FormattedMessage
            id="invitations.page.join"
            defaultMessage="Join {partnership}"
            values={{ partnership: inv.partnershipName }}
          />
        </Title>
        <Text>
          {inv.organization ? (
            <FormattedMessage
              id="invitations.page.invitedFor"
              defaultMessage="{name}, you are invited to take a seat at the table as <badge>{role}</badge> for {organization}."
              values={{ name: inv.name, role: roleLabels[inv.role], organization: inv.organization, badge }}
            />
          ) : (
            <FormattedMessage
              id="invitations.page.invited"
              defaultMessage="{name}, you are invited to take a seat at the table as <badge>{role}</badge>."
              values={{ name: inv.name, role: roleLabels[inv.role], badge }}
            />
          )}
        </Text>
        <Anchor component={Link} to={`/p/${inv.partnershipSlug}`} size="sm">
          <FormattedMessage
            id="invitations.page.publicProfile"
            defaultMessage="Read the partnership's public profile"
          />
        </Anchor>

        {inv.revoked ? (
          <Alert
            color="harvest"
            variant="light"
            title={intl.formatMessage({
              id: "invitations.page.withdrawnTitle",
              defaultMessage: "This invitation was withdrawn",
            })}
          >
            <FormattedMessage
              id="invitations.page.withdrawnText"
              defaultMessage="The convener revoked it. Ask them to invite you again if you should join."
            />
          </Alert>
        ) : inv.accepted ? (
          <Alert
            color="table"
            variant="light"
            title={intl.formatMessage({
              id: "invitations.page.acceptedTitle",
              defaultMessage: "Already accepted",
            })}
          >
            <FormattedMessage
              id="invitations.page.acceptedText"
              defaultMessage="This invitation has been accepted. <link>Go to the partnership</link>"
              values={{
                link: (chunks) => (
                  <Anchor component={Link} to={`/p/${inv.partnershipSlug}`} underline="always">
                    {chunks}
                  </Anchor>
                ),
              }}
            />
          </Alert>
        ) : inv.expired ? (
          <Alert
            color="harvest"
            variant="light"
            title={intl.formatMessage({
              id: "invitations.page.expiredTitle",
              defaultMessage: "This invitation has expired",
            })}
          >
            <FormattedMessage
              id="invitations.page.expiredText"
              defaultMessage="Ask the partnership's convener to send you a new one."
            />
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
                <Alert color="red" variant="light" role="alert" title={intl.formatMessage(words.notAccepted)}>
                  {errorMessage(join.error)}
                </Alert>
              )}
              <TextInput
                label={intl.formatMessage({ id: "invitations.page.nameLabel", defaultMessage: "Your name" })}
                description={intl.formatMessage({
                  id: "invitations.page.nameHelp",
                  defaultMessage: "As the people at the table will see it",
                })}
                value={name ?? inv.name}
                onChange={(e) => setName(e.currentTarget.value)}
                required
                maxLength={200}
                autoComplete="name"
              />
              <Group>
                <Button type="submit" size="md" loading={join.isPending}>
                  <FormattedMessage
                    id="invitations.page.acceptAndSignIn"
                    defaultMessage="Accept and sign in"
                  />
                </Button>
              </Group>
              <Text size="sm" c="dimmed">
                <FormattedMessage
                  id="invitations.page.signsYouIn"
                  defaultMessage="This link signs you in as <strong>{email}</strong>: no password needed. You can add one on your account page later."
                  values={{ email: inv.email, strong: (chunks) => <strong>{chunks}</strong> }}
                />
              </Text>
              <Anchor component={Link} to={`/signin?next=${back}&email=${email}`} size="sm">
                <FormattedMessage
                  id="invitations.page.havePassword"
                  defaultMessage="I have a password: sign in first"
                />
              </Anchor>
            </Stack>
          </form>
        ) : (
          <Stack gap="sm">
            {wrongAccount ? (
              <Alert
                color="harvest"
                variant="light"
                title={intl.formatMessage({
                  id: "invitations.page.wrongAccountTitle",
                  defaultMessage: "Another account is signed in",
                })}
              >
                <Text size="sm" mb="sm">
                  <FormattedMessage
                    id="invitations.page.wrongAccountText"
                    defaultMessage="You are signed in as {current}, but the invitation is for {email}. Sign out, then sign in or create an account with {email}."
                    values={{ current: me.data.email, email: inv.email }}
                  />
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  loading={signOut.isPending}
                  onClick={() => signOut.mutate()}
                >
                  <FormattedMessage id="invitations.page.signOut" defaultMessage="Sign out" />
                </Button>
              </Alert>
            ) : (
              <>
                {accept.isError && (
                  <Alert
                    color="red"
                    variant="light"
                    role="alert"
                    title={intl.formatMessage(words.notAccepted)}
                  >
                    {errorMessage(accept.error)}
                  </Alert>
                )}
                <Group>
                  <Button size="md" onClick={() => accept.mutate()} loading={accept.isPending}>
                    <FormattedMessage id="invitations.page.accept" defaultMessage="Accept the invitation" />
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
