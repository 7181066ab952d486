import { Group, Text, ThemeIcon } from "@mantine/core";
import type { SignalsResponse } from "../../../core/assessment.js";
import type { SignalKey } from "../../../core/assessment-scoring.js";
import { organizationKindLabels } from "../../../core/vocabulary.js";
import { formatCount, formatCountOf, formatNumber, noun } from "../../../core/format.js";

const list = (kinds: string[]) =>
  kinds.map((k) => organizationKindLabels[k as keyof typeof organizationKindLabels].toLowerCase()).join(", ");

/** What the software knows for a statement, in words; "no data yet" when nothing is recorded. */
export function evidenceText(signal: SignalKey, s: SignalsResponse): string {
  switch (signal) {
    case "business_attendance_share": {
      const a = s.businessAttendanceShare;
      if (!a) return "No data yet: record attendance at full partnership meetings to see the business share.";
      const without = a.meetingsWithoutMajority
        ? ` ${formatCount(a.meetingsWithoutMajority)} of them without a business majority.`
        : " Business leaders were the majority at each.";
      return `At ${formatCountOf(a.meetings, "full partnership meeting")} in the last 12 months, ${formatNumber(a.businessShare)}% of the ${formatCountOf(a.attendees, "person", "people")} attending came from businesses.${without}`;
    }
    case "business_champions": {
      const c = s.businessChampions;
      if (!c) return "No data yet: no action teams are recorded for the current priorities.";
      return `${formatCount(c.withBusinessChampion)} of ${formatCountOf(c.teams, "action team")} for current priorities ${noun(c.withBusinessChampion, "has", "have")} a business champion.`;
    }
    case "meetings_last_12_months":
      return s.meetingsLast12Months
        ? `${formatCountOf(s.meetingsLast12Months, "full partnership or launch meeting")} recorded in the last 12 months.`
        : "No data yet: no full partnership meetings are recorded for the last 12 months.";
    case "public_partner_kinds": {
      const { present, missing } = s.publicPartnerKinds;
      if (!present.length) return "No data yet: no public partner organizations are at the table.";
      return `At the table: ${list(present)}.${missing.length ? ` Missing: ${list(missing)}.` : " Every core kind is there."}`;
    }
  }
}

export function EvidenceNote({ signal, signals }: { signal: SignalKey; signals: SignalsResponse }) {
  const text = evidenceText(signal, signals);
  const none = text.startsWith("No data yet");
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" mt="xs" className="evidence-note">
      <ThemeIcon size="sm" radius="xl" variant="light" color={none ? "gray" : "table"} aria-hidden="true">
        {none ? "–" : "✓"}
      </ThemeIcon>
      <Text size="sm">
        <Text span fw={700}>
          Evidence:{" "}
        </Text>
        {text}
      </Text>
    </Group>
  );
}
