import { Skeleton, Stack } from "@mantine/core";
import { useIntl } from "react-intl";

export function PageSkeleton({ label }: { label?: string }) {
  const intl = useIntl();
  return (
    <Stack
      gap="md"
      aria-busy="true"
      aria-label={label ?? intl.formatMessage({ id: "common.loading", defaultMessage: "Loading" })}
      role="status"
    >
      <Skeleton height={36} width="45%" radius="md" />
      <Skeleton height={16} width="70%" />
      <Skeleton height={16} width="60%" />
      <Skeleton height={140} radius="lg" mt="md" />
      <Skeleton height={140} radius="lg" />
    </Stack>
  );
}
