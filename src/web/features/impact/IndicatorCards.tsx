import { lazy, Suspense, useState, type ReactNode } from "react";
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import type { ImpactArea, Measurement, TrackedIndicator } from "../../../core/impact.js";
import { StoryBehindForm } from "./StoryBehindForm.js";
import {
  changeAgainstBaseline,
  comparePeriods,
  impactAreaLabels,
  impactAreas,
} from "../../../core/impact.js";
import { formatChange, formatRelativeChange, formatValue } from "../../../core/format.js";
import { indicatorDefinition, indicatorName } from "../../../core/indicator-catalog.js";

const words = defineMessages({
  noIndicators: {
    id: "impact.cards.noIndicators",
    defaultMessage: "This partnership does not track any indicator yet.",
  },
});

const TrendChart = lazy(() => import("./Charts.js").then((m) => ({ default: m.TrendChart })));

function latest(items: Measurement[]): Measurement | null {
  return [...items].sort((a, b) => comparePeriods(a.period, b.period)).at(-1) ?? null;
}

interface CardProps {
  indicator: TrackedIndicator;
  values: Measurement[];
  partnershipId: string;
  canEdit: boolean;
}

function IndicatorCard({ indicator, values, partnershipId, canEdit }: CardProps) {
  const intl = useIntl();
  const [editing, setEditing] = useState(false);
  const actuals = values
    .filter((v) => v.kind === "actual" && !v.period.includes("Q"))
    .sort((a, b) => comparePeriods(a.period, b.period));
  const baseline = latest(values.filter((v) => v.kind === "baseline"));
  const target = latest(values.filter((v) => v.kind === "target"));
  const last = actuals.at(-1) ?? null;
  const change = changeAgainstBaseline(baseline?.value ?? null, last?.value ?? null, indicator.direction);
  const unit = indicator.unit;
  const summary = [
    actuals.length
      ? intl.formatMessage(
          { id: "impact.cards.actualValues", defaultMessage: "Actual values: {values}." },
          { values: actuals.map((a) => `${a.period} ${formatValue(a.value, unit)}`).join(", ") },
        )
      : indicator.hiddenValues > 0
        ? intl.formatMessage({
            id: "impact.cards.notShared",
            defaultMessage:
              "Not shared publicly: this partnership keeps its values to its members or to signed-in practitioners.",
          })
        : intl.formatMessage({ id: "impact.cards.noActuals", defaultMessage: "No actual values yet." }),
    baseline
      ? intl.formatMessage(
          { id: "impact.cards.baseline", defaultMessage: "Baseline ({period}): {value}." },
          { period: baseline.period, value: formatValue(baseline.value, unit) },
        )
      : "",
    target
      ? intl.formatMessage(
          { id: "impact.cards.target", defaultMessage: "Target ({period}): {value}." },
          { period: target.period, value: formatValue(target.value, unit) },
        )
      : "",
  ]
    .filter(Boolean)
    .join(" ");
  const story = indicator.story;
  const name = indicatorName(indicator);
  const definition = indicatorDefinition(indicator);
  return (
    <Card withBorder padding="lg" radius="md" component="article" aria-labelledby={`ind-${indicator.key}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} fz="md" id={`ind-${indicator.key}`}>
            {name}
          </Title>
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
            {indicator.direction === "higher" ? (
              <FormattedMessage id="impact.cards.higherBetter" defaultMessage="Higher is better" />
            ) : (
              <FormattedMessage id="impact.cards.lowerBetter" defaultMessage="Lower is better" />
            )}
          </Badge>
        </Group>
        {/* What the number counts, for someone who reads it once a month. */}
        {definition && (
          <Text size="sm" c="dimmed">
            {definition}
          </Text>
        )}
        <Group gap="lg" align="baseline">
          <Text fz={28} fw={700} lh={1}>
            {formatValue(last?.value ?? null, unit)}
          </Text>
          {last && (
            <Text c="dimmed">
              <FormattedMessage
                id="impact.cards.inPeriod"
                defaultMessage="in {period}"
                values={{ period: last.period }}
              />
            </Text>
          )}
          {change && (
            <Text fw={600} c={change.improved ? "table.9" : change.change === 0 ? "dimmed" : "red.9"}>
              {/* A percent changes in points: a percent of a percent would mislead. */}
              {change.relative !== null && unit !== "percent" ? (
                <FormattedMessage
                  id="impact.cards.changeRelative"
                  defaultMessage="{change} ({relative}) since baseline"
                  values={{
                    change: formatChange(change.change, unit),
                    relative: formatRelativeChange(change.relative),
                  }}
                />
              ) : (
                <FormattedMessage
                  id="impact.cards.change"
                  defaultMessage="{change} since baseline"
                  values={{ change: formatChange(change.change, unit) }}
                />
              )}
            </Text>
          )}
        </Group>
        {actuals.length > 0 && (
          <figure style={{ margin: 0 }}>
            <Suspense fallback={<div style={{ height: 180 }} />}>
              <TrendChart
                name={name}
                points={actuals.map((a) => ({ period: a.period, actual: a.value }))}
                baseline={baseline?.value ?? null}
                target={target?.value ?? null}
                unit={unit}
              />
            </Suspense>
            <Text component="figcaption" size="sm" c="dimmed">
              {summary}
            </Text>
          </figure>
        )}
        {actuals.length === 0 && <Text c="dimmed">{summary}</Text>}
        {story && (story.whatHappened || story.whatWorks || story.nextSteps || story.partners) && (
          <Stack gap={4} mt="xs">
            <Text fw={700} size="sm">
              <FormattedMessage id="impact.cards.storyTitle" defaultMessage="The story behind the numbers" />
            </Text>
            {story.whatHappened && (
              <Text size="sm">
                <FormattedMessage
                  id="impact.cards.whatHappened"
                  defaultMessage="What happened: {text}"
                  values={{ text: story.whatHappened }}
                />
              </Text>
            )}
            {story.partners && (
              <Text size="sm">
                <FormattedMessage
                  id="impact.cards.partners"
                  defaultMessage="Partners: {text}"
                  values={{ text: story.partners }}
                />
              </Text>
            )}
            {story.whatWorks && (
              <Text size="sm">
                <FormattedMessage
                  id="impact.cards.whatWorks"
                  defaultMessage="What works: {text}"
                  values={{ text: story.whatWorks }}
                />
              </Text>
            )}
            {story.nextSteps && (
              <Text size="sm">
                <FormattedMessage
                  id="impact.cards.nextSteps"
                  defaultMessage="Next steps: {text}"
                  values={{ text: story.nextSteps }}
                />
              </Text>
            )}
          </Stack>
        )}
        {canEdit &&
          (editing ? (
            <StoryBehindForm
              partnershipId={partnershipId}
              indicator={indicator}
              onDone={() => setEditing(false)}
            />
          ) : (
            <Group>
              <Button size="xs" variant="light" onClick={() => setEditing(true)}>
                {story ? (
                  <FormattedMessage
                    id="impact.cards.editStory"
                    defaultMessage="Edit the story behind the numbers"
                  />
                ) : (
                  <FormattedMessage
                    id="impact.cards.writeStory"
                    defaultMessage="Write the story behind the numbers"
                  />
                )}
              </Button>
            </Group>
          ))}
      </Stack>
    </Card>
  );
}

/** Every tracked indicator, grouped by outcome area, with its chart and the story behind it. */
export function IndicatorCards({
  tracked,
  measurements,
  partnershipId,
  canEdit,
  areaExtras = {},
}: {
  tracked: TrackedIndicator[];
  measurements: Measurement[];
  partnershipId: string;
  canEdit: boolean;
  /** Shown at the top of an area even when no indicator of it is tracked (the regional economy panel). */
  areaExtras?: Partial<Record<ImpactArea, ReactNode>>;
}) {
  const hasExtras = Object.keys(areaExtras).length > 0;
  if (tracked.length === 0 && !hasExtras)
    return (
      <Text c="dimmed">
        <FormattedMessage {...words.noIndicators} />
      </Text>
    );
  return (
    <Stack gap="xl">
      {tracked.length === 0 && (
        <Text c="dimmed">
          <FormattedMessage {...words.noIndicators} />
        </Text>
      )}
      {impactAreas
        .filter((area) => areaExtras[area] !== undefined || tracked.some((t) => t.area === area))
        .map((area) => (
          <section key={area} aria-labelledby={`area-${area}`}>
            <Title order={2} fz="lg" mb="sm" id={`area-${area}`}>
              {impactAreaLabels[area]}
            </Title>
            {areaExtras[area] !== undefined && (
              <div style={{ marginBottom: "var(--mantine-spacing-lg)" }}>{areaExtras[area]}</div>
            )}
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              {tracked
                .filter((t) => t.area === area)
                .map((t) => (
                  <IndicatorCard
                    key={t.key}
                    indicator={t}
                    values={measurements.filter((m) => m.indicator === t.key)}
                    partnershipId={partnershipId}
                    canEdit={canEdit}
                  />
                ))}
            </SimpleGrid>
          </section>
        ))}
    </Stack>
  );
}
