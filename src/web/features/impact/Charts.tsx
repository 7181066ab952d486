import { BarChart, LineChart } from "@mantine/charts";
import "@mantine/charts/styles.css";

/*
 * The charts of the impact pages, loaded on demand (the charting library is large). They are
 * hidden from screen readers: each caller puts the same numbers in text beside the chart.
 */

export interface TrendPoint {
  period: string;
  actual: number;
}

export function TrendChart({
  points,
  baseline,
  target,
  name,
}: {
  points: TrendPoint[];
  baseline: number | null;
  target: number | null;
  name: string;
}) {
  const referenceLines = [
    ...(baseline !== null ? [{ y: baseline, label: `Baseline ${baseline}`, color: "gray.7" }] : []),
    ...(target !== null ? [{ y: target, label: `Target ${target}`, color: "teal.8" }] : []),
  ];
  const values = [
    ...points.map((p) => p.actual),
    ...(baseline !== null ? [baseline] : []),
    ...(target !== null ? [target] : []),
  ];
  const max = Math.max(...values, 0);
  return (
    <div aria-hidden="true" data-testid="trend-chart">
      <LineChart
        h={180}
        data={points}
        dataKey="period"
        series={[{ name: "actual", label: name, color: "blue.7" }]}
        referenceLines={referenceLines}
        yAxisProps={{ domain: [0, Math.ceil(max * 1.15) || 1] }}
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
          { name: "peers", label: "Peers in this range", color: "gray.5" },
          { name: "yours", label: "Peers in your range", color: "blue.7" },
        ]}
        xAxisLabel="Value"
        yAxisLabel="Partnerships"
      />
    </div>
  );
}
