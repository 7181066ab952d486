import { useState } from "react";
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import type { Direction, ImpactArea, Indicator, IndicatorUnit } from "../../../core/impact.js";
import { impactAreaLabels, impactAreas, indicatorUnits } from "../../../core/impact.js";
import { AlikeIndicators } from "./AlikeIndicators.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { impactApi, useIndicators } from "./api.js";
import { impactWords } from "./messages.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

const words = defineMessages({
  pageTitle: { id: "impact.catalog.pageTitle", defaultMessage: "Indicator catalog" },
  area: { id: "impact.catalog.areaHeader", defaultMessage: "Area" },
  across: { id: "impact.catalog.across", defaultMessage: "Across partnerships" },
  sum: { id: "impact.catalog.sum", defaultMessage: "Sum" },
  median: { id: "impact.catalog.median", defaultMessage: "Median" },
  restore: { id: "impact.catalog.restore", defaultMessage: "Restore" },
  retire: { id: "impact.catalog.retire", defaultMessage: "Retire" },
});

type NewIndicator = Omit<Indicator, "retired" | "custom">;
const blank: NewIndicator = {
  key: "",
  name: "",
  definition: "",
  area: "businesses",
  unit: "count",
  direction: "higher",
  rollup: "sum",
};

function AddIndicatorForm() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<NewIndicator>(blank);
  const save = useMutation({
    mutationFn: () => impactApi.createIndicator(form),
    onSuccess: async () => {
      setForm(blank);
      await queryClient.invalidateQueries({ queryKey: ["indicators"] });
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = <K extends keyof NewIndicator>(key: K, value: NewIndicator[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="add-indicator">
      <Title order={2} fz="lg" id="add-indicator" mb="sm">
        <FormattedMessage id="impact.catalog.addTitle" defaultMessage="Add an indicator" />
      </Title>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={intl.formatMessage(impactWords.name)}
            required
            value={form.name}
            error={errors.name}
            onChange={(e) => set("name", e.currentTarget.value)}
          />
          <TextInput
            label={intl.formatMessage(impactWords.key)}
            description={intl.formatMessage({
              id: "impact.catalog.keyHelp",
              defaultMessage: "Lower-case letters, digits and _; used in CSV files",
            })}
            required
            value={form.key}
            error={errors.key}
            onChange={(e) => set("key", e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          label={intl.formatMessage(impactWords.definition)}
          autosize
          minRows={2}
          value={form.definition}
          onChange={(e) => set("definition", e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <NativeSelect
            label={intl.formatMessage(impactWords.outcomeArea)}
            value={form.area}
            data={impactAreas.map((a) => ({ value: a, label: impactAreaLabels[a] }))}
            onChange={(e) => set("area", e.currentTarget.value as ImpactArea)}
          />
          <NativeSelect
            label={intl.formatMessage(impactWords.unit)}
            value={form.unit}
            data={[...indicatorUnits]}
            onChange={(e) => {
              const unit = e.currentTarget.value as IndicatorUnit;
              setForm((f) => ({
                ...f,
                unit,
                rollup:
                  unit === "yes_no" ? "share" : unit === "count" || unit === "dollars" ? "sum" : "compare",
              }));
            }}
          />
          <NativeSelect
            label={intl.formatMessage(impactWords.betterWhen)}
            value={form.direction}
            data={[
              { value: "higher", label: intl.formatMessage(impactWords.higher) },
              { value: "lower", label: intl.formatMessage(impactWords.lower) },
            ]}
            onChange={(e) => set("direction", e.currentTarget.value as Direction)}
          />
          <NativeSelect
            label={intl.formatMessage(words.across)}
            value={form.rollup}
            error={errors.rollup}
            data={[
              { value: "sum", label: intl.formatMessage(words.sum) },
              {
                value: "compare",
                label: intl.formatMessage({
                  id: "impact.catalog.compare",
                  defaultMessage: "Compare (median)",
                }),
              },
              {
                value: "share",
                label: intl.formatMessage({
                  id: "impact.catalog.share",
                  defaultMessage: "Share saying yes (yes/no)",
                }),
              },
            ]}
            onChange={(e) => set("rollup", e.currentTarget.value as NewIndicator["rollup"])}
          />
        </SimpleGrid>
        {save.isError && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            <FormattedMessage {...impactWords.addIndicator} />
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The community admin's indicator catalog: add, retire and restore (retired ones keep their data). */
export default function CatalogAdminPage() {
  const intl = useIntl();
  const me = useMe();
  const catalog = useIndicators(true);
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (i: Indicator) => impactApi.updateIndicator(i.key, { retired: !i.retired }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["indicators"] }),
  });
  usePageTitle(intl.formatMessage(words.pageTitle));
  if (me.isPending)
    return (
      <PageSkeleton label={intl.formatMessage({ id: "impact.catalog.loading", defaultMessage: "Loading" })} />
    );
  if (!me.data)
    return (
      <SignInPrompt
        title={intl.formatMessage(words.pageTitle)}
        reason={intl.formatMessage({
          id: "impact.catalog.signInReason",
          defaultMessage: "Community admins manage the catalog.",
        })}
      />
    );
  if (!me.data.isAdmin)
    return (
      <Text>
        <FormattedMessage
          id="impact.catalog.adminsOnly"
          defaultMessage="Only community admins manage the indicator catalog."
        />
      </Text>
    );
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(words.pageTitle)}
        description={intl.formatMessage({
          id: "impact.catalog.description",
          defaultMessage:
            "The measures partnerships track, in six outcome areas. A retired indicator keeps its data.",
        })}
      />
      <AddIndicatorForm />
      {toggle.isError && <ErrorAlert error={toggle.error} />}
      {catalog.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({
            id: "impact.catalog.loadingCatalog",
            defaultMessage: "Loading the catalog",
          })}
        />
      ) : catalog.isError ? (
        <ErrorAlert error={catalog.error} onRetry={() => void catalog.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table
            striped
            verticalSpacing="sm"
            aria-label={intl.formatMessage(impactWords.indicators)}
            className="stack-on-phone"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  <FormattedMessage {...impactWords.indicator} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...words.area} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...impactWords.unit} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...impactWords.betterWhen} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage {...words.across} />
                </Table.Th>
                <Table.Th scope="col">
                  <FormattedMessage id="impact.catalog.statusHeader" defaultMessage="Status" />
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {catalog.data.items.map((i) => (
                <Table.Tr key={i.key}>
                  <Table.Th scope="row" fw={500}>
                    {indicatorName(i)}
                    <Text size="xs" c="dimmed">
                      {i.key}
                    </Text>
                  </Table.Th>
                  <Table.Td data-label={intl.formatMessage(words.area)}>{impactAreaLabels[i.area]}</Table.Td>
                  <Table.Td data-label={intl.formatMessage(impactWords.unit)}>{i.unit}</Table.Td>
                  <Table.Td data-label={intl.formatMessage(impactWords.betterWhen)}>{i.direction}</Table.Td>
                  <Table.Td data-label={intl.formatMessage(words.across)}>
                    {intl.formatMessage(i.rollup === "sum" ? words.sum : words.median)}
                  </Table.Td>
                  <Table.Td data-actions-row>
                    <Group gap="xs" wrap="nowrap">
                      {i.retired && (
                        <Badge color="gray">
                          <FormattedMessage id="impact.catalog.retired" defaultMessage="Retired" />
                        </Badge>
                      )}
                      <Button
                        size="xs"
                        variant="light"
                        color={i.retired ? "teal" : "red"}
                        aria-label={
                          i.retired
                            ? intl.formatMessage(
                                { id: "impact.catalog.restoreNamed", defaultMessage: "Restore {name}" },
                                { name: indicatorName(i) },
                              )
                            : intl.formatMessage(
                                { id: "impact.catalog.retireNamed", defaultMessage: "Retire {name}" },
                                { name: indicatorName(i) },
                              )
                        }
                        loading={toggle.isPending && toggle.variables.key === i.key}
                        onClick={() => toggle.mutate(i)}
                      >
                        {intl.formatMessage(i.retired ? words.restore : words.retire)}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AlikeIndicators />
    </Stack>
  );
}
