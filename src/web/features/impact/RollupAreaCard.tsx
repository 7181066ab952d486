import { Box, Card, Stack, Table, Text, Title } from "@mantine/core";
import { defineMessages, FormattedMessage, useIntl, type IntlShape } from "react-intl";
import type { ImpactArea, Rollup } from "../../../core/impact.js";
import { impactAreaLabels } from "../../../core/impact.js";
import { formatCount, formatShare, formatValue } from "../../../core/format.js";
import { indicatorName } from "../../../core/indicator-catalog.js";
import { impactWords } from "./messages.js";

type Item = Rollup["items"][number];

export const rollupWords = defineMessages({
  hidden: { id: "impact.rollup.hidden", defaultMessage: "hidden (fewer than 5 reporting)" },
  reporting: { id: "impact.rollup.reportingHeader", defaultMessage: "Reporting" },
  middleHalf: { id: "impact.rollup.middleHalfHeader", defaultMessage: "Middle half" },
});

function headline(intl: IntlShape, item: Item): string {
  if (item.rollup === "share")
    return item.share === null || item.share === undefined
      ? intl.formatMessage(rollupWords.hidden)
      : intl.formatMessage(
          { id: "impact.rollup.saidYes", defaultMessage: "{share} said yes" },
          { share: formatShare(item.share) },
        );
  if (item.rollup === "sum") return formatValue(item.total, item.unit);
  return intl.formatMessage(
    { id: "impact.rollup.median", defaultMessage: "median {value}" },
    { value: formatValue(item.median, item.unit) },
  );
}

const middleHalf = (item: Item) =>
  item.rollup === "compare"
    ? `${formatValue(item.q1, item.unit)} – ${formatValue(item.q3, item.unit)}`
    : null;

function Breakdown({ item }: { item: Item }) {
  const top = item.bySector.slice(0, 3);
  return (
    <Text size="sm" c="dimmed">
      {top
        .map(
          (s) =>
            `${s.sector}: ${
              item.rollup === "share"
                ? formatShare(s.share ?? null)
                : formatValue(item.rollup === "sum" ? s.total : s.median, item.unit)
            }`,
        )
        .join(" · ")}
    </Text>
  );
}

/**
 * One outcome area of the community roll-up: a table where there is room for its four columns,
 * and on a phone the same figures as a list, one indicator under the other, so nothing runs
 * off the screen (only one of the two is shown, and read by a screen reader, at a time).
 */
export function RollupAreaCard({ area, items }: { area: ImpactArea; items: Item[] }) {
  const intl = useIntl();
  const id = `rollup-${area}`;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" mb="sm" id={id}>
        {impactAreaLabels[area]}
      </Title>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <FormattedMessage {...impactWords.indicator} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage id="impact.rollup.acrossHeader" defaultMessage="Across partnerships" />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...rollupWords.middleHalf} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...rollupWords.reporting} />
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.indicator}>
                  <Table.Th scope="row" fw={500}>
                    {indicatorName({ key: i.indicator, name: i.name })}
                    <Breakdown item={i} />
                  </Table.Th>
                  <Table.Td fw={700}>{headline(intl, i)}</Table.Td>
                  <Table.Td>{middleHalf(i) ?? "–"}</Table.Td>
                  <Table.Td>{formatCount(i.reporting)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
      <Stack hiddenFrom="sm" component="ul" gap="md" p={0} m={0} style={{ listStyle: "none" }}>
        {items.map((i) => {
          const range = middleHalf(i);
          return (
            <Stack component="li" key={i.indicator} gap={2}>
              <Text fw={600}>{indicatorName({ key: i.indicator, name: i.name })}</Text>
              <Text fw={700} fz="lg">
                {headline(intl, i)}
              </Text>
              {range && (
                <Text size="sm">
                  <FormattedMessage
                    id="impact.rollup.phoneMiddleHalf"
                    defaultMessage="Middle half: {range}"
                    values={{ range }}
                  />
                </Text>
              )}
              <Text size="sm">
                <FormattedMessage
                  id="impact.rollup.phoneReporting"
                  defaultMessage="{count, plural, one {# partnership reporting} other {# partnerships reporting}}"
                  values={{ count: i.reporting }}
                />
              </Text>
              <Breakdown item={i} />
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
