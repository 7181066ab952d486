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
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import {
  impactAreaLabels,
  impactAreas,
  indicatorUnits,
  type CustomIndicatorBody,
} from "../../../core/impact.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { impactApi, impactKey } from "./api.js";
import { impactWords } from "./messages.js";

const unitLabels = defineMessages({
  count: { id: "impact.ownIndicator.unit.count", defaultMessage: "A count (people, firms, events)" },
  percent: { id: "impact.ownIndicator.unit.percent", defaultMessage: "A percentage" },
  days: { id: "impact.ownIndicator.unit.days", defaultMessage: "Days" },
  dollars: { id: "impact.ownIndicator.unit.dollars", defaultMessage: "Dollars" },
  yes_no: {
    id: "impact.ownIndicator.unit.yes_no",
    defaultMessage: "Yes or no (achieved in the period or not)",
  },
}) satisfies Record<CustomIndicatorBody["unit"], unknown>;

const words = defineMessages({
  title: { id: "impact.ownIndicator.title", defaultMessage: "An indicator of your own" },
});

/**
 * A convener defines an indicator of the partnership's own: tracked and charted like the
 * catalog's, never benchmarked or rolled up unless the community adopts it.
 */
export function OwnIndicatorForm({ partnershipId }: { partnershipId: string }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const form = useForm<CustomIndicatorBody>({
    mode: "controlled",
    initialValues: { name: "", definition: "", area: "businesses", unit: "count", direction: "higher" },
    validate: {
      name: (v) =>
        v.trim().length < 3
          ? intl.formatMessage({
              id: "impact.ownIndicator.nameTooShort",
              defaultMessage: "Must be at least 3 characters",
            })
          : null,
    },
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
        message: intl.formatMessage(
          {
            id: "impact.ownIndicator.tracked",
            defaultMessage: "{name} is tracked: enter its values in the grid.",
          },
          { name: indicator.name },
        ),
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
        <FormattedMessage {...words.title} />
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        <FormattedMessage
          id="impact.ownIndicator.help"
          defaultMessage="Something your partnership measures that the catalog lacks. It is tracked, charted and exported like the others, but not compared with peers or added to the community's results unless the community adopts it."
        />
      </Text>
      <form
        noValidate
        aria-label={intl.formatMessage(words.title)}
        onSubmit={form.onSubmit((v) => define.mutate(v), focusFirstError)}
      >
        <Stack gap="sm">
          {problem && (
            <Alert
              color="red"
              variant="light"
              role="alert"
              title={intl.formatMessage({ id: "impact.ownIndicator.notSaved", defaultMessage: "Not saved" })}
            >
              {errorMessage(define.error)}
            </Alert>
          )}
          <TextInput
            label={intl.formatMessage(impactWords.name)}
            required
            maxLength={200}
            {...form.getInputProps("name")}
          />
          <Textarea
            label={intl.formatMessage(impactWords.definition)}
            description={intl.formatMessage({
              id: "impact.ownIndicator.definitionHelp",
              defaultMessage: "What is counted and how, so that next year's value means the same.",
            })}
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps("definition")}
          />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NativeSelect
                label={intl.formatMessage(impactWords.outcomeArea)}
                data={impactAreas.map((a) => ({ value: a, label: impactAreaLabels[a] }))}
                {...form.getInputProps("area")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NativeSelect
                label={intl.formatMessage(impactWords.unit)}
                data={indicatorUnits.map((u) => ({ value: u, label: intl.formatMessage(unitLabels[u]) }))}
                {...form.getInputProps("unit")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <NativeSelect
                label={intl.formatMessage(impactWords.betterWhen)}
                data={[
                  { value: "higher", label: intl.formatMessage(impactWords.higher) },
                  { value: "lower", label: intl.formatMessage(impactWords.lower) },
                ]}
                {...form.getInputProps("direction")}
              />
            </Grid.Col>
          </Grid>
          <div>
            <Button type="submit" loading={define.isPending}>
              <FormattedMessage {...impactWords.addIndicator} />
            </Button>
          </div>
        </Stack>
      </form>
    </Card>
  );
}
