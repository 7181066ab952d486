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

/** Axis labels short enough not to run off the chart: up to a comma, else whole words to 28 characters. */
export function radarLabel(name: string): string {
  const [head = name] = name.split(",").map((part) => part.trim());
  if (head.length <= 28) return head;
  const words = head.split(" ");
  let out = "";
  for (const w of words) {
    if ((out ? out.length + 1 : 0) + w.length > 27) break;
    out = out ? `${out} ${w}` : w;
  }
  return `${out}…`;
}

/**
 * The characteristics as a radar, loaded only when a score is shown (recharts is heavy).
 * Decorative for screen readers: every page that shows it also shows the same numbers as a table.
 */
export default function ScoreRadar({ data, series, height = 320 }: Props) {
  return (
    <div aria-hidden="true">
      <RadarChart
        h={height}
        data={data.map((row) => ({ ...row, characteristic: radarLabel(String(row.characteristic)) }))}
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
