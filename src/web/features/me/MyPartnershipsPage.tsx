import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { roleLabels, roles, type Role } from "../../../core/vocabulary.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";

function roleLabel(role: string): string {
  return (roles as readonly string[]).includes(role) ? roleLabels[role as Role] : role;
}

const words = defineMessages({
  pageTitle: { id: "me.partnerships.pageTitle", defaultMessage: "My partnerships" },
});

export default function MyPartnershipsPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(words.pageTitle));
  const me = useMe();
  if (me.isPending) return <PageSkeleton />;
  if (!me.data) {
    return (
      <SignInPrompt
        title={intl.formatMessage(words.pageTitle)}
        reason={intl.formatMessage({
          id: "me.partnerships.signIn",
          defaultMessage: "Sign in to see your partnerships.",
        })}
      />
    );
  }
  const list = [...me.data.partnerships].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(words.pageTitle)}
        description={intl.formatMessage(
          { id: "me.partnerships.signedInAs", defaultMessage: "Signed in as {name} ({email})." },
          { name: me.data.name, email: me.data.email },
        )}
        actions={
          <Button component={Link} to="/partnerships/new">
            <FormattedMessage id="me.partnerships.start" defaultMessage="Start a partnership" />
          </Button>
        }
      />
      {list.length === 0 ? (
        <Card p="xl">
          <Stack gap="sm" align="flex-start">
            <Title order={2} fz="lg">
              <FormattedMessage
                id="me.partnerships.empty.title"
                defaultMessage="You are not at any table yet"
              />
            </Title>
            <Text c="dimmed">
              <FormattedMessage
                id="me.partnerships.empty.text"
                defaultMessage="Find a partnership in your industry and region, or start one. If a convener invited you, open the link in the invitation e-mail."
              />
            </Text>
            <Group>
              <Button component={Link} to="/partnerships" variant="default">
                <FormattedMessage id="me.partnerships.empty.browse" defaultMessage="Browse the directory" />
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" className="plain-list">
          {list.map((p) => (
            <li key={p.id}>
              <Card h="100%">
                <Stack gap="sm" h="100%">
                  <Badge color="table" variant="light" tt="none" radius="sm">
                    {roleLabel(p.role)}
                  </Badge>
                  <Title order={2} fz="lg">
                    {p.name}
                  </Title>
                  <Group gap="sm" mt="auto">
                    <Button component={Link} to={`/p/${p.slug}`} size="xs" variant="default">
                      <FormattedMessage id="me.partnerships.profile" defaultMessage="Profile" />
                    </Button>
                    <Button component={Link} to={`/p/${p.slug}/members`} size="xs" variant="default">
                      <FormattedMessage id="me.partnerships.members" defaultMessage="Members" />
                    </Button>
                  </Group>
                </Stack>
              </Card>
            </li>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
