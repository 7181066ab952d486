import { useState } from "react";
import { SegmentedControl, Stack, Table, Text } from "@mantine/core";
import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from "recharts";
import { formatCount, formatCountOf, formatNumber, formatRelativeChange } from "../../../core/format.js";
import type { IndustryRanking } from "../../../core/qcew/ranking.js";

interface Point {
  code: string;
  title: string;
  lq: number;
  growth: number;
  jobs: number;
  complete: boolean;
  lqComplete: boolean;
  jobsComplete: boolean;
}

function TooltipBox({ point }: { point: Point }) {
  return (
    <div
      style={{
        background: "var(--mantine-color-body)",
        border: "1px solid var(--mantine-color-gray-4)",
        padding: 8,
        borderRadius: 6,
        maxWidth: 260,
      }}
    >
      <strong>
        {point.title} ({point.code})
      </strong>
      <div>
        LQ {formatNumber(point.lq, 2)} · growth {formatRelativeChange(point.growth)} ·{" "}
        {formatCount(point.jobs)} jobs
        {point.complete ? "" : " (incomplete)"}
      </div>
    </div>
  );
}

/**
 * The chart workforce boards use to pick sectors: concentration (LQ) across, growth up, bubble
 * size by jobs; the quarter above 1 and 0 holds the concentrated, growing industries. Loaded on
 * demand (the charting library is large). The table behind the toggle carries the same numbers;
 * the chart is one image to screen readers and takes no keyboard focus.
 */
export default function BubbleChart({ ranking }: { ranking: IndustryRanking }) {
  const [show, setShow] = useState<"chart" | "table">("chart");
  const points: Point[] = [];
  for (const r of ranking.rows) {
    const { concentration, growth, size } = r.criteria;
    if (concentration.value === null || growth.value === null || size.value === null) continue;
    points.push({
      code: r.code,
      title: r.title,
      lq: concentration.value,
      growth: growth.value,
      jobs: size.value,
      complete: r.complete,
      lqComplete: concentration.complete,
      jobsComplete: size.complete,
    });
  }
  const left = ranking.rows.length - points.length;
  const basis = ranking.growthBasis === "five-year" ? "five-year" : "one-year";
  const complete = points.filter((p) => p.complete);
  const incomplete = points.filter((p) => !p.complete);
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Show the bubble chart or its table"
        value={show}
        onChange={(v) => setShow(v)}
        data={[
          { value: "chart", label: "Chart" },
          { value: "table", label: "Table of the chart" },
        ]}
        w="fit-content"
      />
      <Text size="sm" c="dimmed">
        Across: location quotient (right of 1: more concentrated than the nation). Up: {basis} change in jobs
        since {ranking.growthFromYear}. Bubble size: jobs. Incomplete industries (a county did not disclose)
        are amber.
        {left > 0
          ? ` ${formatCountOf(left, "industry", "industries")} without an LQ or a growth figure are not shown.`
          : ""}
      </Text>
      {show === "chart" ? (
        <div
          role="img"
          aria-label={`Bubble chart of ${formatCountOf(points.length, "industry", "industries")}: location quotient across, ${basis} growth up, bubble size by jobs. The table of the chart gives the same numbers.`}
          data-testid="bubble-chart"
          style={{ width: "100%", height: 380 }}
        >
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ top: 10, right: 16, bottom: 24, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid stroke="var(--mantine-color-gray-3)" />
              <XAxis
                type="number"
                dataKey="lq"
                name="Location quotient"
                tickFormatter={(v: number) => formatNumber(v, 1)}
                label={{ value: "Location quotient", position: "insideBottom", offset: -12 }}
              />
              <YAxis
                type="number"
                dataKey="growth"
                name="Growth"
                width={48}
                tickFormatter={(v: number) => formatRelativeChange(v)}
              />
              <ZAxis type="number" dataKey="jobs" range={[30, 1400]} name="Jobs" />
              <ReferenceLine x={1} stroke="var(--mantine-color-gray-6)" />
              <ReferenceLine y={0} stroke="var(--mantine-color-gray-6)" />
              <Tooltip
                content={({ payload }) => {
                  const point = payload?.[0]?.payload as Point | undefined;
                  return point ? <TooltipBox point={point} /> : null;
                }}
              />
              <Scatter
                data={complete}
                fill="var(--mantine-color-table-6)"
                fillOpacity={0.6}
                isAnimationActive={false}
              />
              <Scatter
                data={incomplete}
                fill="var(--mantine-color-harvest-5)"
                fillOpacity={0.6}
                isAnimationActive={false}
              />
            </ScatterChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table className="stack-on-phone" data-testid="bubble-table" verticalSpacing="xs">
            <Table.Caption>The bubble chart's industries, most concentrated first</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Industry</Table.Th>
                <Table.Th scope="col">Location quotient</Table.Th>
                <Table.Th scope="col">Growth ({basis})</Table.Th>
                <Table.Th scope="col">Jobs</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...points]
                .sort((a, b) => b.lq - a.lq)
                .map((p) => (
                  <Table.Tr key={p.code}>
                    <Table.Th scope="row" data-label="Industry">
                      {p.title}{" "}
                      <Text size="xs" c="dimmed" span>
                        {p.code}
                        {p.complete ? "" : " · incomplete"}
                      </Text>
                    </Table.Th>
                    <Table.Td data-label="Location quotient">
                      {p.lqComplete ? "" : "at least "}
                      {formatNumber(p.lq, 2)}
                    </Table.Td>
                    <Table.Td data-label="Growth">{formatRelativeChange(p.growth)}</Table.Td>
                    <Table.Td data-label="Jobs">
                      {p.jobsComplete ? "" : "at least "}
                      {formatCount(p.jobs)}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
