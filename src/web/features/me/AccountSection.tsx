import type { ReactNode } from "react";
import { Card, Stack, Title } from "@mantine/core";

/** One titled card of the account page. */
export function AccountSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card p="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}
