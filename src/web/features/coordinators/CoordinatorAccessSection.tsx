import { Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDateTime } from "../../lib/format.js";
import { accessLogKey, coordinatorsApi } from "./api.js";

const PAGE = 20;

/**
 * For conveners: each time a state or regional coordinator read this partnership's members-only
 * data through their scope (who, what, when), newest first.
 */
export function CoordinatorAccessSection({ partnershipId }: { partnershipId: string }) {
  const intl = useIntl();
  const [offset, setOffset] = useState(0);
  const log = useQuery({
    queryKey: accessLogKey(partnershipId, offset),
    queryFn: ({ signal }) => coordinatorsApi.accessLog(partnershipId, offset, PAGE, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Card component="section" aria-labelledby="coordinator-access-heading">
      <Title order={2} fz="lg" id="coordinator-access-heading" mb="xs">
        <FormattedMessage id="coordinators.access.title" defaultMessage="Coordinator access" />
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        <FormattedMessage
          id="coordinators.access.help"
          defaultMessage="State and regional coordinators may read this partnership's members-only pages. Each time they do, it is listed here."
        />
      </Text>
      {log.isPending ? (
        <Text size="sm">
          <FormattedMessage id="coordinators.access.loading" defaultMessage="Loading…" />
        </Text>
      ) : log.isError ? (
        <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.total === 0 ? (
        <Text size="sm">
          <FormattedMessage
            id="coordinators.access.empty"
            defaultMessage="No coordinator has read this partnership's members-only data."
          />
        </Text>
      ) : (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={360}>
            <Table
              striped
              aria-label={intl.formatMessage({
                id: "coordinators.access.tableLabel",
                defaultMessage: "Coordinator access, newest first",
              })}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">
                    <FormattedMessage id="coordinators.access.when" defaultMessage="When" />
                  </Table.Th>
                  <Table.Th scope="col">
                    <FormattedMessage id="coordinators.access.coordinator" defaultMessage="Coordinator" />
                  </Table.Th>
                  <Table.Th scope="col">
                    <FormattedMessage id="coordinators.access.what" defaultMessage="What they read" />
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.items.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(entry.at)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{entry.userName}</Text>
                      <Text size="xs" c="dimmed">
                        {entry.viaServiceToken
                          ? intl.formatMessage({
                              id: "coordinators.access.serviceToken",
                              defaultMessage: "Service token of a state system (read only)",
                            })
                          : entry.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{entry.what}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {log.data.total > PAGE && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                <FormattedMessage
                  id="coordinators.access.range"
                  defaultMessage="{from}–{to} of {total}"
                  values={{
                    from: offset + 1,
                    to: Math.min(offset + PAGE, log.data.total),
                    total: log.data.total,
                  }}
                />
              </Text>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - PAGE))}
                >
                  <FormattedMessage id="coordinators.access.newer" defaultMessage="Newer" />
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  disabled={offset + PAGE >= log.data.total}
                  onClick={() => setOffset(offset + PAGE)}
                >
                  <FormattedMessage id="coordinators.access.older" defaultMessage="Older" />
                </Button>
              </Group>
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}
