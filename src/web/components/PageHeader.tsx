import type { ReactNode } from "react";
import { Group, Stack, Text, Title } from "@mantine/core";

interface Props {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  eyebrow?: ReactNode;
}

export function PageHeader({ title, description, actions, eyebrow }: Props) {
  return (
    <Group justify="space-between" align="flex-end" gap="md" mb="xl" wrap="wrap">
      <Stack gap={6} maw={760}>
        {eyebrow}
        <Title order={1} fz={{ base: 28, sm: 34 }} lh={1.15}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="lg">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
