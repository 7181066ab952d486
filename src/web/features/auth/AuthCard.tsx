import type { ReactNode } from "react";
import { Card, Stack, Text, Title } from "@mantine/core";

interface Props {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The narrow, centred card of the sign-in, sign-up and password pages. */
export function AuthCard({ title, description, children, footer }: Props) {
  return (
    <Stack maw={440} mx="auto" mt={{ base: 0, sm: "xl" }} gap="md">
      <Card p="xl" shadow="sm">
        <Stack gap="lg">
          <Stack gap={4}>
            <Title order={1} fz={26}>
              {title}
            </Title>
            {description && <Text c="dimmed">{description}</Text>}
          </Stack>
          {children}
        </Stack>
      </Card>
      {footer && (
        <Text ta="center" size="sm">
          {footer}
        </Text>
      )}
    </Stack>
  );
}
