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

const bandColor = { not_yet: "red.8", emerging: "harvest.6", next_gen: "table.7" } as const;

export default function CommunityPage() {
  usePageTitle("Self-assessment across the community");
  const me = useMe();
  const view = useCommunity(!!me.data?.isAdmin);
  if (me.isPending) return <PageSkeleton />;
  if (!me.data) return <SignInPrompt title="Community view" reason="Sign in as a community admin." />;
  if (!me.data.isAdmin) return <Alert color="gray">Only community admins see the community view.</Alert>;
  if (view.isPending) return <PageSkeleton />;
  if (view.isError) return <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />;
  const v = view.data;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Self-assessment across the community"
        description={`How partnerships assess themselves, to plan the Community of Practice's trainings. Each partnership counts once, by its latest closed round that ${MIN_RESPONDENTS} or more members answered. Only aggregates, and only over ${v.minimum} or more partnerships.`}
      />
      <Card p="lg">
        <Text fz={40} fw={800} c="table.9" lh={1}>
          {v.partnershipsAssessed}
        </Text>
        <Text>
          partnerships have closed a self-assessment round that {MIN_RESPONDENTS} or more members answered
        </Text>
      </Card>
      {!v.bands || !v.characteristics ? (
        <Alert color="gray" title="Not enough partnerships yet">
          Aggregates appear once {v.minimum} or more partnerships have assessed themselves; fewer would reveal
          them.
        </Alert>
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card p="lg" component="section" aria-labelledby="bands-heading" h="100%">
              <Title order={2} fz="lg" id="bands-heading" mb="md">
                Bands
              </Title>
              <Stack gap="sm">
                {bands.map((b) => (
                  <div key={b}>
                    <Group justify="space-between">
                      <Text size="sm" fw={600}>
                        {bandLabels[b]}
                      </Text>
                      <Text size="sm">
                        {v.bands![b]} of {v.partnershipsAssessed}
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
                Characteristics, lowest first
              </Title>
              <Text size="sm" c="dimmed" mb="sm">
                Where trainings would help most. Each partnership counts by its latest round; a characteristic
                one rubric version lacks counts only the partnerships that scored it.
              </Text>
              <Table className="stack-on-phone">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Characteristic</Table.Th>
                    <Table.Th scope="col" ta="right">
                      Partnerships
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      Mean
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      Median
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {v.characteristics.map((c) => (
                    <Table.Tr key={c.key}>
                      <Table.Th scope="row" fw={500}>
                        {c.name}
                      </Table.Th>
                      <Table.Td ta="right" data-label="Partnerships">
                        {formatCount(c.partnerships)}
                      </Table.Td>
                      <Table.Td ta="right" data-label="Mean">
                        {formatScore(c.mean)}
                      </Table.Td>
                      <Table.Td ta="right" data-label="Median">
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
