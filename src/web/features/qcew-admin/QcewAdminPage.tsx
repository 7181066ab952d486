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
import { formatCountOf } from "../../../core/format.js";
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

const TITLE = "Regional economy data";
const importsKey = ["admin", "qcew", "imports"] as const;
/** Bad rows shown of one refused file; the rest are counted. */
const SHOWN_BAD_ROWS = 200;

export default function QcewAdminPage() {
  usePageTitle(TITLE);
  const me = useMe();
  const isAdmin = !!me.data?.isAdmin;
  if (me.isPending) return <PageSkeleton />;
  if (!me.data) return <SignInPrompt title={TITLE} reason="Sign in as a community admin." />;
  if (!isAdmin) {
    return (
      <Card maw={560} mx="auto" p="xl">
        <Title order={1} fz={24} mb="sm">
          {TITLE}
        </Title>
        <Text c="dimmed">Only community admins can import regional economy data.</Text>
      </Card>
    );
  }
  return (
    <Stack gap="lg">
      <PageHeader
        title={TITLE}
        description="Jobs, establishments and pay by county and industry from the BLS Quarterly Census of Employment and Wages (QCEW). Import the BLS's CSV files, or fetch them from the BLS."
      />
      <UploadSection />
      <FetchSection />
      <ImportsSection />
    </Stack>
  );
}

type UploadOutcome = { file: string; report: QcewImportReport } | { file: string; error: unknown };

function UploadSection() {
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [outcomes, setOutcomes] = useState<UploadOutcome[]>([]);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!files.length) {
      setMissing("Choose one or more QCEW CSV files");
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
        Import BLS files
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Area or industry slices from the BLS QCEW open data, annual or one quarter, as the BLS serves them. A
        file with a bad row changes nothing; the rows to fix are listed. Importing a period again replaces it.
      </Text>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm" maw={560}>
          <FileInput
            label="QCEW CSV files"
            description="One or more .csv files, up to 100 MB each"
            placeholder="Choose files"
            multiple
            accept=".csv,text/csv"
            styles={fileInputStyles}
            clearable
            clearButtonProps={{ "aria-label": "Remove the chosen files" }}
            value={files}
            error={missing}
            onChange={(chosen) => {
              setFiles(chosen);
              setMissing(null);
            }}
          />
          <Group>
            <Button type="submit" loading={busy}>
              Import
            </Button>
          </Group>
        </Stack>
      </form>
      {outcomes.length > 0 && (
        <Stack gap="sm" mt="md" aria-live="polite">
          {outcomes.map((o, i) =>
            "report" in o ? (
              <Alert key={i} color="table" title={o.file} data-testid="qcew-upload-result">
                Imported {formatCountOf(o.report.rows, "row")} of{" "}
                {o.report.areas.length === 1
                  ? `area ${o.report.areas[0]}`
                  : formatCountOf(o.report.areas.length, "area")}
                , {periodLabel(o.report.year, o.report.quarter)}.
              </Alert>
            ) : (
              <Alert key={i} color="red" title={o.file} data-testid="qcew-upload-result">
                <Text size="sm" mb={badRowsOf(o.error).length ? "sm" : 0}>
                  {errorMessage(o.error)}
                </Text>
                {badRowsOf(o.error).length > 0 && (
                  <BadRowsTable rows={badRowsOf(o.error)} caption={`Rows to fix in ${o.file}`} />
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
            <Table.Th scope="col">Line</Table.Th>
            <Table.Th scope="col">Column</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td data-label="Line">{r.line}</Table.Td>
              <Table.Td data-label="Column">
                <code>{r.column}</code>
              </Table.Td>
              <Table.Td data-label="Reason" style={{ overflowWrap: "anywhere" }}>
                {r.reason}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {hidden > 0 && (
        <Text size="sm" mt="xs">
          And {formatCountOf(hidden, "more bad row")}.
        </Text>
      )}
    </>
  );
}

const periods = [
  { value: "0", label: "Annual averages" },
  { value: "1", label: "Quarter 1 (January–March)" },
  { value: "2", label: "Quarter 2 (April–June)" },
  { value: "3", label: "Quarter 3 (July–September)" },
  { value: "4", label: "Quarter 4 (October–December)" },
];

function FetchSection() {
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
        Fetch from BLS
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Downloads each area's file from the BLS open data and imports it, with the national file (US000) that
        location quotients need.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={560}>
          <Group grow align="flex-start" wrap="wrap">
            <NumberInput
              label="Year"
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
              label="Period"
              data={periods}
              value={period}
              onChange={(v) => setPeriod(v ?? "0")}
              allowDeselect={false}
              error={fieldErrors.quarter}
              miw={200}
            />
          </Group>
          <RegionPicker value={counties} onChange={setCounties} error={fieldErrors.areas} />
          <TextInput
            label="Other areas (optional)"
            description="QCEW area codes beyond counties, separated by commas: C1814 for a metro area, 39000 for a state. Up to 50 areas in all."
            value={otherAreas}
            onChange={(e) => setOtherAreas(e.currentTarget.value)}
            autoComplete="off"
          />
          <Group>
            <Button type="submit" loading={fetchFiles.isPending}>
              Fetch from BLS
            </Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {otherError && (
          <Alert color="red" mt="md" title="Nothing was fetched">
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
                    {f.status === "imported" ? "Imported" : f.status === "failed" ? "Failed" : "Skipped"}
                  </Badge>
                  <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                    <strong>{f.area}</strong>: {f.message}
                  </Text>
                </Group>
                {f.badRows && f.badRows.length > 0 && (
                  <BadRowsTable
                    rows={f.badRows}
                    more={f.moreBadRows}
                    caption={`Rows to fix in area ${f.area}`}
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

function areasText(areas: string[]): string {
  if (areas.length <= 6) return areas.join(", ");
  return `${areas.slice(0, 5).join(", ")} and ${areas.length - 5} more`;
}

function ImportsSection() {
  const imports = useQuery({
    queryKey: importsKey,
    queryFn: ({ signal }) => api.get<{ items: QcewImportItem[] }>("/admin/qcew/imports", signal),
  });
  return (
    <Card component="section" aria-labelledby="qcew-imports-title">
      <Title order={2} fz="lg" mb="sm" id="qcew-imports-title">
        Imported files
      </Title>
      {imports.isPending ? (
        <PageSkeleton label="Loading the imported files" />
      ) : imports.isError ? (
        <ErrorAlert error={imports.error} onRetry={() => void imports.refetch()} />
      ) : imports.data.items.length === 0 ? (
        <Text c="dimmed">No QCEW file has been imported yet.</Text>
      ) : (
        <Table
          className="stack-on-phone"
          verticalSpacing="xs"
          data-testid="qcew-imports"
          aria-label="Imported QCEW files, newest first"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">File</Table.Th>
              <Table.Th scope="col">Period</Table.Th>
              <Table.Th scope="col">Areas</Table.Th>
              <Table.Th scope="col">Rows</Table.Th>
              <Table.Th scope="col">How</Table.Th>
              <Table.Th scope="col">Imported</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imports.data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Th scope="row" fw={600} style={{ overflowWrap: "anywhere" }}>
                  {item.fileName}
                </Table.Th>
                <Table.Td data-label="Period">{periodLabel(item.year, item.quarter)}</Table.Td>
                <Table.Td data-label="Areas">{areasText(item.areas)}</Table.Td>
                <Table.Td data-label="Rows">{item.rows.toLocaleString("en-US")}</Table.Td>
                <Table.Td data-label="How">{item.via === "cli" ? "Command line" : "Admin page"}</Table.Td>
                <Table.Td data-label="Imported">{formatDateTime(item.importedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
