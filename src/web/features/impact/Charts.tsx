import { BarChart, LineChart } from "@mantine/charts";
import "@mantine/charts/styles.css";
import { useIntl } from "react-intl";
import type { IndicatorUnit } from "../../../core/impact.js";
import { axisScale, formatValue, type AxisScale } from "../../../core/format.js";

/*
 * The charts of the impact pages, loaded on demand (the charting library is large). They are
 * hidden from screen readers: each caller puts the same numbers in text beside the chart.
 * Colors come from the app's theme (src/web/app/theme.ts): the partnership's own values in the
 * deep "table" teal, targets and "you are here" in the "harvest" amber; each is at least 3:1
 * against the white card, as WCAG asks of the parts of a graphic.
 */
const chartColors = {
  actual: "table.7",
  baseline: "gray.7",
  target: "harvest.7",
  peers: "table.5",
  yours: "harvest.6",
} as const;

/** Room for the longest tick on one line ("3,000 days", "$1.2M"): about 7 px a character. */
function axisWidth(scale: AxisScale): number {
  return Math.max(32, ...scale.ticks.map((t) => scale.format(t).length * 7 + 12));
}

export interface TrendPoint {
  period: string;
  actual: number;
}

export function TrendChart({
  points,
  baseline,
  target,
  name,
  unit,
}: {
  points: TrendPoint[];
  baseline: number | null;
  target: number | null;
  name: string;
  unit: IndicatorUnit;
}) {
  const intl = useIntl();
  const referenceLines = [
    ...(baseline !== null
      ? [
          {
            y: baseline,
            label: intl.formatMessage(
              { id: "impact.chart.baseline", defaultMessage: "Baseline {value}" },
              { value: formatValue(baseline, unit) },
            ),
            color: chartColors.baseline,
          },
        ]
      : []),
    ...(target !== null
      ? [
          {
            y: target,
            label: intl.formatMessage(
              { id: "impact.chart.target", defaultMessage: "Target {value}" },
              { value: formatValue(target, unit) },
            ),
            color: chartColors.target,
          },
        ]
      : []),
  ];
  const scale = axisScale(
    [
      ...points.map((p) => p.actual),
      ...(baseline !== null ? [baseline] : []),
      ...(target !== null ? [target] : []),
    ],
    unit,
  );
  return (
    <div aria-hidden="true" data-testid="trend-chart">
      <LineChart
        h={180}
        data={points}
        dataKey="period"
        series={[{ name: "actual", label: name, color: chartColors.actual }]}
        referenceLines={referenceLines}
        yAxisProps={{ domain: scale.domain, ticks: scale.ticks, interval: 0, width: axisWidth(scale) }}
        valueFormatter={scale.format}
        withDots
        accessibilityLayer={false}
        withTooltip={false}
        curveType="linear"
      />
    </div>
  );
}

export interface DistributionBin {
  range: string;
  peers: number;
  yours: number;
}

export function DistributionChart({ bins }: { bins: DistributionBin[] }) {
  const intl = useIntl();
  // Partnerships come whole: ticks at 0, 1, 2..., never 1.5 partnerships.
  const scale = axisScale(
    bins.map((b) => b.peers + b.yours),
    "count",
  );
  return (
    <div aria-hidden="true" data-testid="distribution-chart">
      <BarChart
        h={220}
        data={bins}
        dataKey="range"
        type="stacked"
        accessibilityLayer={false}
        withTooltip={false}
        series={[
          {
            name: "peers",
            label: intl.formatMessage({
              id: "impact.chart.peersInRange",
              defaultMessage: "Peers in this range",
            }),
            color: chartColors.peers,
          },
          {
            name: "yours",
            label: intl.formatMessage({
              id: "impact.chart.peersInYourRange",
              defaultMessage: "Peers in your range",
            }),
            color: chartColors.yours,
          },
        ]}
        yAxisProps={{ domain: scale.domain, ticks: scale.ticks, interval: 0, allowDecimals: false }}
        valueFormatter={scale.format}
        xAxisLabel={intl.formatMessage({ id: "impact.chart.valueAxis", defaultMessage: "Value" })}
        yAxisLabel={intl.formatMessage({
          id: "impact.chart.partnershipsAxis",
          defaultMessage: "Partnerships",
        })}
      />
    </div>
  );
}
