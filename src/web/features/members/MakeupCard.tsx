import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import type { TableMakeup } from "../../../core/members.js";
import { organizationKindLabels, seniorities, seniorityLabels } from "../../../core/vocabulary.js";
import { useLeadersBenchmark } from "./api.js";

const pct = (share: number) => `${Math.round(share * 100)}%`;

function Stat({ value, label, color }: { value: number; label: string; color: string }) {
  return (
    <Stack gap={0} className="stat-box">
      <Text fz={30} fw={800} c={color} lh={1.1}>
        {value}
      </Text>
      <Text size="sm">{label}</Text>
    </Stack>
  );
}

/** Who is at the table: business leaders should lead; public partners of every core kind support. */
export function MakeupCard({ makeup, partnershipId }: { makeup: TableMakeup; partnershipId: string }) {
  const intl = useIntl();
  const orgs = makeup.businesses + makeup.publicPartners;
  const share = orgs ? Math.round((makeup.businesses / orgs) * 100) : 0;
  return (
    <Card component="section" aria-labelledby="makeup-heading">
      <Title order={2} fz="lg" id="makeup-heading" mb="md">
        <FormattedMessage id="members.makeup.title" defaultMessage="The table's make-up" />
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat
          value={makeup.businesses}
          label={intl.formatMessage({ id: "members.makeup.businesses", defaultMessage: "businesses" })}
          color="table.8"
        />
        <Stat
          value={makeup.publicPartners}
          label={intl.formatMessage({
            id: "members.makeup.publicPartners",
            defaultMessage: "public partners",
          })}
          color="gray.8"
        />
        <Stat
          value={makeup.businessPeople}
          label={intl.formatMessage({
            id: "members.makeup.businessPeople",
            defaultMessage: "business people",
          })}
          color="table.8"
        />
        <Stat
          value={makeup.publicPeople}
          label={intl.formatMessage({ id: "members.makeup.publicPeople", defaultMessage: "public people" })}
          color="gray.8"
        />
      </SimpleGrid>

      <Text size="sm" fw={600} mt="lg" mb={6} id="share-label">
        <FormattedMessage
          id="members.makeup.shareLine"
          defaultMessage="Organizations: {business}% businesses, {public}% public partners"
          values={{ business: share, public: orgs ? 100 - share : 0 }}
        />
      </Text>
      <Progress.Root size={18} radius="xl" aria-labelledby="share-label">
        <Progress.Section
          value={share}
          color="table.7"
          aria-label={intl.formatMessage(
            { id: "members.makeup.businessShareLabel", defaultMessage: "Businesses {share}%" },
            { share },
          )}
        />
        <Progress.Section
          value={orgs ? 100 - share : 0}
          color="gray.5"
          aria-label={intl.formatMessage(
            { id: "members.makeup.publicShareLabel", defaultMessage: "Public partners {share}%" },
            { share: orgs ? 100 - share : 0 },
          )}
        />
      </Progress.Root>
      <Text size="xs" c="dimmed" mt={6}>
        <FormattedMessage
          id="members.makeup.ruleNote"
          defaultMessage="A Next Gen partnership is industry-driven: business leaders should outnumber public partners."
        />
      </Text>

      <LeadersLine makeup={makeup} partnershipId={partnershipId} />

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" mt="lg">
        <div>
          <Text size="sm" fw={600} mb={6}>
            <FormattedMessage
              id="members.makeup.kindsPresent"
              defaultMessage="Public partner kinds at the table"
            />
          </Text>
          {makeup.kindsPresent.length ? (
            <Group gap={6}>
              {makeup.kindsPresent.map((k) => (
                <Badge key={k} color="table" variant="light" tt="none" radius="sm">
                  {organizationKindLabels[k]}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              <FormattedMessage id="members.makeup.kindsNone" defaultMessage="None yet." />
            </Text>
          )}
        </div>
        <div>
          <Text size="sm" fw={600} mb={6}>
            <FormattedMessage id="members.makeup.kindsMissing" defaultMessage="Missing core kinds" />
          </Text>
          {makeup.kindsMissing.length ? (
            <Group gap={6}>
              {makeup.kindsMissing.map((k) => (
                <Badge key={k} color="harvest" variant="outline" c="harvest.9" tt="none" radius="sm">
                  {organizationKindLabels[k]}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="table.8" fw={600}>
              <FormattedMessage
                id="members.makeup.kindsComplete"
                defaultMessage="Every core kind of public partner is at the table."
              />
            </Text>
          )}
        </div>
      </SimpleGrid>
    </Card>
  );
}

/**
 * Next Gen indicator 2: led by influential business leaders. Counts by seniority, never names,
 * so the card can sit on pages any member reads.
 */
function LeadersLine({ makeup, partnershipId }: { makeup: TableMakeup; partnershipId: string }) {
  const intl = useIntl();
  const benchmark = useLeadersBenchmark(partnershipId, makeup.businessPeople > 0);
  if (makeup.businessPeople === 0) return null;
  const b = benchmark.data;
  const counted = seniorities.filter((s) => makeup.businessSeniority[s] > 0);
  const influential = makeup.businessSeniority.owner_ceo + makeup.businessSeniority.executive;
  return (
    <Stack gap={4} mt="lg">
      <Text size="sm" fw={600}>
        <FormattedMessage
          id="members.makeup.leaders"
          defaultMessage="Influential leaders: {influential} of {total, plural, one {# business person is an owner, CEO or executive} other {# business people are owners, CEOs or executives}}"
          values={{ influential, total: makeup.businessPeople }}
        />
      </Text>
      <Text size="xs" c="dimmed">
        {counted.length
          ? counted.map((s) => `${seniorityLabels[s]}: ${makeup.businessSeniority[s]}`).join(" · ")
          : intl.formatMessage({
              id: "members.makeup.noSeniority",
              defaultMessage: "No seniority recorded yet.",
            })}
        {makeup.businessSeniority.unknown > 0 && counted.length
          ? ` · ${intl.formatMessage(
              { id: "members.makeup.seniorityNotSaid", defaultMessage: "Not said: {count}" },
              { count: makeup.businessSeniority.unknown },
            )}`
          : ""}
      </Text>
      {b && (
        <Text size="xs" c="dimmed" data-testid="leaders-benchmark">
          {b.suppressed || b.median === null || b.q1 === null || b.q3 === null
            ? intl.formatMessage({
                id: "members.makeup.benchmarkSuppressed",
                defaultMessage: "Fewer than 5 other partnerships record seniority: no comparison yet.",
              })
            : intl.formatMessage(
                {
                  id: "members.makeup.benchmark",
                  defaultMessage:
                    "Peers ({group}, {peers, plural, one {# partnership} other {# partnerships}}): median {median} owners, CEOs or executives; the middle half {q1} to {q3}.",
                },
                {
                  group: b.groupLabel ?? "",
                  peers: b.peers,
                  median: pct(b.median),
                  q1: pct(b.q1),
                  q3: pct(b.q3),
                },
              )}
        </Text>
      )}
    </Stack>
  );
}
