import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { FormattedMessage } from "react-intl";
import { Link, useLocation } from "react-router";

interface Props {
  title: string;
  reason: string;
}

/** Shown instead of a page that needs an account, with a way back here after signing in. */
export function SignInPrompt({ title, reason }: Props) {
  const location = useLocation();
  const next = encodeURIComponent(location.pathname + location.search);
  return (
    <Card maw={560} mx="auto" p="xl">
      <Stack gap="md">
        <Title order={1} fz={26}>
          {title}
        </Title>
        <Text c="dimmed">{reason}</Text>
        <Group>
          <Button component={Link} to={`/signin?next=${next}`}>
            <FormattedMessage id="auth.prompt.signIn" defaultMessage="Sign in" />
          </Button>
          <Button component={Link} to={`/signup?next=${next}`} variant="default">
            <FormattedMessage id="auth.prompt.createAccount" defaultMessage="Create an account" />
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
