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
        Add an indicator
      </Title>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Name"
            required
            value={form.name}
            error={errors.name}
            onChange={(e) => set("name", e.currentTarget.value)}
          />
          <TextInput
            label="Key"
            description="Lower-case letters, digits and _; used in CSV files"
            required
            value={form.key}
            error={errors.key}
            onChange={(e) => set("key", e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          label="Definition"
          autosize
          minRows={2}
          value={form.definition}
          onChange={(e) => set("definition", e.currentTarget.value)}
        />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <NativeSelect
            label="Outcome area"
            value={form.area}
            data={impactAreas.map((a) => ({ value: a, label: impactAreaLabels[a] }))}
            onChange={(e) => set("area", e.currentTarget.value as ImpactArea)}
          />
          <NativeSelect
            label="Unit"
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
            label="Better when"
            value={form.direction}
            data={[
              { value: "higher", label: "Higher" },
              { value: "lower", label: "Lower" },
            ]}
            onChange={(e) => set("direction", e.currentTarget.value as Direction)}
          />
          <NativeSelect
            label="Across partnerships"
            value={form.rollup}
            error={errors.rollup}
            data={[
              { value: "sum", label: "Sum" },
              { value: "compare", label: "Compare (median)" },
              { value: "share", label: "Share saying yes (yes/no)" },
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
            Add the indicator
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The community admin's indicator catalog: add, retire and restore (retired ones keep their data). */
export default function CatalogAdminPage() {
  const me = useMe();
  const catalog = useIndicators(true);
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (i: Indicator) => impactApi.updateIndicator(i.key, { retired: !i.retired }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["indicators"] }),
  });
  usePageTitle("Indicator catalog");
  if (me.isPending) return <PageSkeleton label="Loading" />;
  if (!me.data)
    return <SignInPrompt title="Indicator catalog" reason="Community admins manage the catalog." />;
  if (!me.data.isAdmin) return <Text>Only community admins manage the indicator catalog.</Text>;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Indicator catalog"
        description="The measures partnerships track, in six outcome areas. A retired indicator keeps its data."
      />
      <AddIndicatorForm />
      {toggle.isError && <ErrorAlert error={toggle.error} />}
      {catalog.isPending ? (
        <PageSkeleton label="Loading the catalog" />
      ) : catalog.isError ? (
        <ErrorAlert error={catalog.error} onRetry={() => void catalog.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={0}>
          <Table striped verticalSpacing="sm" aria-label="Indicators" className="stack-on-phone">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Indicator</Table.Th>
                <Table.Th scope="col">Area</Table.Th>
                <Table.Th scope="col">Unit</Table.Th>
                <Table.Th scope="col">Better when</Table.Th>
                <Table.Th scope="col">Across partnerships</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {catalog.data.items.map((i) => (
                <Table.Tr key={i.key}>
                  <Table.Th scope="row" fw={500}>
                    {i.name}
                    <Text size="xs" c="dimmed">
                      {i.key}
                    </Text>
                  </Table.Th>
                  <Table.Td data-label="Area">{impactAreaLabels[i.area]}</Table.Td>
                  <Table.Td data-label="Unit">{i.unit}</Table.Td>
                  <Table.Td data-label="Better when">{i.direction}</Table.Td>
                  <Table.Td data-label="Across partnerships">
                    {i.rollup === "sum" ? "Sum" : "Median"}
                  </Table.Td>
                  <Table.Td data-actions-row>
                    <Group gap="xs" wrap="nowrap">
                      {i.retired && <Badge color="gray">Retired</Badge>}
                      <Button
                        size="xs"
                        variant="light"
                        color={i.retired ? "teal" : "red"}
                        aria-label={`${i.retired ? "Restore" : "Retire"} ${i.name}`}
                        loading={toggle.isPending && toggle.variables.key === i.key}
                        onClick={() => toggle.mutate(i)}
                      >
                        {i.retired ? "Restore" : "Retire"}
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
