import { Badge, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { TableMakeup } from "../../../core/members.js";
import { organizationKindLabels, seniorities, seniorityLabels } from "../../../core/vocabulary.js";
import { formatCountOf } from "../../../core/format.js";
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
  const orgs = makeup.businesses + makeup.publicPartners;
  const share = orgs ? Math.round((makeup.businesses / orgs) * 100) : 0;
  return (
    <Card component="section" aria-labelledby="makeup-heading">
      <Title order={2} fz="lg" id="makeup-heading" mb="md">
        The table's make-up
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat value={makeup.businesses} label="businesses" color="table.8" />
        <Stat value={makeup.publicPartners} label="public partners" color="gray.8" />
        <Stat value={makeup.businessPeople} label="business people" color="table.8" />
        <Stat value={makeup.publicPeople} label="public people" color="gray.8" />
      </SimpleGrid>

      <Text size="sm" fw={600} mt="lg" mb={6} id="share-label">
        Organizations: {share}% businesses, {orgs ? 100 - share : 0}% public partners
      </Text>
      <Progress.Root size={18} radius="xl" aria-labelledby="share-label">
        <Progress.Section value={share} color="table.7" aria-label={`Businesses ${share}%`} />
        <Progress.Section
          value={orgs ? 100 - share : 0}
          color="gray.5"
          aria-label={`Public partners ${orgs ? 100 - share : 0}%`}
        />
      </Progress.Root>
      <Text size="xs" c="dimmed" mt={6}>
        A Next Gen partnership is industry-driven: business leaders should outnumber public partners.
      </Text>

      <LeadersLine makeup={makeup} partnershipId={partnershipId} />

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" mt="lg">
        <div>
          <Text size="sm" fw={600} mb={6}>
            Public partner kinds at the table
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
              None yet.
            </Text>
          )}
        </div>
        <div>
          <Text size="sm" fw={600} mb={6}>
            Missing core kinds
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
              Every core kind of public partner is at the table.
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
  const benchmark = useLeadersBenchmark(partnershipId, makeup.businessPeople > 0);
  if (makeup.businessPeople === 0) return null;
  const b = benchmark.data;
  const counted = seniorities.filter((s) => makeup.businessSeniority[s] > 0);
  const influential = makeup.businessSeniority.owner_ceo + makeup.businessSeniority.executive;
  return (
    <Stack gap={4} mt="lg">
      <Text size="sm" fw={600}>
        Influential leaders: {influential} of {makeup.businessPeople} business{" "}
        {makeup.businessPeople === 1
          ? "person is an owner, CEO or executive"
          : "people are owners, CEOs or executives"}
      </Text>
      <Text size="xs" c="dimmed">
        {counted.length
          ? counted.map((s) => `${seniorityLabels[s]}: ${makeup.businessSeniority[s]}`).join(" · ")
          : "No seniority recorded yet."}
        {makeup.businessSeniority.unknown > 0 && counted.length
          ? ` · Not said: ${makeup.businessSeniority.unknown}`
          : ""}
      </Text>
      {b && (
        <Text size="xs" c="dimmed" data-testid="leaders-benchmark">
          {b.suppressed || b.median === null || b.q1 === null || b.q3 === null
            ? "Fewer than 5 other partnerships record seniority: no comparison yet."
            : `Peers (${b.groupLabel ?? ""}, ${formatCountOf(b.peers, "partnership")}): ` +
              `median ${pct(b.median)} owners, CEOs or executives; the middle half ${pct(b.q1)} to ${pct(b.q3)}.`}
        </Text>
      )}
    </Stack>
  );
}
