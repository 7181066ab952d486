/**
 * The people of the mixed load: 10 partnerships of the loaded national set, each with a convener
 * and four business members who have accounts and sessions, an open dot vote, an action whose
 * team they are on, an indicator the convener measures, a thread to reply to and an event to
 * register for. Accounts go straight into the database (signing 50 people up by mail is slow);
 * everything else goes through the API, so the load meets the same rules as people do.
 */
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import type { Executor } from "../src/db/open.js";
import { queryRows } from "../src/db/query.js";
import { memberships, people, sessions, users } from "../src/db/schema/index.js";
import { SESSION_DAYS } from "../src/server/features/auth/service.js";
import { newToken } from "../src/server/lib/tokens.js";
import type { ActionPlan } from "../src/core/agenda.js";
import type { ThreadList } from "../src/core/discussions.js";
import type { EventList } from "../src/core/events.js";
import type { MixedPerson } from "./mixed-plan.js";

const PARTNERSHIPS = 10;
const PER_PARTNERSHIP = 5;

interface Chosen {
  id: string;
  slug: string;
  business_org: string;
  public_org: string;
}

async function call(
  app: FastifyInstance,
  cookie: string,
  method: "GET" | "POST" | "PUT" | "DELETE",
  url: string,
  payload?: object,
): Promise<unknown> {
  const res = await app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} answered ${res.statusCode}: ${res.body}`);
  return res.body ? res.json<unknown>() : null;
}

/** Accounts, people, memberships and sessions for one partnership, convener first. */
async function members(db: Executor, p: Chosen, n: number): Promise<{ cookie: string; personId: string }[]> {
  const made = await db
    .insert(users)
    .values(
      Array.from({ length: PER_PARTNERSHIP }, (_, i) => ({
        email: `mixed-${n}-${i}@bench.example.org`,
        name: `${i === 0 ? "Convener" : "Member"} ${n}-${i}`,
      })),
    )
    .returning({ id: users.id, name: users.name, email: users.email });
  const madePeople = await db
    .insert(people)
    .values(made.map((u) => ({ name: u.name, email: u.email, userId: u.id })))
    .returning({ id: people.id });
  await db.insert(memberships).values(
    madePeople.map((person, i) => ({
      partnershipId: p.id,
      personId: person.id,
      organizationId: i === 0 ? p.public_org : p.business_org,
      role: i === 0 ? ("convener" as const) : ("business_member" as const),
    })),
  );
  const tokens = made.map(() => newToken());
  await db.insert(sessions).values(
    made.map((u, i) => ({
      tokenHash: tokens[i].hash,
      userId: u.id,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    })),
  );
  return tokens.map((t, i) => ({ cookie: `st_session=${t.token}`, personId: madePeople[i].id }));
}

/** An event each person can register for and cancel: tried once here, so the load cannot fail on it. */
async function registrableEvent(app: FastifyInstance, cookie: string): Promise<string> {
  const list = (await call(app, cookie, "GET", "/api/events")) as EventList;
  for (const event of list.items.filter((e) => !e.cancelled && e.capacity === null)) {
    const url = `/api/events/${event.id}/registration`;
    const joined = await app.inject({ method: "POST", url, headers: { cookie } });
    if (joined.statusCode >= 300) continue;
    await call(app, cookie, "DELETE", url);
    return event.id;
  }
  throw new Error("no upcoming event without a capacity limit takes registrations");
}

export async function setUpMixedPeople(
  app: FastifyInstance,
  db: Executor,
): Promise<{ people: MixedPerson[]; profileSlugs: string[] }> {
  const chosen = await queryRows<Chosen>(
    db,
    sql`select p.id, p.slug,
        (select o.id from organizations o where o.partnership_id = p.id and o.kind = 'business'
          and o.removed_at is null order by o.name limit 1) as business_org,
        (select o.id from organizations o where o.partnership_id = p.id and o.kind <> 'business'
          and o.removed_at is null order by o.name limit 1) as public_org
      from partnerships p
      where p.deleted_at is null and p.stage in ('act', 'sustain')
        and exists (select 1 from actions a where a.partnership_id = p.id and a.status <> 'done')
        and exists (select 1 from tracked_indicators t join indicators i on i.key = t.indicator_key
          where t.partnership_id = p.id and i.unit = 'count' and i.owner_partnership_id is null)
      order by p.slug limit ${PARTNERSHIPS}`,
  );
  const usable = chosen.filter((c) => c.business_org && c.public_org);
  if (usable.length < PARTNERSHIPS) throw new Error(`only ${usable.length} partnerships suit the mixed load`);
  const profiles = await queryRows<{ slug: string }>(
    db,
    sql`select slug from partnerships where deleted_at is null order by md5(slug) limit 500`,
  );

  const out: MixedPerson[] = [];
  for (const [n, p] of usable.entries()) {
    const team = await members(db, p, n);
    const cookies = team.map((t) => t.cookie);
    const [convener, ...business] = cookies;
    const opportunityIds: string[] = [];
    for (const title of ["Shared apprenticeship", "Night-shift childcare", "Rural broadband"]) {
      const raised = (await call(app, business[0], "POST", `/api/partnerships/${p.id}/opportunities`, {
        title: `${title} ${n}`,
        theme: "talent_pipeline",
      })) as { id: string };
      opportunityIds.push(raised.id);
    }
    const round = (await call(app, convener, "POST", `/api/partnerships/${p.id}/vote-rounds`, {
      title: "Mixed-load vote",
      method: "dots",
      dotsPerVoter: 3,
      opportunityIds,
    })) as { id: string };
    const plan = (await call(app, convener, "GET", `/api/partnerships/${p.id}/action-plan`)) as ActionPlan;
    const action = plan.priorities
      .flatMap((priority) => priority.teams)
      .flatMap((team) => team.actions)
      .find((a) => a.status !== "done");
    if (!action) throw new Error(`partnership ${p.slug} has no open action`);
    // Each person joins the team and owns an action of it: an owner may post its updates.
    const owned: string[] = [];
    for (const [i, member] of team.entries()) {
      await call(app, member.cookie, "POST", `/api/action-teams/${action.teamId}/join`);
      const made = (await call(app, convener, "POST", `/api/action-teams/${action.teamId}/actions`, {
        title: `Call ten employers (${n}-${i})`,
        ownerId: member.personId,
        dueDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
      })) as { id: string };
      owned.push(made.id);
    }
    const [indicator] = await queryRows<{ key: string; unit: string }>(
      db,
      sql`select i.key, i.unit from tracked_indicators t join indicators i on i.key = t.indicator_key
        where t.partnership_id = ${p.id} and i.unit = 'count' and i.owner_partnership_id is null
        order by i.key limit 1`,
    );
    const [latest] = await queryRows<{ indicator_key: string; period: string }>(
      db,
      sql`select indicator_key, period from measurements where partnership_id = ${p.id} and kind = 'actual'
        order by period desc, indicator_key limit 1`,
    );
    if (!latest) throw new Error(`partnership ${p.slug} has no measurements`);
    const benchmark = { indicator: latest.indicator_key, period: latest.period };
    await call(
      app,
      business[0],
      "GET",
      `/api/partnerships/${p.id}/benchmarks?indicator=${benchmark.indicator}&period=${benchmark.period}`,
    );
    // One of each write, tried here: a refusal stops the bench before the load, with its reason.
    await call(app, convener, "PUT", `/api/partnerships/${p.id}/measurements`, {
      items: [{ indicator: indicator.key, period: "2026", value: 12, kind: "actual", visibility: "public" }],
    });
    await call(app, business[1], "POST", `/api/actions/${owned[2]}/updates`, {
      note: "Set up.",
      progress: 5,
    });
    await call(app, business[2], "PUT", `/api/vote-rounds/${round.id}/ballot`, {
      allocations: [{ opportunityId: opportunityIds[0], dots: 3 }],
    });
    const threads = (await call(app, convener, "GET", "/api/discussions")) as ThreadList;
    const open = threads.items.filter((t) => !t.locked && !t.hidden);
    if (open.length === 0) throw new Error("no open discussion thread to reply to");
    for (const [i, cookie] of cookies.entries()) {
      out.push({
        cookie,
        partnershipId: p.id,
        roundId: round.id,
        opportunityIds,
        actionId: owned[i],
        mayVote: i > 0,
        benchmark,
        indicator: i === 0 ? indicator : null,
        threadId: open[(n * PER_PARTNERSHIP + i) % open.length].id,
        eventId: await registrableEvent(app, cookie),
      });
    }
  }
  return { people: out, profileSlugs: profiles.map((r) => r.slug) };
}
