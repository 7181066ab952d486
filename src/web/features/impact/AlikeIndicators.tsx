import { Alert, Button, Card, Group, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { errorMessage } from "../../lib/api.js";
import { impactApi } from "./api.js";

/** Partnerships' own indicators that several defined alike: the admin adopts one into the catalog. */
export function AlikeIndicators() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const alike = useQuery({ queryKey: ["indicators", "alike"], queryFn: () => impactApi.alikeIndicators() });
  const adopt = useMutation({
    mutationFn: (key: string) => impactApi.adoptIndicator(key),
    onSuccess: async (indicator) => {
      await queryClient.invalidateQueries({ queryKey: ["indicators"] });
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          { id: "impact.alike.adopted", defaultMessage: "{name} is in the catalog now, with its values." },
          { name: indicator.name },
        ),
      });
    },
  });
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="alike-title">
      <Title order={2} fz="lg" id="alike-title" mb="xs">
        <FormattedMessage id="impact.alike.title" defaultMessage="Defined alike by partnerships" />
      </Title>
      <Text c="dimmed" size="sm" mb="sm">
        <FormattedMessage
          id="impact.alike.help"
          defaultMessage="Indicators of their own that two or more partnerships named the same way. Adopting one puts it in the catalog for everyone, with its values; the others stay each partnership's own."
        />
      </Text>
      {adopt.isError && (
        <Alert color="red" role="alert" mb="sm">
          {errorMessage(adopt.error)}
        </Alert>
      )}
      {alike.isPending ? (
        <Text size="sm">
          <FormattedMessage id="impact.alike.loading" defaultMessage="Loading…" />
        </Text>
      ) : alike.isError ? (
        <ErrorAlert error={alike.error} onRetry={() => void alike.refetch()} />
      ) : alike.data.items.length === 0 ? (
        <Text size="sm">
          <FormattedMessage
            id="impact.alike.none"
            defaultMessage="No two partnerships have defined the same indicator yet."
          />
        </Text>
      ) : (
        <Stack gap="md" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
          {alike.data.items.map((g) => (
            <li key={`${g.name}|${g.unit}`}>
              <Text fw={600}>
                <FormattedMessage
                  id="impact.alike.group"
                  defaultMessage="{name} · {unit} · {count, plural, one {# partnership} other {# partnerships}}"
                  values={{ name: g.name, unit: g.unit, count: g.partnerships }}
                />
              </Text>
              <Stack gap={4} mt={4}>
                {g.indicators.map((i) => (
                  <Group key={i.key} justify="space-between" gap="xs" wrap="wrap">
                    <Text size="sm">
                      <FormattedMessage
                        id="impact.alike.partnershipValues"
                        defaultMessage="{partnership}: {count, plural, one {# value} other {# values}}"
                        values={{ partnership: i.partnership, count: i.values }}
                      />
                    </Text>
                    <Button
                      size="xs"
                      variant="light"
                      loading={adopt.isPending && adopt.variables === i.key}
                      onClick={() => adopt.mutate(i.key)}
                    >
                      <FormattedMessage
                        id="impact.alike.adopt"
                        defaultMessage="Adopt this one<hidden>: {name} as {partnership} defined it</hidden>"
                        values={{
                          name: g.name,
                          partnership: i.partnership,
                          hidden: (chunks) => <VisuallyHidden>{chunks}</VisuallyHidden>,
                        }}
                      />
                    </Button>
                  </Group>
                ))}
              </Stack>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
