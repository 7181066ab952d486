import "@mantine/charts/styles.css";
import { RadarChart } from "@mantine/charts";

export interface RadarSeries {
  key: string;
  label: string;
  color: string;
}

interface Props {
  /** One row per characteristic: its name under `characteristic`, then a score per series key. */
  data: Record<string, string | number>[];
  series: RadarSeries[];
  height?: number;
}

/**
 * The five characteristics as a radar, loaded only when a score is shown (recharts is heavy).
 * Decorative for screen readers: every page that shows it also shows the same numbers as a table.
 */
export default function ScoreRadar({ data, series, height = 320 }: Props) {
  return (
    <div aria-hidden="true">
      <RadarChart
        h={height}
        data={data}
        dataKey="characteristic"
        withPolarRadiusAxis
        withLegend={series.length > 1}
        withDots
        accessibilityLayer={false}
        withTooltip={false}
        polarRadiusAxisProps={{ domain: [0, 100], tickCount: 5, angle: 90 }}
        series={series.map((s) => ({ name: s.key, label: s.label, color: s.color, opacity: 0.18 }))}
      />
    </div>
  );
}
