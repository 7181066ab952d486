import { Badge, Card, Group, Progress, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import type { HealthYear } from "../../../core/health.js";
import type { PartnershipDetail } from "../../../core/partnerships.js";
import { formatCount, formatShare } from "../../../core/format.js";
import { organizationKindLabels } from "../../../core/vocabulary.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { MemberGate } from "../meetings/MemberGate.js";
import { useHealth } from "./api.js";

const words = defineMessages({
  title: { id: "health.page.title", defaultMessage: "Health" },
  businessShare: { id: "health.table.businessShare", defaultMessage: "Business share of attendance" },
});

function ShareCell({ value, good = 0.5 }: { value: number | null; good?: number }) {
  if (value === null) return <Text c="dimmed">–</Text>;
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={value * 100} color={value > good ? "table.7" : "red.7"} size="md" w={80} aria-hidden />
      <Text size="sm" fw={600} c={value > good ? "table.9" : "red.9"}>
        {formatShare(value)}
      </Text>
    </Group>
  );
}

function Stat({
  label,
  value,
  note,
  tone,
}: {
  label: string;
  value: string;
  note: string;
  tone?: "good" | "bad";
}) {
  return (
    <Card withBorder padding="md">
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" lts={0.5}>
        {label}
      </Text>
      <Text fz={30} fw={800} lh={1.2} c={tone === "bad" ? "red.8" : tone === "good" ? "table.8" : "gray.9"}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {note}
      </Text>
    </Card>
  );
}

function Headline({ y }: { y: HealthYear }) {
  const intl = useIntl();
  const share = y.attendance.businessShare;
  const led = y.actionTeams.businessLedShare;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
      <Stat
        label={intl.formatMessage(
          { id: "health.headline.shareLabel", defaultMessage: "Business share of attendance, {year}" },
          { year: String(y.year) },
        )}
        value={formatShare(share)}
        note={intl.formatMessage(
          { id: "health.headline.shareNote", defaultMessage: "{business} business, {public} public" },
          { business: formatCount(y.attendance.business), public: formatCount(y.attendance.public) },
        )}
        tone={share === null ? undefined : share > 0.5 ? "good" : "bad"}
      />
      <Stat
        label={intl.formatMessage({
          id: "health.headline.ledLabel",
          defaultMessage: "Action teams led by business",
        })}
        value={formatShare(led)}
        note={intl.formatMessage(
          {
            id: "health.headline.ledNote",
            defaultMessage: "{led} of {total, plural, one {# team} other {# teams}}",
          },
          { led: formatCount(y.actionTeams.ledByBusiness), total: y.actionTeams.total },
        )}
        tone={led === null ? undefined : led === 1 ? "good" : "bad"}
      />
      <Stat
        label={intl.formatMessage(
          { id: "health.headline.meetingsLabel", defaultMessage: "Meetings held, {year}" },
          { year: String(y.year) },
        )}
        value={formatCount(y.meetings)}
        note={
          y.meetingsWithoutBusinessMajority
            ? intl.formatMessage(
                { id: "health.headline.meetingsNote", defaultMessage: "{count} without a business majority" },
                { count: y.meetingsWithoutBusinessMajority },
              )
            : intl.formatMessage({
                id: "health.headline.meetingsAllNote",
                defaultMessage: "all with a business majority",
              })
        }
        tone={y.meetingsWithoutBusinessMajority ? "bad" : undefined}
      />
      <Stat
        label={intl.formatMessage({
          id: "health.headline.retainedLabel",
          defaultMessage: "Business members retained",
        })}
        value={formatShare(y.businessMembers.retentionRate)}
        note={intl.formatMessage(
          { id: "health.headline.retainedNote", defaultMessage: "{added} added this year, {now} now" },
          { added: formatCount(y.businessMembers.added), now: formatCount(y.businessMembers.atEnd) },
        )}
      />
    </SimpleGrid>
  );
}

function HealthView({ p }: { p: PartnershipDetail }) {
  const intl = useIntl();
  const health = useHealth(p.id);
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(words.title)}
        description={intl.formatMessage({
          id: "health.page.description",
          defaultMessage:
            "Is the partnership business-led, community-supported and sustained over time? Counted from its meetings, members and action teams.",
        })}
      />
      {health.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({
            id: "health.page.loading",
            defaultMessage: "Loading the health panel",
          })}
        />
      ) : health.isError ? (
        <ErrorAlert error={health.error} onRetry={() => void health.refetch()} />
      ) : health.data.years.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage
            id="health.page.empty"
            defaultMessage="Nothing to count yet: hold a meeting and record who came."
          />
        </Text>
      ) : (
        <>
          <Headline y={health.data.years[health.data.years.length - 1]} />
          <Card component="section" aria-labelledby="years-heading">
            <Title order={2} fz="lg" id="years-heading" mb="sm">
              <FormattedMessage id="health.table.title" defaultMessage="Year by year" />
            </Title>
            <Table.ScrollContainer minWidth={860}>
              <Table striped verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">
                      <FormattedMessage id="health.table.year" defaultMessage="Year" />
                    </Table.Th>
                    <Table.Th scope="col">
                      <FormattedMessage id="health.table.meetings" defaultMessage="Meetings" />
                    </Table.Th>
                    <Table.Th scope="col">
                      <FormattedMessage {...words.businessShare} />
                    </Table.Th>
                    <Table.Th scope="col">
                      <FormattedMessage id="health.table.teamsLed" defaultMessage="Teams led by business" />
                    </Table.Th>
                    <Table.Th scope="col">
                      <FormattedMessage
                        id="health.table.businessMembers"
                        defaultMessage="Business members (start → end)"
                      />
                    </Table.Th>
                    <Table.Th scope="col">
                      <FormattedMessage id="health.table.retained" defaultMessage="Retained" />
                    </Table.Th>
                    <Table.Th scope="col">
                      <FormattedMessage
                        id="health.table.publicPartners"
                        defaultMessage="Public partners engaged"
                      />
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...health.data.years].reverse().map((y) => (
                    <Table.Tr key={y.year}>
                      <Table.Th scope="row">{y.year}</Table.Th>
                      <Table.Td>
                        {y.meetings}
                        {y.meetingsWithoutBusinessMajority > 0 && (
                          <Text size="xs" c="red.9">
                            <FormattedMessage
                              id="health.table.withoutMajority"
                              defaultMessage="{count} without business majority"
                              values={{ count: y.meetingsWithoutBusinessMajority }}
                            />
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <ShareCell value={y.attendance.businessShare} />
                      </Table.Td>
                      <Table.Td>
                        <ShareCell value={y.actionTeams.businessLedShare} good={0.99} />
                      </Table.Td>
                      <Table.Td>
                        {y.businessMembers.atStart} → {y.businessMembers.atEnd}
                        <Text size="xs" c="dimmed">
                          <FormattedMessage
                            id="health.table.added"
                            defaultMessage="+{count} added"
                            values={{ count: y.businessMembers.added }}
                          />
                        </Text>
                      </Table.Td>
                      <Table.Td>{formatShare(y.businessMembers.retentionRate)}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {y.publicKinds.map((k) => (
                            <Badge
                              key={k}
                              variant="light"
                              color="gray"
                              c="gray.9"
                              radius="sm"
                              tt="none"
                              size="sm"
                            >
                              {organizationKindLabels[k]}
                            </Badge>
                          ))}
                        </Group>
                        {y.missingPublicKinds.length > 0 && (
                          <Text size="xs" c="dimmed" mt={2}>
                            <FormattedMessage
                              id="health.table.missing"
                              defaultMessage="Missing: {kinds}"
                              values={{
                                kinds: y.missingPublicKinds.map((k) => organizationKindLabels[k]).join(", "),
                              }}
                            />
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </>
      )}
    </Stack>
  );
}

export default function HealthPage() {
  const intl = useIntl();
  return <MemberGate what={intl.formatMessage(words.title)}>{(p) => <HealthView p={p} />}</MemberGate>;
}
