import {
  Alert,
  Button,
  Card,
  Grid,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  impactAreaLabels,
  impactAreas,
  indicatorUnits,
  type CustomIndicatorBody,
} from "../../../core/impact.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { impactApi, impactKey } from "./api.js";

const unitLabels: Record<CustomIndicatorBody["unit"], string> = {
  count: "A count (people, firms, events)",
  percent: "A percentage",
  days: "Days",
  dollars: "Dollars",
  yes_no: "Yes or no (achieved in the period or not)",
};

/**
 * A convener defines an indicator of the partnership's own: tracked and charted like the
 * catalog's, never benchmarked or rolled up unless the community adopts it.
 */
export function OwnIndicatorForm({ partnershipId }: { partnershipId: string }) {
  const queryClient = useQueryClient();
  const form = useForm<CustomIndicatorBody>({
    mode: "controlled",
    initialValues: { name: "", definition: "", area: "businesses", unit: "count", direction: "higher" },
    validate: { name: (v) => (v.trim().length < 3 ? "Must be at least 3 characters" : null) },
  });
  const define = useMutation({
    mutationFn: (v: CustomIndicatorBody) =>
      impactApi.defineOwnIndicator(partnershipId, {
        ...v,
        name: v.name.trim(),
        definition: v.definition.trim(),
      }),
    onSuccess: async (indicator) => {
      await queryClient.invalidateQueries({ queryKey: impactKey(partnershipId) });
      notifications.show({
        color: "table",
        message: `${indicator.name} is tracked: enter its values in the grid.`,
      });
      form.reset();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.problem.errors?.length) form.setErrors(err.fieldErrors());
    },
  });
  const problem = define.error && !(define.error instanceof ApiError && define.error.problem.errors?.length);
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="own-indicator-title">
      <Title order={2} fz="lg" id="own-indicator-title" mb="xs">
        An indicator of your own
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        Something your partnership measures that the catalog lacks. It is tracked, charted and exported like
        the others, but not compared with peers or added to the community&apos;s results unless the community
        adopts it.
      </Text>
      <form
        noValidate
        aria-label="An indicator of your own"
        onSubmit={form.onSubmit((v) => define.mutate(v), focusFirstError)}
      >
        <Stack gap="sm">
          {problem && (
            <Alert color="red" variant="light" role="alert" title="Not saved">
              {errorMessage(define.error)}
            </Alert>
          )}
          <TextInput label="Name" required maxLength={200} {...form.getInputProps("name")} />
          <Textarea
            label="Definition"
            description="What is counted and how, so that next year's value means the same."
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps("definition")}
          />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NativeSelect
                label="Outcome area"
                data={impactAreas.map((a) => ({ value: a, label: impactAreaLabels[a] }))}
                {...form.getInputProps("area")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NativeSelect
                label="Unit"
                data={indicatorUnits.map((u) => ({ value: u, label: unitLabels[u] }))}
                {...form.getInputProps("unit")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NativeSelect
                label="Better when"
                data={[
                  { value: "higher", label: "Higher" },
                  { value: "lower", label: "Lower" },
                ]}
                {...form.getInputProps("direction")}
              />
            </Grid.Col>
          </Grid>
          <div>
            <Button type="submit" loading={define.isPending}>
              Add the indicator
            </Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}
