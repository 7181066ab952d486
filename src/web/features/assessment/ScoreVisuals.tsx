import { lazy, Suspense } from "react";
import { Badge, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { bandLabels, type Band } from "../../../core/assessment-scoring.js";
import type { RadarSeries } from "./ScoreRadar.js";
import { formatScore as oneDecimal } from "../../../core/format.js";
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";
import { assessmentWords } from "./messages.js";

const ScoreRadar = lazy(() => import("./ScoreRadar.js"));

const bandColors: Record<Band, string> = { not_yet: "red.8", emerging: "harvest.8", next_gen: "table.7" };

export function BandBadge({
  band,
  size = "lg",
  hidden = false,
}: {
  band: Band | null;
  size?: "md" | "lg" | "xl";
  /** Too few answered to show a band without revealing someone. */
  hidden?: boolean;
}) {
  if (!band)
    return (
      <Badge color="gray" variant="light" tt="none">
        <FormattedMessage {...(hidden ? assessmentWords.hiddenTooFew : assessmentWords.noAnswers)} />
      </Badge>
    );
  return (
    <Badge color={bandColors[band]} size={size} radius="sm" tt="none">
      {bandLabels[band]}
    </Badge>
  );
}

/** The big overall number with its band, and what the bands mean. */
export function OverallScore({
  overall,
  band,
  caption,
  hidden = false,
}: {
  overall: number | null;
  band: Band | null;
  caption?: string;
  hidden?: boolean;
}) {
  return (
    <Stack gap={6} className="assessment-overall">
      <Text size="sm" fw={600} c="dimmed">
        {caption ?? <FormattedMessage id="assessment.score.overallCaption" defaultMessage="Overall score" />}
      </Text>
      <Group gap="sm" align="baseline">
        <Text fz={52} fw={800} lh={1} c="table.9">
          {overall === null ? "–" : oneDecimal(overall)}
        </Text>
        <Text c="dimmed">
          <FormattedMessage id="assessment.score.ofHundred" defaultMessage="of 100" />
        </Text>
      </Group>
      <BandBadge band={band} hidden={hidden} />
      <Text size="xs" c="dimmed">
        <FormattedMessage
          id="assessment.score.bandsLegend"
          defaultMessage="Under 40: not yet Next Gen · 40 to 69.9: emerging · 70 and over: Next Gen"
        />
      </Text>
    </Stack>
  );
}

export function formatScore(intl: IntlShape, value: number | null | undefined): string {
  return value === null || value === undefined
    ? intl.formatMessage({ id: "assessment.score.none", defaultMessage: "none" })
    : oneDecimal(value);
}

/** A cell of a group whose results stay hidden says so, rather than "none" (nobody answered). */
export function formatShown(intl: IntlShape, value: number | null | undefined, hidden: boolean): string {
  return hidden ? intl.formatMessage(assessmentWords.hiddenValue) : formatScore(intl, value);
}

export interface ScoreRow {
  key: string;
  name: string;
  values: Record<string, number | null>;
}

/**
 * The radar and, always beside it, the same numbers as a table (the radar's text alternative);
 * on a phone each characteristic becomes a card of its groups' scores.
 */
export function ScoreChartAndTable({
  rows,
  series,
  caption,
  hidden = [],
}: {
  rows: ScoreRow[];
  series: RadarSeries[];
  caption: string;
  /** Series whose results stay hidden: too few answered. */
  hidden?: string[];
}) {
  const intl = useIntl();
  const plotted = series.filter((s) => rows.some((r) => r.values[s.key] !== null));
  const data = rows.map((r) => ({
    characteristic: r.name,
    ...Object.fromEntries(plotted.map((s) => [s.key, r.values[s.key] ?? 0])),
  }));
  return (
    <Stack gap="md">
      <Suspense fallback={<Skeleton h={320} radius="md" aria-hidden="true" />}>
        <ScoreRadar data={data} series={plotted} />
      </Suspense>
      <Table striped withTableBorder className="score-table stack-on-phone">
        <caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              <FormattedMessage {...assessmentWords.colCharacteristic} />
            </Table.Th>
            {series.map((s) => (
              <Table.Th scope="col" key={s.key} ta="right">
                {s.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={500}>
                {r.name}
              </Table.Th>
              {series.map((s) => (
                <Table.Td
                  key={s.key}
                  ta="right"
                  c={r.values[s.key] === null ? "dimmed" : undefined}
                  data-label={s.label}
                >
                  {formatShown(intl, r.values[s.key], hidden.includes(s.key))}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
