import { Button, Card, Group, Pagination, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { PartnershipList } from "../../../core/partnerships.js";
import { PartnershipCard } from "./PartnershipCard.js";
import { FormattedMessage, useIntl } from "react-intl";

interface Props {
  data: PartnershipList | undefined;
  pending: boolean;
  onPage: (page: number) => void;
  onClear: () => void;
  filtered: boolean;
}

export function DirectoryResults({ data, pending, onPage, onClear, filtered }: Props) {
  const intl = useIntl();
  if (pending && !data) {
    return (
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" aria-busy="true">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} height={200} radius="lg" />
        ))}
      </SimpleGrid>
    );
  }
  if (!data || data.items.length === 0) {
    return (
      <Card p="xl" ta="center">
        <Stack align="center" gap="sm">
          <Title order={3} fz="lg">
            <FormattedMessage id="directory.results.noneTitle" defaultMessage="No partnership matches" />
          </Title>
          <Text c="dimmed" maw={460}>
            {filtered ? (
              <FormattedMessage
                id="directory.results.noneFiltered"
                defaultMessage="Try fewer filters, another state, or a broader industry."
              />
            ) : (
              <FormattedMessage
                id="directory.results.noneListed"
                defaultMessage="No partnership has been listed yet. Yours could be the first."
              />
            )}
          </Text>
          <Group>
            {filtered && (
              <Button variant="default" onClick={onClear}>
                <FormattedMessage id="directory.results.clearFilters" defaultMessage="Clear filters" />
              </Button>
            )}
            <Button component={Link} to="/partnerships/new">
              <FormattedMessage id="directory.startPartnership" defaultMessage="Start a partnership" />
            </Button>
          </Group>
        </Stack>
      </Card>
    );
  }
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <Stack gap="lg">
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="md"
        component="ul"
        className="plain-list"
        style={{ opacity: pending ? 0.6 : 1 }}
      >
        {data.items.map((item) => (
          <li key={item.id}>
            <PartnershipCard item={item} />
          </li>
        ))}
      </SimpleGrid>
      {pages > 1 && (
        <nav
          aria-label={intl.formatMessage({ id: "directory.pages.label", defaultMessage: "Pages of results" })}
        >
          <Group justify="center">
            <Pagination
              total={pages}
              value={data.page}
              onChange={onPage}
              getItemProps={(page) => ({
                "aria-label": intl.formatMessage(
                  { id: "directory.pages.page", defaultMessage: "Page {page, number}" },
                  { page },
                ),
              })}
              getControlProps={(control) => ({
                "aria-label": intl.formatMessage(
                  {
                    id: "directory.pages.control",
                    defaultMessage:
                      "{control, select, next {Next page} previous {Previous page} first {First page} other {Last page}}",
                  },
                  { control },
                ),
              })}
            />
          </Group>
        </nav>
      )}
    </Stack>
  );
}
