import { useState } from "react";
import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  MultiSelect,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import { allowedRange, impactAreaLabels, impactAreas } from "../../../core/impact.js";
import { ApiError, errorMessage, sentence } from "../../lib/api.js";
import { impactApi, impactKey, useIndicators, type TrackedResponse } from "./api.js";
import { impactWords } from "./messages.js";
import { OwnIndicatorForm } from "./OwnIndicatorForm.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

/** Which indicators the partnership tracks. */
function TrackedPicker({ partnershipId, tracked }: { partnershipId: string; tracked: TrackedResponse }) {
  const intl = useIntl();
  const catalog = useIndicators();
  const queryClient = useQueryClient();
  const [keys, setKeys] = useState<string[]>(tracked.items.map((t) => t.key));
  const save = useMutation({
    mutationFn: () => impactApi.setTracked(partnershipId, keys),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: impactKey(partnershipId) }),
  });
  const groups = impactAreas.map((area) => ({
    group: impactAreaLabels[area],
    // The partnership's own indicators are always tracked: listed so the picker shows them.
    items: [...(catalog.data?.items ?? []), ...tracked.items.filter((t) => t.custom)]
      .filter((i) => i.area === area)
      // The key is what a spreadsheet names the indicator by: show it where it is chosen.
      .map((i) => ({
        value: i.key,
        label: i.custom
          ? intl.formatMessage(
              { id: "impact.setup.ownIndicatorOption", defaultMessage: "{name} (your own)" },
              { name: indicatorName(i) },
            )
          : `${indicatorName(i)} (${i.key})`,
        disabled: i.custom,
      })),
  }));
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="tracked-title">
      <Title order={2} fz="lg" id="tracked-title" mb="xs">
        <FormattedMessage id="impact.setup.trackedTitle" defaultMessage="Indicators you track" />
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        <FormattedMessage
          id="impact.setup.trackedHelp"
          defaultMessage="Pick the measures that show what your partnership achieves. An indicator with values or a story stays."
        />
      </Text>
      <MultiSelect
        label={intl.formatMessage(impactWords.indicators)}
        data={groups}
        value={keys}
        onChange={setKeys}
        searchable
        maxDropdownHeight={320}
      />
      {save.isError && (
        <Alert color="red" mt="sm" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
      {tracked.items.length > 0 && (
        <Table.ScrollContainer minWidth={560} mt="md">
          <Table
            withTableBorder
            verticalSpacing="xs"
            aria-label={intl.formatMessage({
              id: "impact.setup.trackedTable",
              defaultMessage: "The indicators you track, by key",
            })}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <FormattedMessage {...impactWords.indicator} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...impactWords.key} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...impactWords.unit} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage id="impact.setup.allowedValues" defaultMessage="Allowed values" />
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tracked.items.map((t) => (
                <Table.Tr key={t.key}>
                  <Table.Th scope="row" fw={500}>
                    {t.retired ? (
                      <FormattedMessage
                        id="impact.setup.retiredIndicator"
                        defaultMessage="{name} (retired)"
                        values={{ name: indicatorName(t) }}
                      />
                    ) : (
                      indicatorName(t)
                    )}
                  </Table.Th>
                  <Table.Td>
                    <Code>{t.key}</Code>
                  </Table.Td>
                  <Table.Td>{t.unit}</Table.Td>
                  <Table.Td>{allowedRange(t.unit)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group mt="md">
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          <FormattedMessage id="impact.setup.saveIndicators" defaultMessage="Save the indicators" />
        </Button>
        {save.isSuccess && (
          <Text c="table.9" role="status">
            <FormattedMessage {...impactWords.saved} />
          </Text>
        )}
      </Group>
    </Card>
  );
}

/** All-or-nothing CSV import with the report of every rejected row. */
function ImportPanel({ partnershipId }: { partnershipId: string }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () => impactApi.importCsv(partnershipId, await (file as File).text(), intl),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: impactKey(partnershipId) }),
  });
  const rows = upload.error instanceof ApiError ? (upload.error.problem.errors ?? []) : [];
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="import-title">
      <Title order={2} fz="lg" id="import-title" mb="xs">
        <FormattedMessage id="impact.import.title" defaultMessage="Import values from a spreadsheet" />
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        <FormattedMessage
          id="impact.import.help"
          defaultMessage="Columns: indicator (its key or its exact name), period (2025 or 2025-Q3), value, kind (actual, baseline, target), visibility (partnership, community, public), source, note. <link>Download the template</link> with a row for each indicator you track, its unit and the values it allows; rows you leave blank are skipped. If any row is wrong, nothing is imported and every problem is listed."
          values={{
            link: (chunks) => (
              <Anchor
                href={`/api/partnerships/${partnershipId}/measurements/template.csv`}
                download
                underline="always"
              >
                {chunks}
              </Anchor>
            ),
          }}
        />
      </Text>
      <Group align="flex-end">
        <FileInput
          label={intl.formatMessage({ id: "impact.import.fileLabel", defaultMessage: "CSV file" })}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          w="100%"
          maw={320}
          clearable
          clearButtonProps={{
            "aria-label": intl.formatMessage({
              id: "impact.import.removeFile",
              defaultMessage: "Remove the file",
            }),
          }}
        />
        <Button onClick={() => upload.mutate()} disabled={!file} loading={upload.isPending}>
          <FormattedMessage id="impact.import.button" defaultMessage="Import" />
        </Button>
      </Group>
      {upload.isSuccess && (
        <Alert color="table" mt="md" role="status">
          <FormattedMessage
            id="impact.import.done"
            defaultMessage="Imported {count, plural, one {# value} other {# values}}."
            values={{ count: upload.data.imported }}
          />
        </Alert>
      )}
      {upload.isError && (
        <Alert color="red" mt="md" role="alert">
          {/* The import's own refusals already begin "Nothing was imported": say it once. */}
          <Text size="sm" fw={600} mb={rows.length ? "sm" : 0}>
            {/^Nothing was imported/.test(errorMessage(upload.error))
              ? errorMessage(upload.error)
              : intl.formatMessage(
                  { id: "impact.import.nothingImported", defaultMessage: "Nothing was imported: {error}" },
                  { error: errorMessage(upload.error) },
                )}
          </Text>
          {rows.length > 0 && (
            <Table
              withTableBorder
              aria-label={intl.formatMessage({
                id: "impact.import.rowsToFix",
                defaultMessage: "Rows to fix",
              })}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">
                    <FormattedMessage id="impact.import.rowHeader" defaultMessage="Row" />
                  </Table.Th>
                  <Table.Th scope="col">
                    <FormattedMessage id="impact.import.columnHeader" defaultMessage="Column" />
                  </Table.Th>
                  <Table.Th scope="col">
                    <FormattedMessage id="impact.import.problemHeader" defaultMessage="Problem" />
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.slice(0, 200).map((r, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{r.row ?? "–"}</Table.Td>
                    <Table.Td>{r.column ?? r.field}</Table.Td>
                    <Table.Td>{sentence(r.message)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Alert>
      )}
    </Card>
  );
}

function NamedSwitch({ partnershipId, tracked }: { partnershipId: string; tracked: TrackedResponse }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (named: boolean) => impactApi.setNamed(partnershipId, named),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: impactKey(partnershipId) }),
  });
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="named-title">
      <Title order={2} fz="lg" id="named-title" mb="xs">
        <FormattedMessage id="impact.setup.benchmarksTitle" defaultMessage="Benchmarks" />
      </Title>
      <Switch
        checked={save.isPending ? (save.variables ?? tracked.namedInBenchmarks) : tracked.namedInBenchmarks}
        onChange={(e) => save.mutate(e.currentTarget.checked)}
        label={intl.formatMessage({
          id: "impact.setup.namedLabel",
          defaultMessage: "Show our name to peers in benchmarks",
        })}
        description={intl.formatMessage({
          id: "impact.setup.namedHelp",
          defaultMessage:
            "Off: peers see your values only anonymously. Members-only values never appear in benchmarks.",
        })}
      />
      {save.isError && (
        <Alert color="red" mt="sm" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
    </Card>
  );
}

export function SetupPanel({ partnershipId, tracked }: { partnershipId: string; tracked: TrackedResponse }) {
  return (
    <Stack gap="lg">
      <TrackedPicker partnershipId={partnershipId} tracked={tracked} />
      <ImportPanel partnershipId={partnershipId} />
      {tracked.canManage && <OwnIndicatorForm partnershipId={partnershipId} />}
      {tracked.canManage && <NamedSwitch partnershipId={partnershipId} tracked={tracked} />}
    </Stack>
  );
}
