import { useState } from "react";
import { SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
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
import { formatCount, formatNumber, formatRelativeChange } from "../../../core/format.js";
import type { IndustryRanking } from "../../../core/qcew/ranking.js";
import { NaicsTitle } from "../reference/NaicsTitle.js";

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
        <FormattedMessage
          id="regionEconomy.bubble.tooltip"
          defaultMessage="LQ {lq} · growth {growth} · {jobs} jobs{complete, select, yes {} other { (incomplete)}}"
          values={{
            lq: formatNumber(point.lq, 2),
            growth: formatRelativeChange(point.growth),
            jobs: formatCount(point.jobs),
            complete: point.complete ? "yes" : "no",
          }}
        />
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
  const intl = useIntl();
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
  // The growth basis, for the messages' select: "fiveYear" or "oneYear".
  const basis = ranking.growthBasis === "five-year" ? "fiveYear" : "oneYear";
  const fromYear = String(ranking.growthFromYear);
  const industryLabel = intl.formatMessage({
    id: "regionEconomy.bubble.industryHeader",
    defaultMessage: "Industry",
  });
  const lqLabel = intl.formatMessage({
    id: "regionEconomy.bubble.lqHeader",
    defaultMessage: "Location quotient",
  });
  const growthLabel = intl.formatMessage({ id: "regionEconomy.bubble.growth", defaultMessage: "Growth" });
  const jobsLabel = intl.formatMessage({ id: "regionEconomy.bubble.jobsHeader", defaultMessage: "Jobs" });
  const complete = points.filter((p) => p.complete);
  const incomplete = points.filter((p) => !p.complete);
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={intl.formatMessage({
          id: "regionEconomy.bubble.toggleLabel",
          defaultMessage: "Show the bubble chart or its table",
        })}
        value={show}
        onChange={(v) => setShow(v)}
        data={[
          {
            value: "chart",
            label: intl.formatMessage({ id: "regionEconomy.bubble.chartOption", defaultMessage: "Chart" }),
          },
          {
            value: "table",
            label: intl.formatMessage({
              id: "regionEconomy.bubble.tableOption",
              defaultMessage: "Table of the chart",
            }),
          },
        ]}
        w="fit-content"
      />
      <Text size="sm" c="dimmed">
        <FormattedMessage
          id="regionEconomy.bubble.explain"
          defaultMessage="Across: location quotient (right of 1: more concentrated than the nation). Up: {basis, select, fiveYear {five-year} other {one-year}} change in jobs since {fromYear}. Bubble size: jobs. Incomplete industries (a county did not disclose) are amber."
          values={{ basis, fromYear }}
        />
        {left > 0 && (
          <>
            {" "}
            <FormattedMessage
              id="regionEconomy.bubble.leftOut"
              defaultMessage="{count, plural, one {# industry} other {# industries}} without an LQ or a growth figure are not shown."
              values={{ count: left }}
            />
          </>
        )}
      </Text>
      {show === "chart" ? (
        <div
          role="img"
          aria-label={intl.formatMessage(
            {
              id: "regionEconomy.bubble.chartLabel",
              defaultMessage:
                "Bubble chart of {count, plural, one {# industry} other {# industries}}: location quotient across, {basis, select, fiveYear {five-year} other {one-year}} growth up, bubble size by jobs. The table of the chart gives the same numbers.",
            },
            { count: points.length, basis },
          )}
          data-testid="bubble-chart"
          style={{ width: "100%", height: 380 }}
        >
          <ResponsiveContainer width="100%" height="100%">
            <ScatterChart margin={{ top: 10, right: 16, bottom: 24, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid stroke="var(--mantine-color-gray-3)" />
              <XAxis
                type="number"
                dataKey="lq"
                name={lqLabel}
                tickFormatter={(v: number) => formatNumber(v, 1)}
                label={{ value: lqLabel, position: "insideBottom", offset: -12 }}
              />
              <YAxis
                type="number"
                dataKey="growth"
                name={growthLabel}
                width={48}
                tickFormatter={(v: number) => formatRelativeChange(v)}
              />
              <ZAxis type="number" dataKey="jobs" range={[30, 1400]} name={jobsLabel} />
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
            <Table.Caption>
              <FormattedMessage
                id="regionEconomy.bubble.tableCaption"
                defaultMessage="The bubble chart's industries, most concentrated first"
              />
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{industryLabel}</Table.Th>
                <Table.Th scope="col">{lqLabel}</Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage
                    id="regionEconomy.bubble.growthHeader"
                    defaultMessage="Growth ({basis, select, fiveYear {five-year} other {one-year}})"
                    values={{ basis }}
                  />
                </Table.Th>
                <Table.Th scope="col">{jobsLabel}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...points]
                .sort((a, b) => b.lq - a.lq)
                .map((p) => (
                  <Table.Tr key={p.code}>
                    <Table.Th scope="row" data-label={industryLabel}>
                      <NaicsTitle>{p.title}</NaicsTitle>{" "}
                      <Text size="xs" c="dimmed" span>
                        {p.complete
                          ? p.code
                          : intl.formatMessage(
                              {
                                id: "regionEconomy.bubble.codeIncomplete",
                                defaultMessage: "{code} · incomplete",
                              },
                              { code: p.code },
                            )}
                      </Text>
                    </Table.Th>
                    <Table.Td data-label={lqLabel}>
                      {p.lqComplete
                        ? formatNumber(p.lq, 2)
                        : intl.formatMessage(
                            { id: "regionEconomy.atLeast", defaultMessage: "at least {value}" },
                            { value: formatNumber(p.lq, 2) },
                          )}
                    </Table.Td>
                    <Table.Td data-label={growthLabel}>{formatRelativeChange(p.growth)}</Table.Td>
                    <Table.Td data-label={jobsLabel}>
                      {p.jobsComplete
                        ? formatCount(p.jobs)
                        : intl.formatMessage(
                            { id: "regionEconomy.atLeast", defaultMessage: "at least {value}" },
                            { value: formatCount(p.jobs) },
                          )}
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
