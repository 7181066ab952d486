import { ScatterChart } from "@mantine/charts";
import "@mantine/charts/styles.css";
import { FormattedMessage, useIntl } from "react-intl";
import { RATING_MAX, RATING_MIDPOINT, RATING_MIN, type ResultItem } from "../../../core/agenda.js";

/**
 * The 2x2 of importance against feasibility (loaded on demand: the charting library is large).
 * The table beside it carries the same numbers; the chart itself is one image to screen readers,
 * and its points take no keyboard focus.
 */
export default function RatingChart({ items }: { items: ResultItem[] }) {
  const intl = useIntl();
  const rated = items.filter((i) => i.importance != null && i.feasibility != null);
  const points = rated.map((i, index) => ({
    feasibility: i.feasibility ?? 0,
    importance: i.importance ?? 0,
    index,
  }));
  return (
    <div
      role="img"
      aria-label={intl.formatMessage({
        id: "agenda.ratingChart.label",
        defaultMessage:
          "Chart of mean importance against mean feasibility; the table below gives the same numbers",
      })}
      data-testid="rating-chart"
    >
      <ScatterChart
        h={320}
        scatterChartProps={{ accessibilityLayer: false }}
        data={[
          {
            color: "table.7",
            name: intl.formatMessage({
              id: "agenda.ratingChart.seriesName",
              defaultMessage: "Opportunities",
            }),
            data: points,
          },
        ]}
        dataKey={{ x: "feasibility", y: "importance" }}
        xAxisLabel={intl.formatMessage({
          id: "agenda.ratingChart.xAxis",
          defaultMessage: "Feasibility (1-5)",
        })}
        yAxisLabel={intl.formatMessage({
          id: "agenda.ratingChart.yAxis",
          defaultMessage: "Importance (1-5)",
        })}
        xAxisProps={{ domain: [RATING_MIN, RATING_MAX], ticks: [1, 2, 3, 4, 5] }}
        yAxisProps={{ domain: [RATING_MIN, RATING_MAX], ticks: [1, 2, 3, 4, 5] }}
        referenceLines={[
          { x: RATING_MIDPOINT, color: "gray.6", label: "" },
          { y: RATING_MIDPOINT, color: "gray.6", label: "" },
        ]}
        tooltipProps={{
          content: ({ payload }) => {
            const point = payload?.[0]?.payload as { index?: number } | undefined;
            const item = point?.index === undefined ? undefined : rated[point.index];
            if (!item) return null;
            return (
              <div style={{ background: "white", border: "1px solid #ccc", padding: 8, borderRadius: 6 }}>
                <strong>{item.title}</strong>
                <div>
                  <FormattedMessage
                    id="agenda.ratingChart.tooltip"
                    defaultMessage="Importance {importance}, feasibility {feasibility}"
                    values={{ importance: item.importance, feasibility: item.feasibility }}
                  />
                </div>
              </div>
            );
          },
        }}
      />
    </div>
  );
}
