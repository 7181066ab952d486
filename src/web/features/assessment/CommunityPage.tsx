import { Alert, Card, Grid, Group, Progress, Stack, Table, Text, Title } from "@mantine/core";
import { bandLabels, bands, MIN_RESPONDENTS } from "../../../core/assessment-scoring.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { useCommunity } from "./api.js";
import { formatCount, formatScore } from "../../../core/format.js";
import { FormattedMessage, useIntl } from "react-intl";
import { assessmentWords } from "./messages.js";

const bandColor = { not_yet: "red.8", emerging: "harvest.6", next_gen: "table.7" } as const;

export default function CommunityPage() {
  const intl = useIntl();
  const pageTitle = intl.formatMessage({
    id: "assessment.community.pageTitle",
    defaultMessage: "Self-assessment across the community",
  });
  usePageTitle(pageTitle);
  const me = useMe();
  const view = useCommunity(!!me.data?.isAdmin);
  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return (
      <SignInPrompt
        title={intl.formatMessage(assessmentWords.communityView)}
        reason={intl.formatMessage(assessmentWords.signInAsAdmin)}
      />
    );
  if (!me.data.isAdmin)
    return (
      <Alert color="gray">
        <FormattedMessage
          id="assessment.community.adminsOnly"
          defaultMessage="Only community admins see the community view."
        />
      </Alert>
    );
  if (view.isPending) return <PageSkeleton />;
  if (view.isError) return <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />;
  const v = view.data;
  const partnershipsLabel = intl.formatMessage({
    id: "assessment.community.colPartnerships",
    defaultMessage: "Partnerships",
  });
  const meanLabel = intl.formatMessage({ id: "assessment.community.colMean", defaultMessage: "Mean" });
  const medianLabel = intl.formatMessage({ id: "assessment.community.colMedian", defaultMessage: "Median" });

  return (
    <Stack gap="lg">
      <PageHeader
        title={pageTitle}
        description={intl.formatMessage(
          {
            id: "assessment.community.description",
            defaultMessage:
              "How partnerships assess themselves, to plan the Community of Practice's trainings. Each partnership counts once, by its latest closed round that {minRespondents} or more members answered. Only aggregates, and only over {minimum} or more partnerships.",
          },
          { minRespondents: MIN_RESPONDENTS, minimum: v.minimum },
        )}
      />
      <Card p="lg">
        <Text fz={40} fw={800} c="table.9" lh={1}>
          {v.partnershipsAssessed}
        </Text>
        <Text>
          <FormattedMessage
            id="assessment.community.assessedText"
            defaultMessage="{count, plural, one {partnership has} other {partnerships have}} closed a self-assessment round that {minRespondents} or more members answered"
            values={{ count: v.partnershipsAssessed, minRespondents: MIN_RESPONDENTS }}
          />
        </Text>
      </Card>
      {!v.bands || !v.characteristics ? (
        <Alert
          color="gray"
          title={intl.formatMessage({
            id: "assessment.community.notEnoughTitle",
            defaultMessage: "Not enough partnerships yet",
          })}
        >
          <FormattedMessage
            id="assessment.community.notEnoughText"
            defaultMessage="Aggregates appear once {minimum} or more partnerships have assessed themselves; fewer would reveal them."
            values={{ minimum: v.minimum }}
          />
        </Alert>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card p="lg" component="section" aria-labelledby="bands-heading" h="100%">
              <Title order={2} fz="lg" id="bands-heading" mb="md">
                <FormattedMessage id="assessment.community.bandsTitle" defaultMessage="Bands" />
              </Title>
              <Stack gap="sm">
                {bands.map((b) => (
                  <div key={b}>
                    <Group justify="space-between">
                      <Text size="sm" fw={600}>
                        {bandLabels[b]}
                      </Text>
                      <Text size="sm">
                        <FormattedMessage
                          id="assessment.community.bandCount"
                          defaultMessage="{count, number} of {total, number}"
                          values={{ count: v.bands![b], total: v.partnershipsAssessed }}
                        />
                      </Text>
                    </Group>
                    <Progress.Root aria-hidden="true">
                      <Progress.Section
                        value={(v.bands![b] / v.partnershipsAssessed) * 100}
                        color={bandColor[b]}
                      />
                    </Progress.Root>
                  </div>
                ))}
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Card p="lg" component="section" aria-labelledby="lowest-heading">
              <Title order={2} fz="lg" id="lowest-heading" mb="xs">
                <FormattedMessage
                  id="assessment.community.lowestTitle"
                  defaultMessage="Characteristics, lowest first"
                />
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                <FormattedMessage
                  id="assessment.community.lowestHelp"
                  defaultMessage="Where trainings would help most. Each partnership counts by its latest round; a characteristic one rubric version lacks counts only the partnerships that scored it."
                />
              </Text>
              <Table className="stack-on-phone">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">
                      <FormattedMessage {...assessmentWords.colCharacteristic} />
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {partnershipsLabel}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {meanLabel}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {medianLabel}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {v.characteristics.map((c) => (
                    <Table.Tr key={c.key}>
                      <Table.Th scope="row" fw={500}>
                        {c.name}
                      </Table.Th>
                      <Table.Td ta="right" data-label={partnershipsLabel}>
                        {formatCount(c.partnerships)}
                      </Table.Td>
                      <Table.Td ta="right" data-label={meanLabel}>
                        {formatScore(c.mean)}
                      </Table.Td>
                      <Table.Td ta="right" data-label={medianLabel}>
                        {formatScore(c.median)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
