import { Alert, Button, Group, Text } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { errorMessage } from "../lib/api.js";

interface Props {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

export function ErrorAlert({ error, title, onRetry }: Props) {
  const intl = useIntl();
  return (
    <Alert
      color="red"
      variant="light"
      title={
        title ?? intl.formatMessage({ id: "common.error.title", defaultMessage: "Something went wrong" })
      }
      role="alert"
    >
      <Text size="sm">{errorMessage(error)}</Text>
      {onRetry && (
        <Group mt="sm">
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            <FormattedMessage id="common.error.retry" defaultMessage="Try again" />
          </Button>
        </Group>
      )}
    </Alert>
  );
}
