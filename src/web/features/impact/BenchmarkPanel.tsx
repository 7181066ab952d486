import { lazy, Suspense, useState } from "react";
import { Alert, Card, Group, NativeSelect, SegmentedControl, SimpleGrid, Stack, Text } from "@mantine/core";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import type { PeerGroup, TrackedIndicator } from "../../../core/impact.js";
import { MIN_PEERS, peerGroupLabels, peerGroups } from "../../../core/impact.js";
import { formatCount, formatNumber, formatRange, formatShare, formatValue } from "../../../core/format.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { useBenchmark } from "./api.js";
import { impactWords } from "./messages.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

const words = defineMessages({
  peers: { id: "impact.benchmark.peers", defaultMessage: "Peers" },
  peersYes: { id: "impact.benchmark.peersYes", defaultMessage: "Peers who said yes" },
  yourAnswer: { id: "impact.benchmark.yourAnswer", defaultMessage: "Your answer" },
  lowerQuartile: { id: "impact.benchmark.lowerQuartile", defaultMessage: "Lower quartile" },
  median: { id: "impact.benchmark.median", defaultMessage: "Median" },
  upperQuartile: { id: "impact.benchmark.upperQuartile", defaultMessage: "Upper quartile" },
  yourValue: { id: "impact.benchmark.yourValue", defaultMessage: "Your value" },
  yourPercentile: { id: "impact.benchmark.yourPercentile", defaultMessage: "Your percentile" },
});

const DistributionChart = lazy(() => import("./Charts.js").then((m) => ({ default: m.DistributionChart })));

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </div>
  );
}

/** Where the partnership stands among its peers for one indicator and year. */
export function BenchmarkPanel({
  partnershipId,
  tracked,
  periods,
}: {
  partnershipId: string;
  tracked: TrackedIndicator[];
  periods: string[];
}) {
  const intl = useIntl();
  const [indicatorKey, setIndicatorKey] = useState(tracked[0]?.key ?? "");
  const [period, setPeriod] = useState(periods.at(-2) ?? periods[0] ?? "");
  const [group, setGroup] = useState<PeerGroup>("all");
  const indicator = tracked.find((t) => t.key === indicatorKey);
  const answer = useBenchmark(partnershipId, indicator ? indicatorKey : null, period, group);
  if (!indicator)
    return (
      <Text c="dimmed">
        <FormattedMessage
          id="impact.benchmark.noIndicator"
          defaultMessage="Track an indicator to compare it with peers."
        />
      </Text>
    );
  const unit = indicator.unit;
  const b = answer.data;
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="md" wrap="wrap">
        <NativeSelect
          label={intl.formatMessage(impactWords.indicator)}
          value={indicatorKey}
          onChange={(e) => setIndicatorKey(e.currentTarget.value)}
          data={tracked.map((t) => ({ value: t.key, label: indicatorName(t) }))}
          maw={360}
        />
        <NativeSelect
          label={intl.formatMessage(impactWords.year)}
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value)}
          data={periods}
        />
      </Group>
      <div>
        <Text size="sm" fw={500} mb={4} id="peer-group-label">
          <FormattedMessage id="impact.benchmark.compareWith" defaultMessage="Compare with" />
        </Text>
        <SegmentedControl
          aria-labelledby="peer-group-label"
          value={group}
          onChange={(v) => setGroup(v)}
          data={peerGroups.map((g) => ({ value: g, label: peerGroupLabels[g] }))}
        />
      </div>
      {answer.isError && <ErrorAlert error={answer.error} onRetry={() => void answer.refetch()} />}
      {b?.suppressed && (
        <Alert
          color="gray"
          title={intl.formatMessage(
            {
              id: "impact.benchmark.suppressedTitle",
              defaultMessage: "{count, plural, one {# peer} other {# peers}} reported",
            },
            { count: b.peers },
          )}
        >
          <FormattedMessage
            id="impact.benchmark.suppressed"
            defaultMessage="A benchmark needs at least {min} peers, so that no partnership can be recognized. Try a wider peer group or another year."
            values={{ min: MIN_PEERS }}
          />
        </Alert>
      )}
      {b && !b.suppressed && unit === "yes_no" && (
        <Card withBorder padding="lg" radius="md" aria-live="polite" data-testid="benchmark-result">
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md" mb="md">
            <Stat label={intl.formatMessage(words.peers)} value={formatCount(b.peers)} />
            <Stat label={intl.formatMessage(words.peersYes)} value={formatShare(b.share ?? null)} />
            <Stat label={intl.formatMessage(words.yourAnswer)} value={formatValue(b.value, unit)} />
          </SimpleGrid>
        </Card>
      )}
      {b && !b.suppressed && unit !== "yes_no" && (
        <Card withBorder padding="lg" radius="md" aria-live="polite" data-testid="benchmark-result">
          <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="md" mb="md">
            <Stat label={intl.formatMessage(words.peers)} value={formatCount(b.peers)} />
            <Stat label={intl.formatMessage(words.lowerQuartile)} value={formatValue(b.q1, unit)} />
            <Stat label={intl.formatMessage(words.median)} value={formatValue(b.median, unit)} />
            <Stat label={intl.formatMessage(words.upperQuartile)} value={formatValue(b.q3, unit)} />
            <Stat label={intl.formatMessage(words.yourValue)} value={formatValue(b.value, unit)} />
            <Stat
              label={intl.formatMessage(words.yourPercentile)}
              value={b.percentile === null ? "–" : formatNumber(b.percentile, 0)}
            />
          </SimpleGrid>
          <Text mb="sm">
            {b.percentile === null
              ? intl.formatMessage(
                  {
                    id: "impact.benchmark.noValue",
                    defaultMessage: "No {period} value of yours to compare.",
                  },
                  { period },
                )
              : intl.formatMessage(
                  {
                    id: "impact.benchmark.standing",
                    defaultMessage:
                      "Your {value} does better than {percentile}% of {peers} peers ({direction, select, higher {higher} other {lower}} is better); the median peer has {median}.",
                  },
                  {
                    value: formatValue(b.value, unit),
                    percentile: formatNumber(b.percentile, 0),
                    peers: formatCount(b.peers),
                    direction: indicator.direction,
                    median: formatValue(b.median, unit),
                  },
                )}
          </Text>
          <figure style={{ margin: 0 }}>
            <Suspense fallback={<div style={{ height: 220 }} />}>
              <DistributionChart
                bins={b.distribution.map((bin) => {
                  const mine = b.value !== null && b.value >= bin.from && b.value <= bin.to;
                  // Round edges (the server bins at 1, 2 or 5 x 10^n) written short: "100K–200K".
                  const range = formatRange(bin.from, bin.to, unit);
                  return { range, peers: mine ? 0 : bin.count, yours: mine ? bin.count : 0 };
                })}
              />
            </Suspense>
            <Text component="figcaption" size="sm" c="dimmed">
              <FormattedMessage
                id="impact.benchmark.distributionCaption"
                defaultMessage="How many peers fall in each range: {ranges}. Your range is in amber."
                values={{
                  ranges: b.distribution
                    .map((bin) => `${formatRange(bin.from, bin.to, unit)}: ${formatCount(bin.count)}`)
                    .join("; "),
                }}
              />
            </Text>
          </figure>
          {b.named.length > 0 && (
            <Text size="sm" mt="sm">
              <FormattedMessage
                id="impact.benchmark.named"
                defaultMessage="Peers who share their name: {names}"
                values={{ names: b.named.map((n) => `${n.name} (${formatValue(n.value, unit)})`).join(", ") }}
              />
            </Text>
          )}
        </Card>
      )}
    </Stack>
  );
}
