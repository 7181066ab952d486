import { Anchor, Card, Grid, Stack, Tabs, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { CoordinatorAccessSection } from "../coordinators/CoordinatorAccessSection.js";
import { usePartnership } from "../partnerships/api.js";
import { AddOrganizationForm } from "./AddOrganizationForm.js";
import { useMembers } from "./api.js";
import { InvitationsList } from "./InvitationsList.js";
import { MakeupCard } from "./MakeupCard.js";
import { OrganizationsList } from "./OrganizationsList.js";
import { PeopleTable } from "./PeopleTable.js";
import { PersonForm } from "./PersonForm.js";
import { LeaveButton } from "./LeaveButton.js";
import { endSentence } from "../../lib/format.js";

const pageWords = defineMessages({
  members: { id: "members.page.title", defaultMessage: "Members" },
  loading: { id: "members.page.loading", defaultMessage: "Loading the members" },
});

export default function MembersPage() {
  const intl = useIntl();
  const { slug } = useParams();
  const me = useMe();
  const partnership = usePartnership(slug);
  const p = partnership.data;
  const members = useMembers(p?.id, !!p?.permissions.viewMembers);
  const membersOf = (name: string) =>
    intl.formatMessage({ id: "members.page.titleOf", defaultMessage: "Members of {name}" }, { name });
  usePageTitle(p ? membersOf(p.name) : intl.formatMessage(pageWords.members));

  if (partnership.isPending || me.isPending) {
    return <PageSkeleton label={intl.formatMessage(pageWords.loading)} />;
  }
  if (partnership.error instanceof ApiError && partnership.error.status === 404) {
    return <NotFoundPage />;
  }
  if (!p) return <ErrorAlert error={partnership.error} onRetry={() => void partnership.refetch()} />;
  if (!me.data) {
    return (
      <SignInPrompt
        title={membersOf(p.name)}
        reason={intl.formatMessage({
          id: "members.page.signInReason",
          defaultMessage: "The member list is for the people of this partnership. Sign in to see it.",
        })}
      />
    );
  }
  if (!p.permissions.viewMembers) {
    return (
      <Card maw={620} mx="auto" p="xl">
        <Title order={1} fz={24} mb="sm">
          {membersOf(p.name)}
        </Title>
        <Text c="dimmed">
          <FormattedMessage
            id="members.page.notMember"
            defaultMessage="Only members of this partnership can see who is at its table. Ask a convener for an invitation."
          />{" "}
          <Anchor component={Link} to={`/p/${p.slug}`}>
            <FormattedMessage id="members.page.backToProfile" defaultMessage="Back to the profile" />
          </Anchor>
        </Text>
      </Card>
    );
  }

  const myPersonId = me.data.personId;
  const manage =
    p.permissions.manageMembers && members.data
      ? { partnershipId: p.id, organizations: members.data.organizations }
      : undefined;
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(pageWords.members)}
        description={endSentence(
          intl.formatMessage(
            { id: "members.page.description", defaultMessage: "Who sits at the table of {name}" },
            { name: p.name },
          ),
        )}
      />
      {members.isPending ? (
        <PageSkeleton label={intl.formatMessage(pageWords.loading)} />
      ) : members.isError ? (
        <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: p.permissions.manageMembers ? 7 : 12 }}>
            <Stack gap="lg">
              <MakeupCard makeup={members.data.makeup} partnershipId={p.id} />
              <PeopleTable people={members.data.items} manage={manage} />
              <OrganizationsList organizations={members.data.organizations} manage={manage} />
              <InvitationsList
                invitations={members.data.invitations}
                organizations={members.data.organizations}
                manage={manage}
              />
              {p.permissions.manageMembers && <CoordinatorAccessSection partnershipId={p.id} />}
              {members.data.items.some((m) => m.personId === myPersonId) && (
                <LeaveButton partnershipId={p.id} partnershipName={p.name} slug={p.slug} />
              )}
            </Stack>
          </Grid.Col>
          {p.permissions.manageMembers && (
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Card component="section" aria-labelledby="manage-heading" pos="sticky" top={80}>
                <Title order={2} fz="lg" id="manage-heading" mb="xs">
                  <FormattedMessage id="members.manage.title" defaultMessage="Bring people to the table" />
                </Title>
                <Text size="sm" c="dimmed" mb="md">
                  <FormattedMessage
                    id="members.manage.help"
                    defaultMessage="Add the organizations first, then their people. Champions and business members must come from a business."
                  />
                </Text>
                <Tabs defaultValue="organization" keepMounted={false}>
                  <Tabs.List grow mb="md">
                    <Tabs.Tab value="organization">
                      <FormattedMessage id="members.manage.organizationTab" defaultMessage="Organization" />
                    </Tabs.Tab>
                    <Tabs.Tab value="person">
                      <FormattedMessage id="members.manage.personTab" defaultMessage="Person" />
                    </Tabs.Tab>
                    <Tabs.Tab value="invite">
                      <FormattedMessage id="members.manage.inviteTab" defaultMessage="Invite" />
                    </Tabs.Tab>
                  </Tabs.List>
                  <Tabs.Panel value="organization">
                    <AddOrganizationForm partnershipId={p.id} />
                  </Tabs.Panel>
                  <Tabs.Panel value="person">
                    <PersonForm partnershipId={p.id} organizations={members.data.organizations} mode="add" />
                  </Tabs.Panel>
                  <Tabs.Panel value="invite">
                    <PersonForm
                      partnershipId={p.id}
                      organizations={members.data.organizations}
                      mode="invite"
                    />
                  </Tabs.Panel>
                </Tabs>
              </Card>
            </Grid.Col>
          )}
        </Grid>
      )}
    </Stack>
  );
}
