import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { usePageTitle } from "../../lib/usePageTitle.js";

export default function NotFoundPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: "errors.notFound.pageTitle", defaultMessage: "Page not found" }));
  return (
    <Card maw={560} mx="auto" p="xl" mt="xl">
      <Stack gap="md">
        <Text fw={800} c="table.8" fz={48} lh={1}>
          404
        </Text>
        <Title order={1} fz={26}>
          <FormattedMessage id="errors.notFound.title" defaultMessage="We could not find that page" />
        </Title>
        <Text c="dimmed">
          <FormattedMessage
            id="errors.notFound.text"
            defaultMessage="The link may be old, or the partnership may have changed its address. Try the directory."
          />
        </Text>
        <Group>
          <Button component={Link} to="/partnerships">
            <FormattedMessage id="errors.notFound.directoryButton" defaultMessage="Go to the directory" />
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
