import { Group, Text, ThemeIcon } from "@mantine/core";
import type { SignalsResponse } from "../../../core/assessment.js";
import type { SignalKey } from "../../../core/assessment-scoring.js";
import { organizationKindLabels, themeLabels } from "../../../core/vocabulary.js";
import { formatDate } from "../../lib/format.js";
import { formatNumber } from "../../../core/format.js";
import { FormattedMessage, useIntl, type IntlShape } from "react-intl";

const list = (kinds: string[]) =>
  kinds.map((k) => organizationKindLabels[k as keyof typeof organizationKindLabels].toLowerCase()).join(", ");

/** What the software knows for a statement, in words; `none` when nothing is recorded ("no data yet"). */
export function evidenceText(
  intl: IntlShape,
  signal: SignalKey,
  s: SignalsResponse,
): { text: string; none: boolean } {
  const some = (text: string) => ({ text, none: false });
  const none = (text: string) => ({ text, none: true });
  switch (signal) {
    case "business_attendance_share": {
      const a = s.businessAttendanceShare;
      if (!a)
        return none(
          intl.formatMessage({
            id: "assessment.evidence.attendance.none",
            defaultMessage:
              "No data yet: record attendance at full partnership meetings to see the business share.",
          }),
        );
      const values = { meetings: a.meetings, share: formatNumber(a.businessShare), attendees: a.attendees };
      return some(
        a.meetingsWithoutMajority
          ? intl.formatMessage(
              {
                id: "assessment.evidence.attendance.withoutMajority",
                defaultMessage:
                  "At {meetings, plural, one {# full partnership meeting} other {# full partnership meetings}} in the last 12 months, {share}% of the {attendees, plural, one {# person} other {# people}} attending came from businesses. {without, number} of them without a business majority.",
              },
              { ...values, without: a.meetingsWithoutMajority },
            )
          : intl.formatMessage(
              {
                id: "assessment.evidence.attendance.majorityAtEach",
                defaultMessage:
                  "At {meetings, plural, one {# full partnership meeting} other {# full partnership meetings}} in the last 12 months, {share}% of the {attendees, plural, one {# person} other {# people}} attending came from businesses. Business leaders were the majority at each.",
              },
              values,
            ),
      );
    }
    case "business_champions": {
      const c = s.businessChampions;
      if (!c)
        return none(
          intl.formatMessage({
            id: "assessment.evidence.champions.none",
            defaultMessage: "No data yet: no action teams are recorded for the current priorities.",
          }),
        );
      return some(
        intl.formatMessage(
          {
            id: "assessment.evidence.champions.text",
            defaultMessage:
              "{withChampion, number} of {teams, plural, one {# action team} other {# action teams}} for current priorities {withChampion, plural, one {has} other {have}} a business champion.",
          },
          { withChampion: c.withBusinessChampion, teams: c.teams },
        ),
      );
    }
    case "meetings_last_12_months":
      return s.meetingsLast12Months
        ? some(
            intl.formatMessage(
              {
                id: "assessment.evidence.meetings.text",
                defaultMessage:
                  "{count, plural, one {# full partnership or launch meeting} other {# full partnership or launch meetings}} recorded in the last 12 months.",
              },
              { count: s.meetingsLast12Months },
            ),
          )
        : none(
            intl.formatMessage({
              id: "assessment.evidence.meetings.none",
              defaultMessage:
                "No data yet: no full partnership meetings are recorded for the last 12 months.",
            }),
          );
    case "public_partner_kinds": {
      const { present, missing } = s.publicPartnerKinds;
      if (!present.length)
        return none(
          intl.formatMessage({
            id: "assessment.evidence.publicKinds.none",
            defaultMessage: "No data yet: no public partner organizations are at the table.",
          }),
        );
      return some(
        missing.length
          ? intl.formatMessage(
              {
                id: "assessment.evidence.publicKinds.missing",
                defaultMessage: "At the table: {present}. Missing: {missing}.",
              },
              { present: list(present), missing: list(missing) },
            )
          : intl.formatMessage(
              {
                id: "assessment.evidence.publicKinds.all",
                defaultMessage: "At the table: {present}. Every core kind is there.",
              },
              { present: list(present) },
            ),
      );
    }
    case "business_seniority": {
      const b = s.businessSeniority;
      if (!b)
        return none(
          intl.formatMessage({
            id: "assessment.evidence.seniority.none",
            defaultMessage: "No data yet: record the seniority of business members on the members page.",
          }),
        );
      return some(
        b.recorded < b.businessPeople
          ? intl.formatMessage(
              {
                id: "assessment.evidence.seniority.partly",
                defaultMessage:
                  "Seniority is recorded for {recorded, number} of {people, plural, one {# business person} other {# business people}}; {leaders, plural, one {# is an owner, CEO or executive} other {# are owners, CEOs or executives}}.",
              },
              { recorded: b.recorded, people: b.businessPeople, leaders: b.influential },
            )
          : intl.formatMessage(
              {
                id: "assessment.evidence.seniority.all",
                defaultMessage:
                  "Of {people, plural, one {# business person} other {# business people}} at the table, {leaders, plural, one {# is an owner, CEO or executive} other {# are owners, CEOs or executives}}.",
              },
              { people: b.businessPeople, leaders: b.influential },
            ),
      );
    }
    case "priorities_beyond_workforce": {
      const p = s.prioritiesBeyondWorkforce;
      if (!p)
        return none(
          intl.formatMessage({
            id: "assessment.evidence.beyondWorkforce.none",
            defaultMessage: "No data yet: no current priorities are recorded.",
          }),
        );
      const untagged = p.active - p.withTheme;
      const main = p.beyondWorkforce
        ? intl.formatMessage(
            {
              id: "assessment.evidence.beyondWorkforce.some",
              defaultMessage:
                "{beyond, number} of {active, plural, one {# current priority} other {# current priorities}} {beyond, plural, one {goes} other {go}} beyond workforce: {themes}.",
            },
            {
              beyond: p.beyondWorkforce,
              active: p.active,
              themes: p.themes.map((t) => themeLabels[t].toLowerCase()).join(", "),
            },
          )
        : intl.formatMessage(
            {
              id: "assessment.evidence.beyondWorkforce.noneBeyond",
              defaultMessage:
                "None of the {active, plural, one {# current priority} other {# current priorities}} goes beyond workforce yet.",
            },
            { active: p.active },
          );
      // A second sentence of its own, after the first.
      const note = untagged
        ? ` ${intl.formatMessage(
            {
              id: "assessment.evidence.beyondWorkforce.untagged",
              defaultMessage: "{count, plural, one {# priority has} other {# priorities have}} no theme yet.",
            },
            { count: untagged },
          )}`
        : "";
      return some(`${main}${note}`);
    }
    case "action_plan_updated": {
      const a = s.actionPlanUpdated;
      if (!a)
        return none(
          intl.formatMessage({
            id: "assessment.evidence.actionPlan.none",
            defaultMessage: "No data yet: the action plan has no priorities or actions.",
          }),
        );
      const date = formatDate(a.at);
      if (a.daysAgo === 0)
        return some(
          intl.formatMessage(
            {
              id: "assessment.evidence.actionPlan.today",
              defaultMessage: "The action plan last changed today, on {date}, within the last 60 days.",
            },
            { date },
          ),
        );
      return some(
        a.daysAgo > 60
          ? intl.formatMessage(
              {
                id: "assessment.evidence.actionPlan.old",
                defaultMessage:
                  "The action plan last changed {days, plural, one {# day} other {# days}} ago, on {date}: more than 60 days ago.",
              },
              { days: a.daysAgo, date },
            )
          : intl.formatMessage(
              {
                id: "assessment.evidence.actionPlan.recent",
                defaultMessage:
                  "The action plan last changed {days, plural, one {# day} other {# days}} ago, on {date}, within the last 60 days.",
              },
              { days: a.daysAgo, date },
            ),
      );
    }
    case "regional_economy": {
      const r = s.regionalEconomy;
      if (!r)
        return none(
          intl.formatMessage({
            id: "assessment.evidence.region.none",
            defaultMessage: "No data yet: the partnership's counties are not recorded.",
          }),
        );
      return some(
        intl.formatMessage(
          {
            id: "assessment.evidence.region.text",
            defaultMessage:
              "The region: {counties, plural, one {# county} other {# counties}} in {states, plural, one {# state} other {# states}}{hasAreas, select, yes {, in {areas, plural, one {# commuting area} other {# commuting areas}}} other {}}, {industries, plural, one {# industry} other {# industries}} chosen; {hasData, select, yes {the regional economy panel shows BLS QCEW {dataYear} for it} other {no regional economy data for these counties yet}}.",
          },
          {
            counties: r.counties,
            states: r.states,
            hasAreas: r.commutingAreas ? "yes" : "no",
            areas: r.commutingAreas,
            industries: r.industries,
            hasData: r.dataYear ? "yes" : "no",
            dataYear: String(r.dataYear ?? ""),
          },
        ),
      );
    }
  }
}

export function EvidenceNote({ signal, signals }: { signal: SignalKey; signals: SignalsResponse }) {
  const intl = useIntl();
  const { text, none } = evidenceText(intl, signal, signals);
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" mt="xs" className="evidence-note">
      <ThemeIcon size="sm" radius="xl" variant="light" color={none ? "gray" : "table"} aria-hidden="true">
        {none ? "–" : "✓"}
      </ThemeIcon>
      <Text size="sm">
        <Text span fw={700}>
          <FormattedMessage id="assessment.evidence.label" defaultMessage="Evidence:" />{" "}
        </Text>
        {text}
      </Text>
    </Group>
  );
}
