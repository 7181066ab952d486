import { useState, type FormEvent } from "react";
import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { defineMessages, FormattedMessage, useIntl, type IntlShape } from "react-intl";
import { formatCount } from "../../../core/format.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { fileInputStyles } from "../../components/fileUpload.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { api, ApiError, errorMessage } from "../../lib/api.js";
import { formatDateTime } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { RegionPicker } from "../partnerships/RegionPicker.js";
import {
  badRowsOf,
  periodLabel,
  uploadQcewFile,
  type BadRow,
  type FetchResult,
  type QcewImportItem,
  type QcewImportReport,
} from "./api.js";

const words = defineMessages({
  title: { id: "qcewAdmin.page.title", defaultMessage: "Regional economy data" },
  year: { id: "qcewAdmin.fetch.yearLabel", defaultMessage: "Year" },
  period: { id: "qcewAdmin.period.label", defaultMessage: "Period" },
  line: { id: "qcewAdmin.badRows.line", defaultMessage: "Line" },
  column: { id: "qcewAdmin.badRows.column", defaultMessage: "Column" },
  reason: { id: "qcewAdmin.badRows.reason", defaultMessage: "Reason" },
  fetchButton: { id: "qcewAdmin.fetch.title", defaultMessage: "Fetch from BLS" },
  areas: { id: "qcewAdmin.imports.areas", defaultMessage: "Areas" },
  rows: { id: "qcewAdmin.imports.rows", defaultMessage: "Rows" },
  how: { id: "qcewAdmin.imports.how", defaultMessage: "How" },
  imported: { id: "qcewAdmin.imports.imported", defaultMessage: "Imported" },
});
const importsKey = ["admin", "qcew", "imports"] as const;
/** Bad rows shown of one refused file; the rest are counted. */
const SHOWN_BAD_ROWS = 200;

export default function QcewAdminPage() {
  const intl = useIntl();
  const pageTitle = intl.formatMessage(words.title);
  usePageTitle(pageTitle);
  const me = useMe();
  const isAdmin = !!me.data?.isAdmin;
  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return (
      <SignInPrompt
        title={pageTitle}
        reason={intl.formatMessage({
          id: "qcewAdmin.page.signInReason",
          defaultMessage: "Sign in as a community admin.",
        })}
      />
    );
  if (!isAdmin) {
    return (
      <Card maw={560} mx="auto" p="xl">
        <Title order={1} fz={24} mb="sm">
          {pageTitle}
        </Title>
        <Text c="dimmed">
          <FormattedMessage
            id="qcewAdmin.page.adminsOnly"
            defaultMessage="Only community admins can import regional economy data."
          />
        </Text>
      </Card>
    );
  }
  return (
    <Stack gap="lg">
      <PageHeader
        title={pageTitle}
        description={intl.formatMessage({
          id: "qcewAdmin.page.description",
          defaultMessage:
            "Jobs, establishments and pay by county and industry from the BLS Quarterly Census of Employment and Wages (QCEW). Import the BLS's CSV files, or fetch them from the BLS.",
        })}
      />
      <UploadSection />
      <FetchSection />
      <ImportsSection />
    </Stack>
  );
}

type UploadOutcome = { file: string; report: QcewImportReport } | { file: string; error: unknown };

function UploadSection() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [outcomes, setOutcomes] = useState<UploadOutcome[]>([]);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!files.length) {
      setMissing(
        intl.formatMessage({
          id: "qcewAdmin.upload.missing",
          defaultMessage: "Choose one or more QCEW CSV files",
        }),
      );
      return;
    }
    setBusy(true);
    setOutcomes([]);
    const done: UploadOutcome[] = [];
    // One at a time: each file is its own transaction, and the server reads it as a stream.
    for (const file of files) {
      try {
        done.push({ file: file.name, report: await uploadQcewFile(file) });
      } catch (error) {
        done.push({ file: file.name, error });
      }
      setOutcomes([...done]);
    }
    setBusy(false);
    await queryClient.invalidateQueries({ queryKey: importsKey });
  }

  return (
    <Card component="section" aria-labelledby="qcew-upload-title">
      <Title order={2} fz="lg" mb={4} id="qcew-upload-title">
        <FormattedMessage id="qcewAdmin.upload.title" defaultMessage="Import BLS files" />
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        <FormattedMessage
          id="qcewAdmin.upload.help"
          defaultMessage="Area or industry slices from the BLS QCEW open data, annual or one quarter, as the BLS serves them. A file with a bad row changes nothing; the rows to fix are listed. Importing a period again replaces it."
        />
      </Text>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm" maw={560}>
          <FileInput
            label={intl.formatMessage({
              id: "qcewAdmin.upload.filesLabel",
              defaultMessage: "QCEW CSV files",
            })}
            description={intl.formatMessage({
              id: "qcewAdmin.upload.filesDescription",
              defaultMessage: "One or more .csv files, up to 100 MB each",
            })}
            placeholder={intl.formatMessage({
              id: "qcewAdmin.upload.filesPlaceholder",
              defaultMessage: "Choose files",
            })}
            multiple
            accept=".csv,text/csv"
            styles={fileInputStyles}
            clearable
            clearButtonProps={{
              "aria-label": intl.formatMessage({
                id: "qcewAdmin.upload.clearFiles",
                defaultMessage: "Remove the chosen files",
              }),
            }}
            value={files}
            error={missing}
            onChange={(chosen) => {
              setFiles(chosen);
              setMissing(null);
            }}
          />
          <Group>
            <Button type="submit" loading={busy}>
              <FormattedMessage id="qcewAdmin.upload.importButton" defaultMessage="Import" />
            </Button>
          </Group>
        </Stack>
      </form>
      {outcomes.length > 0 && (
        <Stack gap="sm" mt="md" aria-live="polite">
          {outcomes.map((o, i) =>
            "report" in o ? (
              <Alert key={i} color="table" title={o.file} data-testid="qcew-upload-result">
                <FormattedMessage
                  id="qcewAdmin.upload.result"
                  defaultMessage="Imported {rows, plural, one {# row} other {# rows}} of {areaCount, plural, =1 {area {area}} other {# areas}}, {period}."
                  values={{
                    rows: o.report.rows,
                    areaCount: o.report.areas.length,
                    area: o.report.areas[0] ?? "",
                    period: periodLabel(intl, o.report.year, o.report.quarter),
                  }}
                />
              </Alert>
            ) : (
              <Alert key={i} color="red" title={o.file} data-testid="qcew-upload-result">
                <Text size="sm" mb={badRowsOf(o.error).length ? "sm" : 0}>
                  {errorMessage(o.error)}
                </Text>
                {badRowsOf(o.error).length > 0 && (
                  <BadRowsTable
                    rows={badRowsOf(o.error)}
                    caption={intl.formatMessage(
                      { id: "qcewAdmin.badRows.captionFile", defaultMessage: "Rows to fix in {file}" },
                      { file: o.file },
                    )}
                  />
                )}
              </Alert>
            ),
          )}
        </Stack>
      )}
    </Card>
  );
}

function BadRowsTable({ rows, more = 0, caption }: { rows: BadRow[]; more?: number; caption: string }) {
  const intl = useIntl();
  const shown = rows.slice(0, SHOWN_BAD_ROWS);
  const hidden = rows.length - shown.length + more;
  return (
    <>
      <Table
        className="stack-on-phone"
        verticalSpacing={4}
        fz="sm"
        data-testid="qcew-bad-rows"
        aria-label={caption}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{intl.formatMessage(words.line)}</Table.Th>
            <Table.Th scope="col">{intl.formatMessage(words.column)}</Table.Th>
            <Table.Th scope="col">{intl.formatMessage(words.reason)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td data-label={intl.formatMessage(words.line)}>{r.line}</Table.Td>
              <Table.Td data-label={intl.formatMessage(words.column)}>
                <code>{r.column}</code>
              </Table.Td>
              <Table.Td data-label={intl.formatMessage(words.reason)} style={{ overflowWrap: "anywhere" }}>
                {r.reason}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {hidden > 0 && (
        <Text size="sm" mt="xs">
          <FormattedMessage
            id="qcewAdmin.badRows.more"
            defaultMessage="And {count, plural, one {# more bad row} other {# more bad rows}}."
            values={{ count: hidden }}
          />
        </Text>
      )}
    </>
  );
}

const periodNames = defineMessages({
  annual: { id: "qcewAdmin.period.annualAverages", defaultMessage: "Annual averages" },
  q1: { id: "qcewAdmin.period.q1", defaultMessage: "Quarter 1 (January–March)" },
  q2: { id: "qcewAdmin.period.q2", defaultMessage: "Quarter 2 (April–June)" },
  q3: { id: "qcewAdmin.period.q3", defaultMessage: "Quarter 3 (July–September)" },
  q4: { id: "qcewAdmin.period.q4", defaultMessage: "Quarter 4 (October–December)" },
});

const periods = (intl: IntlShape) => [
  { value: "0", label: intl.formatMessage(periodNames.annual) },
  { value: "1", label: intl.formatMessage(periodNames.q1) },
  { value: "2", label: intl.formatMessage(periodNames.q2) },
  { value: "3", label: intl.formatMessage(periodNames.q3) },
  { value: "4", label: intl.formatMessage(periodNames.q4) },
];

function FetchSection() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const thisYear = new Date().getFullYear();
  // Annual averages come out about nine months after a year ends.
  const [year, setYear] = useState<number | string>(thisYear - 2);
  const [period, setPeriod] = useState("0");
  const [counties, setCounties] = useState<string[]>([]);
  const [otherAreas, setOtherAreas] = useState("");
  const fetchFiles = useMutation({
    mutationFn: (body: { year: number; quarter?: number; areas: string[] }) =>
      api.post<FetchResult>("/admin/qcew/fetch", body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: importsKey }),
  });
  const fieldErrors = fetchFiles.error instanceof ApiError ? fetchFiles.error.fieldErrors() : {};
  const otherError = fetchFiles.error && !Object.keys(fieldErrors).length ? fetchFiles.error : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    fetchFiles.mutate({
      year: typeof year === "number" ? year : Number(year),
      ...(period === "0" ? {} : { quarter: Number(period) }),
      areas: [
        ...counties,
        ...otherAreas
          .split(/[\s,;]+/)
          .map((a) => a.trim())
          .filter(Boolean),
      ],
    });
  }

  return (
    <Card component="section" aria-labelledby="qcew-fetch-title">
      <Title order={2} fz="lg" mb={4} id="qcew-fetch-title">
        {intl.formatMessage(words.fetchButton)}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        <FormattedMessage
          id="qcewAdmin.fetch.help"
          defaultMessage="Downloads each area's file from the BLS open data and imports it, with the national file (US000) that location quotients need."
        />
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={560}>
          <Group grow align="flex-start" wrap="wrap">
            <NumberInput
              label={intl.formatMessage(words.year)}
              min={1990}
              max={thisYear}
              allowDecimal={false}
              allowNegative={false}
              value={year}
              onChange={setYear}
              error={fieldErrors.year}
              miw={140}
            />
            <Select
              label={intl.formatMessage(words.period)}
              data={periods(intl)}
              value={period}
              onChange={(v) => setPeriod(v ?? "0")}
              allowDeselect={false}
              error={fieldErrors.quarter}
              miw={200}
            />
          </Group>
          <RegionPicker value={counties} onChange={setCounties} error={fieldErrors.areas} />
          <TextInput
            label={intl.formatMessage({
              id: "qcewAdmin.fetch.otherAreasLabel",
              defaultMessage: "Other areas (optional)",
            })}
            description={intl.formatMessage({
              id: "qcewAdmin.fetch.otherAreasDescription",
              defaultMessage:
                "QCEW area codes beyond counties, separated by commas: C1814 for a metro area, 39000 for a state. Up to 50 areas in all.",
            })}
            value={otherAreas}
            onChange={(e) => setOtherAreas(e.currentTarget.value)}
            autoComplete="off"
          />
          <Group>
            <Button type="submit" loading={fetchFiles.isPending}>
              {intl.formatMessage(words.fetchButton)}
            </Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {otherError && (
          <Alert
            color="red"
            mt="md"
            title={intl.formatMessage({
              id: "qcewAdmin.fetch.nothingFetched",
              defaultMessage: "Nothing was fetched",
            })}
          >
            {errorMessage(otherError)}
          </Alert>
        )}
        {fetchFiles.data && (
          <Stack gap="sm" mt="md" component="ul" className="plain-list" data-testid="qcew-fetch-results">
            {fetchFiles.data.files.map((f) => (
              <li key={f.area}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge
                    variant="light"
                    tt="none"
                    color={f.status === "imported" ? "table" : f.status === "failed" ? "red" : "gray"}
                    c={f.status === "skipped" ? "gray.9" : undefined}
                    miw={80}
                  >
                    {f.status === "imported" ? (
                      <FormattedMessage id="qcewAdmin.fetch.statusImported" defaultMessage="Imported" />
                    ) : f.status === "failed" ? (
                      <FormattedMessage id="qcewAdmin.fetch.statusFailed" defaultMessage="Failed" />
                    ) : (
                      <FormattedMessage id="qcewAdmin.fetch.statusSkipped" defaultMessage="Skipped" />
                    )}
                  </Badge>
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    <strong>{f.area}</strong>: {f.message}
                  </Text>
                </Group>
                {f.badRows && f.badRows.length > 0 && (
                  <BadRowsTable
                    rows={f.badRows}
                    more={f.moreBadRows}
                    caption={intl.formatMessage(
                      { id: "qcewAdmin.badRows.captionArea", defaultMessage: "Rows to fix in area {area}" },
                      { area: f.area },
                    )}
                  />
                )}
              </li>
            ))}
          </Stack>
        )}
      </div>
    </Card>
  );
}

function areasText(intl: IntlShape, areas: string[]): string {
  if (areas.length <= 6) return areas.join(", ");
  return intl.formatMessage(
    { id: "qcewAdmin.imports.areasMore", defaultMessage: "{list} and {count} more" },
    { list: areas.slice(0, 5).join(", "), count: areas.length - 5 },
  );
}

function ImportsSection() {
  const intl = useIntl();
  const imports = useQuery({
    queryKey: importsKey,
    queryFn: ({ signal }) => api.get<{ items: QcewImportItem[] }>("/admin/qcew/imports", signal),
  });
  return (
    <Card component="section" aria-labelledby="qcew-imports-title">
      <Title order={2} fz="lg" mb="sm" id="qcew-imports-title">
        <FormattedMessage id="qcewAdmin.imports.title" defaultMessage="Imported files" />
      </Title>
      {imports.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({
            id: "qcewAdmin.imports.loading",
            defaultMessage: "Loading the imported files",
          })}
        />
      ) : imports.isError ? (
        <ErrorAlert error={imports.error} onRetry={() => void imports.refetch()} />
      ) : imports.data.items.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage
            id="qcewAdmin.imports.empty"
            defaultMessage="No QCEW file has been imported yet."
          />
        </Text>
      ) : (
        <Table
          className="stack-on-phone"
          verticalSpacing="xs"
          data-testid="qcew-imports"
          aria-label={intl.formatMessage({
            id: "qcewAdmin.imports.tableLabel",
            defaultMessage: "Imported QCEW files, newest first",
          })}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                <FormattedMessage id="qcewAdmin.imports.file" defaultMessage="File" />
              </Table.Th>
              <Table.Th scope="col">{intl.formatMessage(words.period)}</Table.Th>
              <Table.Th scope="col">{intl.formatMessage(words.areas)}</Table.Th>
              <Table.Th scope="col">{intl.formatMessage(words.rows)}</Table.Th>
              <Table.Th scope="col">{intl.formatMessage(words.how)}</Table.Th>
              <Table.Th scope="col">{intl.formatMessage(words.imported)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imports.data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Th scope="row" fw={600} style={{ overflowWrap: "anywhere" }}>
                  {item.fileName}
                </Table.Th>
                <Table.Td data-label={intl.formatMessage(words.period)}>
                  {periodLabel(intl, item.year, item.quarter)}
                </Table.Td>
                <Table.Td data-label={intl.formatMessage(words.areas)}>
                  {areasText(intl, item.areas)}
                </Table.Td>
                <Table.Td data-label={intl.formatMessage(words.rows)}>{formatCount(item.rows)}</Table.Td>
                <Table.Td data-label={intl.formatMessage(words.how)}>
                  {item.via === "cli" ? (
                    <FormattedMessage id="qcewAdmin.imports.viaCli" defaultMessage="Command line" />
                  ) : (
                    <FormattedMessage id="qcewAdmin.imports.viaAdmin" defaultMessage="Admin page" />
                  )}
                </Table.Td>
                <Table.Td data-label={intl.formatMessage(words.imported)}>
                  {formatDateTime(item.importedAt)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
