/**
 * Demo meetings, attendance, checklist steps and timeline entries for every demo partnership:
 * pure, seeded, computed from the foundation rows so the health panel has years of history.
 */
import type {
  activity,
  meetingAttendance,
  meetingGuests,
  meetingRsvps,
  meetings,
  stageSteps,
} from "../db/schema/index.js";
import { resolveInstant, type MeetingKind } from "../core/meeting-time.js";
import { stageSteps as checklist } from "../core/stages.js";
import { stages } from "../core/vocabulary.js";
import type { DemoData } from "./generate.js";
import { idFactory, type Random } from "./random.js";

type MeetingRow = typeof meetings.$inferInsert & { id: string };
export interface MeetingsDemo {
  meetings: MeetingRow[];
  meetingAttendance: (typeof meetingAttendance.$inferInsert)[];
  meetingGuests: (typeof meetingGuests.$inferInsert)[];
  /** Answers to the invitations of the meetings still to come. */
  meetingRsvps: (typeof meetingRsvps.$inferInsert)[];
  stageSteps: (typeof stageSteps.$inferInsert)[];
  activity: (typeof activity.$inferInsert)[];
}

/** The same fixed day as the foundation's generator: the data set does not move with the clock. */
const referenceDay = Date.UTC(2026, 9, 1);
const dayMs = 86_400_000;
const yearMs = 365 * dayMs;

/** The usual zone of each state (by FIPS); a region's first county decides. */
const zoneByState: Record<string, string> = {
  "02": "America/Anchorage",
  "04": "America/Phoenix",
  "06": "America/Los_Angeles",
  "08": "America/Denver",
  "15": "Pacific/Honolulu",
  "16": "America/Boise",
  "30": "America/Denver",
  "32": "America/Los_Angeles",
  "35": "America/Denver",
  "41": "America/Los_Angeles",
  "49": "America/Denver",
  "53": "America/Los_Angeles",
  "56": "America/Denver",
};
const centralStates = new Set([
  "01",
  "05",
  "17",
  "19",
  "20",
  "22",
  "27",
  "28",
  "29",
  "31",
  "38",
  "40",
  "46",
  "47",
  "48",
  "55",
]);
function zoneFor(stateFips: string | undefined): string {
  if (!stateFips) return "America/Chicago";
  return zoneByState[stateFips] ?? (centralStates.has(stateFips) ? "America/Chicago" : "America/New_York");
}

const titles: Record<MeetingKind, string[]> = {
  launch: ["Launch meeting: what would help your business grow?"],
  full_partnership: [
    "Full partnership meeting",
    "Quarterly report-back",
    "Full partnership: progress and priorities",
  ],
  action_team: ["Action team working session", "Action team check-in"],
  support_team: ["Support team huddle", "Support team planning", "Support team: aligning our programs"],
};
const places = [
  "Community college, Room 104",
  "Chamber of Commerce boardroom",
  "Host employer's training center",
  "Public library meeting room",
];
const guestOrgs: [string, "business" | "public"][] = [
  ["Regional Chamber", "public"],
  ["State Workforce Office", "public"],
  ["Valley Supply Co.", "business"],
  ["Summit Logistics", "business"],
  ["United Way", "public"],
];

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface MeetingsDemoOptions {
  /** Large data sets (national) get a lighter history: two years of quarterly full meetings. */
  light?: boolean;
  seed: number;
}

export function generateMeetingsDemo(
  data: DemoData,
  random: Random,
  options: MeetingsDemoOptions,
): MeetingsDemo {
  const nextId = idFactory(options.seed ^ 0x0e7e1165);
  const out: MeetingsDemo = {
    meetings: [],
    meetingAttendance: [],
    meetingGuests: [],
    meetingRsvps: [],
    stageSteps: [],
    activity: [],
  };
  const orgKind = new Map(data.organizations.map((o) => [o.id, o.kind]));
  const stateOf = new Map<string, string>();
  for (const c of data.partnershipCounties)
    if (!stateOf.has(c.partnershipId)) stateOf.set(c.partnershipId, c.stateFips);
  const membersOf = new Map<string, DemoData["memberships"]>();
  for (const m of data.memberships) {
    const list = membersOf.get(m.partnershipId) ?? [];
    list.push(m);
    membersOf.set(m.partnershipId, list);
  }
  const userOfPerson = new Map(data.people.filter((p) => p.userId).map((p) => [p.id, p.userId ?? null]));

  for (const p of data.partnerships) {
    const r = random.fork(`meetings-${p.id}`);
    const members = membersOf.get(p.id) ?? [];
    const convener = members.find((m) => m.role === "convener");
    const convenerUser = convener ? (userOfPerson.get(convener.personId) ?? null) : null;
    const timeZone = zoneFor(stateOf.get(p.id));
    const created = p.createdAt instanceof Date ? p.createdAt.getTime() : referenceDay - 2 * yearMs;
    const start = Math.min(
      Math.max(created, referenceDay - 5 * yearMs),
      referenceDay - 2 * yearMs - 60 * dayMs,
    );
    const launch = p.launchDate ? Date.parse(p.launchDate) : null;
    const stageIndex = stages.indexOf(p.stage);

    // The schedule: support team every other month, the launch, full meetings each quarter after it,
    // action teams monthly once the partnership acts, and two meetings still to come.
    const plan: { kind: MeetingKind; day: number }[] = [];
    if (options.light) {
      for (let t = referenceDay - 2 * yearMs; t < referenceDay; t += 91 * dayMs)
        plan.push({ kind: "full_partnership", day: t });
    } else {
      for (let t = start; t < referenceDay; t += r.int(55, 70) * dayMs)
        plan.push({ kind: "support_team", day: t });
      if (launch) plan.push({ kind: "launch", day: launch });
      if (launch)
        for (let t = launch + 90 * dayMs; t < referenceDay; t += r.int(80, 100) * dayMs)
          plan.push({ kind: "full_partnership", day: t });
      if (launch && stageIndex >= stages.indexOf("act"))
        for (let t = launch + 60 * dayMs; t < referenceDay; t += r.int(28, 40) * dayMs)
          plan.push({ kind: "action_team", day: t });
      plan.push({
        kind: launch ? "full_partnership" : "support_team",
        day: referenceDay + r.int(70, 90) * dayMs,
      });
      plan.push({ kind: "support_team", day: referenceDay + r.int(100, 130) * dayMs });
    }

    for (const { kind, day } of plan.sort((a, b) => a.day - b.day)) {
      const startsAt = resolveInstant(
        `${isoDay(day)}T${kind === "support_team" ? "10:00" : "07:30"}`,
        timeZone,
      );
      if (!startsAt) continue;
      const held = startsAt.getTime() < referenceDay;
      const id = nextId();
      const title = r.pick(titles[kind]);
      out.meetings.push({
        id,
        partnershipId: p.id,
        kind,
        title,
        startsAt,
        endsAt: new Date(startsAt.getTime() + (kind === "launch" ? 180 : 90) * 60_000),
        timeZone,
        place: r.chance(0.8) ? r.pick(places) : "",
        link: r.chance(0.3) ? `https://meet.example.org/${id.slice(0, 8)}` : "",
        agenda:
          kind === "launch"
            ? "Welcome\nWhat would help your business grow?\nChoose priorities"
            : "Updates\nWins\nNext steps",
        notes: held ? "Good discussion; see decisions." : "",
        decisions:
          held && kind !== "support_team" ? "Keep the current priorities; report back next quarter." : "",
        nextSteps: held ? "Conveners to send a summary within a week." : "",
        createdBy: convenerUser,
        createdAt: new Date(startsAt.getTime() - 30 * dayMs),
        updatedAt: new Date(startsAt.getTime() + (held ? dayMs : -30 * dayMs)),
      });
      if (!held) {
        // About half of those a meeting still to come is for have answered its invitation. Its own
        // generator, so the rest of the data set does not shift.
        const a = random.fork(`rsvps-${id}`);
        const invited = members.filter(
          (m) => !m.leftAt && (kind !== "support_team" || m.role === "support" || m.role === "convener"),
        );
        for (const m of invited) {
          if (!a.chance(0.5)) continue;
          out.meetingRsvps.push({
            meetingId: id,
            personId: m.personId,
            answer: a.weighted([
              ["yes", 6],
              ["maybe", 2],
              ["no", 2],
            ] as const),
            answeredAt: new Date(referenceDay - a.int(1, 20) * dayMs),
          });
        }
        continue;
      }
      // Who came: members who had joined by then. About one whole-partnership meeting in six
      // draws few businesses, so the flag and the health panel have something to show.
      // Public partners formed the support team from the start; businesses come once they joined.
      const present = members.filter(
        (m) =>
          orgKind.get(m.organizationId ?? "") !== "business" ||
          (m.joinedAt instanceof Date ? m.joinedAt.getTime() : 0) <= startsAt.getTime(),
      );
      const thin = r.chance(1 / 6);
      let count = 0;
      for (const m of present) {
        const business = orgKind.get(m.organizationId ?? "") === "business";
        const p1 =
          kind === "support_team" ? (business ? 0 : 0.8) : business ? (thin ? 0.2 : 0.8) : thin ? 0.85 : 0.55;
        if (!r.chance(options.light ? p1 * 0.6 : p1)) continue;
        out.meetingAttendance.push({
          meetingId: id,
          personId: m.personId,
          sector: business ? "business" : "public",
        });
        count += 1;
      }
      for (
        let g = r.weighted([
          [0, 5],
          [1, 3],
          [2, 1],
        ] as const);
        g > 0;
        g--
      ) {
        const [organization, sector] = r.pick(guestOrgs);
        out.meetingGuests.push({
          meetingId: id,
          name: `Guest ${g} from ${organization}`,
          organization,
          sector,
        });
        count += 1;
      }
      if (!options.light) {
        out.activity.push({
          partnershipId: p.id,
          kind: "meeting.held",
          summary: `Meeting held: ${title} (${count} present)`,
          subjectType: "meeting",
          subjectId: id,
          actorPersonId: convener?.personId ?? null,
          createdAt: new Date(startsAt.getTime() + 3 * 3_600_000),
        });
      }
    }

    // The checklist: every step of the stages behind, some of the current one.
    const doneSteps = checklist.filter((s) => {
      const i = stages.indexOf(s.stage);
      return i < stageIndex || (i === stageIndex && r.chance(0.5));
    });
    const span = Math.max(1, referenceDay - start);
    doneSteps.forEach((s, i) => {
      const doneAt = new Date(start + Math.round((span * (i + 1)) / (doneSteps.length + 1)));
      out.stageSteps.push({ partnershipId: p.id, stepKey: s.key, doneAt, doneBy: convenerUser });
      if (!options.light) {
        out.activity.push({
          partnershipId: p.id,
          kind: "stage.step_done",
          summary: `Step done: ${s.label}`,
          subjectType: "stage_step",
          actorPersonId: convener?.personId ?? null,
          createdAt: doneAt,
        });
      }
    });
  }
  return out;
}
