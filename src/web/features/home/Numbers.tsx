import { Card, SimpleGrid, Text, Title } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { useCommunityStats } from "./api.js";
import { formatCount } from "../../../core/format.js";

/** The community in four numbers. */
export function Numbers() {
  const stats = useCommunityStats();
  const intl = useIntl();
  const items = [
    {
      label: intl.formatMessage({ id: "home.numbers.partnerships", defaultMessage: "partnerships" }),
      value: stats.data?.partnerships,
    },
    {
      label: intl.formatMessage({ id: "home.numbers.states", defaultMessage: "states" }),
      value: stats.data?.states,
    },
    {
      label: intl.formatMessage({ id: "home.numbers.industries", defaultMessage: "industries" }),
      value: stats.data?.industries,
    },
    {
      label: intl.formatMessage({ id: "home.numbers.businesses", defaultMessage: "businesses at the table" }),
      value: stats.data?.businesses,
    },
  ];
  return (
    <section aria-labelledby="numbers-heading">
      <Title order={2} fz="lg" id="numbers-heading" mb="sm">
        <FormattedMessage id="home.numbers.title" defaultMessage="The community today" />
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4, md: 2 }} spacing="md" component="dl" m={0}>
        {items.map((i) => (
          <Card key={i.label} withBorder padding="md">
            <Text component="dd" m={0} fw={800} fz={32} lh={1.1} c="table.8">
              {i.value === undefined ? "…" : formatCount(i.value)}
            </Text>
            <Text component="dt" size="sm" c="dimmed">
              {i.label}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}
