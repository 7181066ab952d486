import { Alert, Anchor, Button, Group, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { REPORT_MAX_YEAR, REPORT_MIN_YEAR, reportTitle } from "../../../core/annual-report.js";
import { formatDate } from "../../../core/format.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { annualReportKey, reportsApi, type ReportSelection } from "./api.js";
import { ReportPartnershipSection } from "./ReportPartnershipSection.js";
import { ReportSummary } from "./ReportSummary.js";
import "./annual-report.css";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";

const words = defineMessages({
  title: { id: "reports.annual.title", defaultMessage: "Annual report" },
});

/** The last complete year: what an annual report is usually about. */
function lastYear(): number {
  return new Date().getFullYear() - 1;
}

function selectionFrom(params: URLSearchParams): ReportSelection {
  const asked = Number(params.get("year"));
  const year =
    Number.isInteger(asked) && asked >= REPORT_MIN_YEAR && asked <= REPORT_MAX_YEAR ? asked : lastYear();
  return {
    scope: params.get("scope") ?? undefined,
    state: params.get("state") ?? undefined,
    year,
  };
}

/**
 * The annual outcomes report of a coordinator's scope: on screen, on paper (annual-report.css:
 * one partnership a page, no navigation) and as PDF, Excel and CSV files made by the server.
 */
export default function AnnualReportPage() {
  const [params, setParams] = useSearchParams();
  const selection = selectionFrom(params);
  const me = useMe();
  const intl = useIntl();
  const report = useQuery({
    queryKey: annualReportKey(selection),
    queryFn: ({ signal }) => reportsApi.annual(selection, signal),
    enabled: !!me.data,
  });
  usePageTitle(report.data ? reportTitle(report.data) : intl.formatMessage(words.title));
  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return (
      <SignInPrompt
        title={intl.formatMessage(words.title)}
        reason={intl.formatMessage({
          id: "reports.annual.signInReason",
          defaultMessage: "Sign in to see the annual report of the partnerships you coordinate.",
        })}
      />
    );

  const years = Array.from({ length: 8 }, (_, i) => String(lastYear() + 1 - i));
  const chooseYear = (year: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set("year", year);
      return next;
    });
  const data = report.data;
  return (
    <article className="annual-report" aria-labelledby="annual-report-title">
      <Stack gap="sm" className="no-print">
        <Anchor component={Link} to="/me/scope" size="sm">
          <FormattedMessage id="reports.annual.backToScope" defaultMessage="← My scope" />
        </Anchor>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={intl.formatMessage({ id: "reports.annual.yearLabel", defaultMessage: "Year" })}
            value={String(selection.year)}
            onChange={(e) => chooseYear(e.currentTarget.value)}
            data={years.includes(String(selection.year)) ? years : [String(selection.year), ...years]}
          />
          <Button onClick={() => window.print()} disabled={!data}>
            <FormattedMessage id="reports.annual.print" defaultMessage="Print" />
          </Button>
          <Button component="a" variant="default" href={reportsApi.fileUrl(selection, "pdf")} download>
            <FormattedMessage id="reports.annual.downloadPdf" defaultMessage="Download PDF" />
          </Button>
          <Button component="a" variant="default" href={reportsApi.fileUrl(selection, "xlsx")} download>
            <FormattedMessage id="reports.annual.downloadExcel" defaultMessage="Download Excel" />
          </Button>
          <Button component="a" variant="subtle" href={reportsApi.fileUrl(selection, "csv")} download>
            <FormattedMessage id="reports.annual.downloadCsv" defaultMessage="CSV" />
          </Button>
        </Group>
      </Stack>

      <header>
        <Text size="sm" fw={700} c="table.8" tt="uppercase" lts={0.5}>
          <FormattedMessage {...words.title} />
        </Text>
        <Title order={1} id="annual-report-title" fz={{ base: 26, sm: 32 }}>
          {data
            ? `${data.scope} · ${data.year}`
            : intl.formatMessage(
                { id: "reports.annual.outcomesOf", defaultMessage: "Outcomes of {year}" },
                { year: String(selection.year) },
              )}
        </Title>
        {data && (
          <Text c="dimmed" size="sm">
            <FormattedMessage
              id="reports.annual.madeBy"
              defaultMessage="Made {date} by Shared Table. Values of every visibility are shown: your reading is logged for each partnership's conveners."
              values={{ date: formatDate(data.generatedAt) }}
            />
          </Text>
        )}
      </header>

      {report.isError ? (
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : !data ? (
        <PageSkeleton
          label={intl.formatMessage({ id: "reports.annual.building", defaultMessage: "Building the report" })}
        />
      ) : data.note ? (
        <Alert
          color="harvest"
          title={intl.formatMessage({
            id: "reports.annual.nothingTitle",
            defaultMessage: "Nothing to report",
          })}
        >
          {data.note}
        </Alert>
      ) : (
        <>
          <ReportSummary report={data} />
          {data.partnerships.map((p) => (
            <ReportPartnershipSection key={p.id} p={p} year={data.year} />
          ))}
        </>
      )}
    </article>
  );
}
