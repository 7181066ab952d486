import { Group, Text, ThemeIcon } from "@mantine/core";
import type { SignalsResponse } from "../../../core/assessment.js";
import type { SignalKey } from "../../../core/assessment-scoring.js";
import { organizationKindLabels, themeLabels } from "../../../core/vocabulary.js";
import { formatDate } from "../../lib/format.js";
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
    case "business_seniority": {
      const b = s.businessSeniority;
      if (!b) return "No data yet: record the seniority of business members on the members page.";
      const leaders = `${formatCount(b.influential)} ${noun(b.influential, "is an owner, CEO or executive", "are owners, CEOs or executives")}`;
      return b.recorded < b.businessPeople
        ? `Seniority is recorded for ${formatCount(b.recorded)} of ${formatCountOf(b.businessPeople, "business person", "business people")}; ${leaders}.`
        : `Of ${formatCountOf(b.businessPeople, "business person", "business people")} at the table, ${leaders}.`;
    }
    case "priorities_beyond_workforce": {
      const p = s.prioritiesBeyondWorkforce;
      if (!p) return "No data yet: no current priorities are recorded.";
      const untagged = p.active - p.withTheme;
      const note = untagged
        ? ` ${formatCountOf(untagged, "priority has", "priorities have")} no theme yet.`
        : "";
      return p.beyondWorkforce
        ? `${formatCount(p.beyondWorkforce)} of ${formatCountOf(p.active, "current priority", "current priorities")} ${noun(p.beyondWorkforce, "goes", "go")} beyond workforce: ${p.themes.map((t) => themeLabels[t].toLowerCase()).join(", ")}.${note}`
        : `None of the ${formatCountOf(p.active, "current priority", "current priorities")} goes beyond workforce yet.${note}`;
    }
    case "action_plan_updated": {
      const a = s.actionPlanUpdated;
      if (!a) return "No data yet: the action plan has no priorities or actions.";
      const when = a.daysAgo === 0 ? "today" : `${formatCountOf(a.daysAgo, "day")} ago`;
      return `The action plan last changed ${when}, on ${formatDate(a.at)}${a.daysAgo > 60 ? ": more than 60 days ago." : ", within the last 60 days."}`;
    }
    case "regional_economy": {
      const r = s.regionalEconomy;
      if (!r) return "No data yet: the partnership's counties are not recorded.";
      const areas = r.commutingAreas ? `, in ${formatCountOf(r.commutingAreas, "commuting area")}` : "";
      const data = r.dataYear
        ? `the regional economy panel shows BLS QCEW ${r.dataYear} for it`
        : "no regional economy data for these counties yet";
      return `The region: ${formatCountOf(r.counties, "county", "counties")} in ${formatCountOf(r.states, "state")}${areas}, ${formatCountOf(r.industries, "industry", "industries")} chosen; ${data}.`;
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
