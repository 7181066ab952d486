import { useState } from "react";
import { Link } from "react-router";
import { Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from "@mantine/core";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { fundingSourceLabels, impactAreas } from "../../../core/impact.js";
import { formatCount, formatDollars } from "../../../core/format.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { useRollup } from "./api.js";
import { impactWords } from "./messages.js";
import { RollupAreaCard, rollupWords } from "./RollupAreaCard.js";

const words = defineMessages({
  pageTitle: { id: "impact.rollup.pageTitle", defaultMessage: "Results across partnerships" },
});

/** The community roll-up: what all partnerships achieved in a year, by outcome area. */
export default function RollupPage() {
  const intl = useIntl();
  const years = Array.from({ length: 6 }, (_, i) => String(new Date().getUTCFullYear() - 6 + i));
  const [period, setPeriod] = useState(years.at(-1) ?? "2025");
  const me = useMe();
  const rollup = useRollup(period);
  usePageTitle(intl.formatMessage(words.pageTitle));
  const data = rollup.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(words.pageTitle)}
        description={intl.formatMessage({
          id: "impact.rollup.description",
          defaultMessage:
            "What Next Generation Sector Partnerships achieved together: totals of what adds up, medians of rates and days.",
        })}
        actions={
          <>
            <Button component={Link} to="/profiles" variant="subtle">
              <FormattedMessage id="impact.rollup.profilesLink" defaultMessage="Benchmarking profiles" />
            </Button>
            {me.data && (
              <Button component={Link} to="/themes" variant="subtle">
                <FormattedMessage id="impact.rollup.themesLink" defaultMessage="What partnerships work on" />
              </Button>
            )}
            {me.data?.isAdmin && (
              <Button component={Link} to="/admin/indicators" variant="subtle">
                <FormattedMessage id="impact.rollup.catalogLink" defaultMessage="Indicator catalog" />
              </Button>
            )}
            <Button
              component="a"
              variant="default"
              href={`/api/community/rollup.csv?period=${period}`}
              download
            >
              <FormattedMessage {...impactWords.downloadCsv} />
            </Button>
          </>
        }
      />
      <Group align="flex-end" justify="space-between">
        <NativeSelect
          label={intl.formatMessage(impactWords.year)}
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value)}
          data={years}
        />
        {data && (
          <Badge size="lg" variant="light" color={data.audience === "public" ? "gray" : "blue"}>
            {data.audience === "public" ? (
              <FormattedMessage
                id="impact.rollup.publicOnly"
                defaultMessage="Built from public values only"
              />
            ) : (
              <FormattedMessage
                id="impact.rollup.sharedValues"
                defaultMessage="Built from values shared with the Community of Practice"
              />
            )}
          </Badge>
        )}
      </Group>
      {!me.data && !me.isPending && (
        <Text c="dimmed">
          <FormattedMessage
            id="impact.rollup.signInHint"
            defaultMessage="Practitioners who sign in see the roll-up of the values partnerships share with the community."
          />
        </Text>
      )}
      {rollup.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({ id: "impact.rollup.loading", defaultMessage: "Loading the roll-up" })}
        />
      ) : rollup.isError ? (
        <ErrorAlert error={rollup.error} onRetry={() => void rollup.refetch()} />
      ) : data && data.items.length === 0 ? (
        <Text>
          <FormattedMessage
            id="impact.rollup.empty"
            defaultMessage="No partnership reported values for {period} yet."
            values={{ period }}
          />
        </Text>
      ) : (
        data && (
          <Stack gap="xl">
            <Text fw={600}>
              <FormattedMessage
                id="impact.rollup.reported"
                defaultMessage="{count, plural, one {# partnership} other {# partnerships}} reported for {period}."
                values={{ count: data.partnershipsReporting, period }}
              />
            </Text>
            {data.fundingBySource && data.fundingBySource.length > 0 && (
              <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="rollup-funding">
                <Title order={2} fz="lg" mb="sm" id="rollup-funding">
                  <FormattedMessage
                    id="impact.rollup.fundingTitle"
                    defaultMessage="Leveraged funding by source"
                  />
                </Title>
                <Table verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">
                        <FormattedMessage id="impact.rollup.sourceHeader" defaultMessage="Source" />
                      </Table.Th>
                      <Table.Th scope="col">
                        <FormattedMessage id="impact.rollup.totalHeader" defaultMessage="Total" />
                      </Table.Th>
                      <Table.Th scope="col">
                        <FormattedMessage {...rollupWords.reporting} />
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.fundingBySource.map((f) => (
                      <Table.Tr key={f.source}>
                        <Table.Th scope="row" fw={500}>
                          {fundingSourceLabels[f.source]}
                        </Table.Th>
                        <Table.Td fw={700}>{formatDollars(f.total)}</Table.Td>
                        <Table.Td>{formatCount(f.reporting)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            )}
            {impactAreas
              .filter((area) => data.items.some((i) => i.area === area))
              .map((area) => (
                <RollupAreaCard key={area} area={area} items={data.items.filter((i) => i.area === area)} />
              ))}
          </Stack>
        )
      )}
    </Stack>
  );
}
