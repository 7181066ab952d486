import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { usePageTitle } from "../../lib/usePageTitle.js";

export default function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <Card maw={560} mx="auto" p="xl" mt="xl">
      <Stack gap="md">
        <Text fw={800} c="table.8" fz={48} lh={1}>
          404
        </Text>
        <Title order={1} fz={26}>
          We could not find that page
        </Title>
        <Text c="dimmed">
          The link may be old, or the partnership may have changed its address. Try the directory.
        </Text>
        <Group>
          <Button component={Link} to="/partnerships">
            Go to the directory
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
