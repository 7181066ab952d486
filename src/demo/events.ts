/**
 * Demo events of the Community of Practice: past ones with recordings and materials, upcoming
 * ones with registrations, and one full event with a waitlist. Pure and seeded. Past events are
 * counted back from the foundation's fixed reference day; upcoming ones forward from `today`
 * (as the agenda demo does), so they are still ahead whenever the demo is loaded.
 */
import type { eventMaterials, eventRegistrations, events, users } from "../db/schema/index.js";
import type { EventAudience, EventKind } from "../core/event-vocabulary.js";
import { resolveInstant } from "../core/meeting-time.js";
import type { DemoData } from "./generate.js";
import { idFactory, type Random } from "./random.js";

type EventRow = typeof events.$inferInsert & { id: string };
export interface EventsDemo {
  /** Fictional practitioners' accounts who registered (the demo has few accounts of its own). */
  users: (typeof users.$inferInsert & { id: string })[];
  events: EventRow[];
  eventRegistrations: (typeof eventRegistrations.$inferInsert)[];
  eventMaterials: (typeof eventMaterials.$inferInsert)[];
}

const referenceDay = Date.UTC(2026, 9, 1);
/** Accounts made for registrations: enough for the largest demo event. */
const ATTENDEES = 40;
const dayMs = 86_400_000;

interface Plan {
  title: string;
  kind: EventKind;
  /** Days from the reference day (past, negative) or from today (upcoming, positive). */
  day: number;
  start: string;
  hours: number;
  timeZone: string;
  capacity: number | null;
  audience: EventAudience[];
  place?: string;
  description: string;
  /** How many people register; more than the capacity makes a waitlist. */
  registrations: number;
}

const past: Plan[] = [
  {
    title: "Launch meetings that business leaders want to attend",
    kind: "webinar",
    day: -21,
    start: "11:00",
    hours: 1,
    timeZone: "America/Chicago",
    capacity: null,
    audience: ["convener", "support_partner"],
    description:
      "Three conveners walk through their launch invitations, agendas and the first hour of the room.\n\n- Inviting by the business voice, not the agency's\n- Asking *what would help your business grow?*\n- Leaving with action teams, not a to-do list for public partners",
    registrations: 24,
  },
  {
    title: "Peer exchange: keeping action teams moving after month three",
    kind: "peer_exchange",
    day: -48,
    start: "13:00",
    hours: 1.5,
    timeZone: "America/Denver",
    capacity: 30,
    audience: ["convener", "business_leader"],
    description:
      "An open conversation among partnerships two years in: champions who step up, cadence of meetings, and what to do when an action team stalls.",
    registrations: 18,
  },
  {
    title: "Regional convening: Next Gen partnerships of the Mountain West",
    kind: "convening",
    day: -95,
    start: "09:00",
    hours: 7,
    timeZone: "America/Denver",
    capacity: 120,
    audience: ["convener", "business_leader", "support_partner"],
    place: "Community College of Denver, Confluence Building",
    description:
      "A day together for partnerships of Colorado, Utah, Wyoming and New Mexico: peer sessions by industry, a business-leader panel and state updates.",
    registrations: 40,
  },
];

const upcoming: Plan[] = [
  {
    title: "Training: facilitating a business-led launch",
    kind: "training",
    day: 9,
    start: "10:00",
    hours: 2,
    timeZone: "America/New_York",
    capacity: 40,
    audience: ["convener"],
    description:
      "A hands-on training for new conveners: preparing business champions, running the launch agenda, and the role of public partners (listen first).",
    registrations: 12,
  },
  {
    title: "Peer exchange: health care partnerships",
    kind: "peer_exchange",
    day: 16,
    start: "12:00",
    hours: 1,
    timeZone: "America/Chicago",
    capacity: 6,
    audience: ["convener", "business_leader"],
    description:
      "A small-group exchange among health care partnerships on nursing pipelines, clinical placements and retention. Kept small on purpose: when it is full, join the waitlist.",
    registrations: 9,
  },
  {
    title: "Webinar: measuring impact that business leaders care about",
    kind: "webinar",
    day: 23,
    start: "14:00",
    hours: 1,
    timeZone: "America/Denver",
    capacity: null,
    audience: ["convener", "business_leader", "support_partner"],
    description:
      "Which numbers to track from the first year on, how to tell the story in the partnership's own words, and how support partners can help without taking over.",
    registrations: 20,
  },
  {
    title: "National Next Gen convening",
    kind: "convening",
    day: 58,
    start: "08:30",
    hours: 8,
    timeZone: "America/Chicago",
    capacity: 250,
    audience: ["convener", "business_leader", "support_partner"],
    place: "Kansas City Convention Center",
    description:
      "The yearly gathering of the Community of Practice: partnerships from every state, industry tracks, and the business leaders who chair them.",
    registrations: 30,
  },
];

function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function generateEventsDemo(
  data: DemoData,
  random: Random,
  options: { seed: number; today: string },
): EventsDemo {
  const nextId = idFactory(options.seed ^ 0x0e7e7e5);
  const out: EventsDemo = { users: [], events: [], eventRegistrations: [], eventMaterials: [] };
  const admin = data.users.find((u) => u.isAdmin);
  // People who register: accounts for generated practitioners, never the demo sign-ins, so a
  // visitor signed in as one of those can register themselves.
  const practitioners = data.people.filter((p) => !p.userId).slice(0, ATTENDEES);
  out.users = practitioners.map((p, i) => ({
    id: nextId(),
    email: `attendee${i + 1}@events.demo.sharedtable.org`,
    name: p.name,
    passwordHash: data.users[0]?.passwordHash ?? "",
    isAdmin: false,
  }));
  const pool = out.users;
  const todayMs = Date.parse(`${options.today}T00:00:00Z`);

  const add = (plan: Plan, base: number, isPast: boolean) => {
    const day = isoDay(base + plan.day * dayMs);
    const startsAt = resolveInstant(`${day}T${plan.start}`, plan.timeZone) ?? new Date(base);
    const endsAt = new Date(startsAt.getTime() + plan.hours * 3_600_000);
    const id = nextId();
    const slug = slugOf(plan.title);
    const short = slug.slice(0, 32).replace(/-+$/, "");
    const createdAt = new Date(startsAt.getTime() - 30 * dayMs);
    out.events.push({
      id,
      title: plan.title,
      slug,
      kind: plan.kind,
      description: plan.description,
      startsAt,
      endsAt,
      timeZone: plan.timeZone,
      online: !plan.place,
      link: plan.place ? "" : `https://meet.example.org/${short}`,
      place: plan.place ?? "",
      capacity: plan.capacity,
      audience: plan.audience,
      recordingUrl: isPast && !plan.place ? `https://video.example.org/${short}` : "",
      createdBy: admin?.id ?? null,
      createdAt,
      updatedAt: createdAt,
    });
    if (isPast) {
      out.eventMaterials.push(
        {
          eventId: id,
          title: "Slides (PDF)",
          url: `https://files.example.org/${short}/slides.pdf`,
        },
        {
          eventId: id,
          title: "Notes and resources shared",
          url: `https://files.example.org/${short}/notes`,
        },
      );
    }
    const people = random.shuffle(pool).slice(0, plan.registrations);
    people.forEach((u, i) => {
      const waiting = plan.capacity !== null && i >= plan.capacity;
      const at = new Date(createdAt.getTime() + (i + 1) * 3_600_000);
      out.eventRegistrations.push({
        eventId: id,
        userId: u.id,
        status: waiting ? "waitlisted" : "confirmed",
        position: waiting ? i - (plan.capacity ?? 0) + 1 : null,
        createdAt: at,
        updatedAt: at,
      });
    });
  };
  for (const plan of past) add(plan, referenceDay, true);
  for (const plan of upcoming) add(plan, Math.max(referenceDay, todayMs), false);
  return out;
}
