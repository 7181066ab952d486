import { Card, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { periodLabel } from "../../../core/impact.js";
import { defineMessages, FormattedMessage, type MessageDescriptor } from "react-intl";
import { formatChange, formatDate, formatValue } from "../../../core/format.js";
import type { ProfileIndicator, ProfileStory, Trend } from "../../../core/profiles.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

const trendWords: Record<Trend, MessageDescriptor> = defineMessages({
  better: { id: "profiles.results.trendBetter", defaultMessage: "Better" },
  worse: { id: "profiles.results.trendWorse", defaultMessage: "Worse" },
  steady: { id: "profiles.results.trendSteady", defaultMessage: "Steady" },
});
const trendColors: Record<Trend, string> = { better: "teal.9", worse: "red.9", steady: "gray.8" };

function IndicatorResult({ indicator: i }: { indicator: ProfileIndicator }) {
  const base = i.basis === "year_before" ? i.yearBefore : i.first;
  return (
    <Card component="li" withBorder padding="sm" className="profile-indicator">
      <Text fw={600} size="sm">
        {indicatorName(i)}
      </Text>
      {i.latest ? (
        <>
          <Text fz={26} fw={700} lh={1.2}>
            {formatValue(i.latest.value, i.unit)}
          </Text>
          <Text size="xs" c="dimmed">
            {periodLabel(i.latest.period)}
          </Text>
          {base && i.change !== null && i.trend && (
            <Text size="sm" mt={4}>
              <Text span fw={700} c={trendColors[i.trend]} mr={6}>
                <FormattedMessage {...trendWords[i.trend]} />
              </Text>
              {i.basis === "first" ? (
                <FormattedMessage
                  id="profiles.results.changeSinceFirst"
                  defaultMessage="{change} since {period} ({value}), the first value"
                  values={{
                    change: formatChange(i.change, i.unit),
                    period: periodLabel(base.period),
                    value: formatValue(base.value, i.unit),
                  }}
                />
              ) : (
                <FormattedMessage
                  id="profiles.results.changeSince"
                  defaultMessage="{change} since {period} ({value})"
                  values={{
                    change: formatChange(i.change, i.unit),
                    period: periodLabel(base.period),
                    value: formatValue(base.value, i.unit),
                  }}
                />
              )}
            </Text>
          )}
          {i.first && i.basis === "year_before" && i.first.period !== base?.period && (
            <Text size="xs" c="dimmed">
              <FormattedMessage
                id="profiles.results.firstValue"
                defaultMessage="First value: {value} in {period}"
                values={{ value: formatValue(i.first.value, i.unit), period: periodLabel(i.first.period) }}
              />
            </Text>
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          <FormattedMessage id="profiles.results.noValues" defaultMessage="No values you may see yet." />
        </Text>
      )}
      {i.hiddenValues > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          <FormattedMessage
            id="profiles.results.hiddenValues"
            defaultMessage="{count, plural, one {# value} other {# values}} not shared with you."
            values={{ count: i.hiddenValues }}
          />
        </Text>
      )}
    </Card>
  );
}

/** The measurable results: featured indicators read live, and the featured stories. */
export function ProfileResults({
  indicators,
  stories,
  headingLevel = 3,
}: {
  indicators: ProfileIndicator[];
  stories: ProfileStory[];
  headingLevel?: 3 | 4;
}) {
  return (
    <Stack gap="sm">
      {indicators.length > 0 && (
        <SimpleGrid
          component="ul"
          cols={{ base: 1, xs: 2 }}
          spacing="sm"
          p={0}
          m={0}
          style={{ listStyle: "none" }}
        >
          {indicators.map((i) => (
            <IndicatorResult key={i.key} indicator={i} />
          ))}
        </SimpleGrid>
      )}
      {stories.map((s) => (
        <Card key={s.id} withBorder padding="sm" component="article">
          <Title order={headingLevel} fz="md">
            {s.title}
          </Title>
          <Text size="xs" c="dimmed">
            {formatDate(s.date)}
          </Text>
          <div className="prose" dangerouslySetInnerHTML={{ __html: s.html }} />
        </Card>
      ))}
    </Stack>
  );
}
