import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, utcDate } from "../../../core/agenda.js";
import { queryRows } from "../../../db/query.js";
import { hashToken } from "../../lib/tokens.js";
import { sendActionReminders } from "./reminders.js";
import { agendaFixture, type AgendaFixture, type User } from "./test-fixture.js";

let f: AgendaFixture;
let teamId: string;
const DAY = 86_400_000;

interface Links {
  done: string;
  on_track: string;
  stuck: string;
}

/** Adds an action due in 3 days, runs the reminders, and answers the tokens of its mail's links. */
async function remindedAction(title: string, owner: User): Promise<{ id: string; links: Links }> {
  const res = await f.call(f.convener, "POST", `/api/action-teams/${teamId}/actions`, {
    title,
    ownerId: owner.personId,
    dueDate: addDays(utcDate(f.ctx.deps.now()), 3),
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: string }>().id;
  await sendActionReminders(f.ctx.deps);
  const [mail] = await queryRows<{ text: string }>(
    f.ctx.deps.db,
    sql`select text from outbox where "to" = ${owner.email} and subject like ${`Due soon: ${title} %`}`,
  );
  const token = (label: string) => {
    const match = new RegExp(`${label}:\\n\\S+/action-link/${id}/([A-Za-z0-9_-]{43})\\n`).exec(mail.text);
    if (!match) throw new Error(`no ${label} link in:\n${mail.text}`);
    return match[1];
  };
  return {
    id,
    links: { done: token("Done"), on_track: token("On track [^\\n]*"), stuck: token("Stuck[^\\n]*") },
  };
}

const use = (id: string, body: Record<string, unknown>) =>
  f.ctx.app.inject({ method: "POST", url: `/api/actions/${id}/email-link`, payload: body });

/** Everything a link could change, to prove a refused link changed nothing. */
async function state(id: string) {
  const [action] = await queryRows<{ status: string; progress: number; version: number }>(
    f.ctx.deps.db,
    sql`select status, progress, version from actions where id = ${id}`,
  );
  return {
    action,
    updates: await f.count("action_updates", `action_id = '${id}'`),
    activity: await f.count("activity", `subject_id = '${id}'`),
    revisions: await f.count("agenda_revisions", `entity_id = '${id}'`),
    used: await f.count("action_links", `action_id = '${id}' and used_at is not null`),
    notifications: await f.count("notifications"),
    outbox: await f.count("outbox"),
  };
}

beforeAll(async () => {
  f = await agendaFixture();
  const priority = await f.call(f.convener, "POST", `/api/partnerships/${f.partnership.id}/priorities`, {
    title: "Grow apprenticeships",
    theme: "talent_pipeline",
  });
  const team = await f.call(
    f.convener,
    "POST",
    `/api/priorities/${priority.json<{ id: string }>().id}/action-teams`,
    { name: "Apprenticeship team", championIds: [f.champion.personId] },
  );
  teamId = team.json<{ id: string }>().id;
});
afterAll(() => f.ctx.close());

describe("one-tap links in action reminders", () => {
  it("mail three links whose tokens are stored only as hashes, and describe one without changing anything", async () => {
    const { id, links } = await remindedAction("Call the college", f.business1);
    const stored = await queryRows<{
      token_hash: string;
      choice: string;
      person_id: string;
      valid_ms: number;
    }>(
      f.ctx.deps.db,
      sql`select token_hash, choice, person_id,
            (extract(epoch from expires_at - created_at) * 1000)::float8 as valid_ms from action_links
          where action_id = ${id} order by choice`,
    );
    expect(stored.map((s) => s.choice)).toEqual(["done", "on_track", "stuck"]);
    expect(stored.map((s) => s.token_hash)).toEqual([
      hashToken(links.done),
      hashToken(links.on_track),
      hashToken(links.stuck),
    ]);
    expect(new Set(stored.map((s) => s.person_id))).toEqual(new Set([f.business1.personId]));
    expect(stored.map((s) => Number(s.valid_ms))).toEqual([14 * DAY, 14 * DAY, 14 * DAY]);

    const before = await state(id);
    const res = await f.ctx.app.inject({ method: "GET", url: `/api/actions/${id}/email-link/${links.done}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      choice: "done",
      ownerName: "Bea Builder",
      action: {
        id,
        title: "Call the college",
        status: "planned",
        progress: 0,
        teamName: "Apprenticeship team",
        priorityTitle: "Grow apprenticeships",
        partnershipSlug: f.partnership.slug,
      },
    });
    expect(await state(id)).toEqual(before);
  });

  it("Done marks the action done, keeps its earlier version, and tells the timeline who did it and how", async () => {
    const { id, links } = await remindedAction("Book the room", f.business1);
    const res = await use(id, { token: links.done });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ choice: "done", action: { status: "done", progress: 100 } });
    const [row] = await queryRows<{ status: string; progress: number; version: number; completed: boolean }>(
      f.ctx.deps.db,
      sql`select status, progress, version, completed_at is not null as completed from actions where id = ${id}`,
    );
    expect(row).toEqual({ status: "done", progress: 100, version: 2, completed: true });
    const activity = await queryRows<{ kind: string; summary: string; actor_person_id: string }>(
      f.ctx.deps.db,
      sql`select kind, summary, actor_person_id from activity where subject_id = ${id}`,
    );
    expect(activity).toEqual([
      {
        kind: "action.done",
        summary: "Action done: Book the room (Bea Builder, by the e-mail link)",
        actor_person_id: f.business1.personId,
      },
    ]);
    const revisions = await queryRows<{ version: number; changed_by: string; snapshot: string }>(
      f.ctx.deps.db,
      sql`select version, changed_by, snapshot from agenda_revisions where entity_id = ${id}`,
    );
    expect(revisions).toHaveLength(1);
    expect(revisions[0].version).toBe(1);
    expect(revisions[0].changed_by).toBe(f.business1.userId);
    expect(JSON.parse(revisions[0].snapshot)).toMatchObject({ status: "planned", progress: 0 });
    const updates = await queryRows<{ note: string; author_id: string }>(
      f.ctx.deps.db,
      sql`select note, author_id from action_updates where action_id = ${id}`,
    );
    expect(updates).toEqual([{ note: "Done (by the e-mail link)", author_id: f.business1.personId }]);

    // Used once: the same link again, and the other links of a done action, change nothing.
    const after = await state(id);
    const again = await use(id, { token: links.done });
    expect(again.statusCode).toBe(410);
    expect(again.headers["content-type"]).toContain("application/problem+json");
    expect(again.json()).toMatchObject({ status: 410, reason: "used" });
    const stuck = await use(id, { token: links.stuck });
    expect(stuck.statusCode).toBe(410);
    expect(stuck.json()).toMatchObject({ reason: "already_done" });
    expect(await state(id)).toEqual(after);
  });

  it("On track sets the chosen progress; the progress is required, and only from 1 to 99", async () => {
    const { id, links } = await remindedAction("Draft the curriculum", f.business2);
    const before = await state(id);
    for (const [body, field] of [
      [{ token: links.on_track }, "progress"],
      [{ token: links.on_track, progress: 150 }, "progress"],
      [{ token: links.on_track, progress: 1e308 }, "progress"],
      [{ token: links.on_track, progress: 50, extra: 1 }, ""],
      [{ token: "x\u0000".repeat(20) + "abc", progress: 50 }, "token"],
    ] as const) {
      const res = await use(id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const problem = res.json<{ errors?: { field: string }[]; detail: string }>();
      if (field) expect(problem.errors?.map((e) => e.field)).toContain(field);
    }
    const progressOnDone = await use(id, { token: links.done, progress: 50 });
    expect(progressOnDone.statusCode).toBe(400);
    expect(progressOnDone.json<{ errors: { field: string }[] }>().errors[0].field).toBe("progress");
    expect(await state(id)).toEqual(before);

    const res = await use(id, { token: links.on_track, progress: 50 });
    expect(res.statusCode, res.body).toBe(200);
    expect(await state(id)).toMatchObject({
      action: { status: "in_progress", progress: 50, version: 2 },
      updates: 1,
      activity: 1,
      revisions: 1,
      used: 1,
    });
    const [line] = await queryRows<{ summary: string }>(
      f.ctx.deps.db,
      sql`select summary from activity where subject_id = ${id}`,
    );
    expect(line.summary).toBe(
      "Action on track, 50% done: Draft the curriculum (Ben Bolt, by the e-mail link)",
    );
  });

  it("Stuck tells exactly the team's champions and the conveners, in the app and by e-mail", async () => {
    const { id, links } = await remindedAction("Find a trainer", f.business1);
    const since = f.ctx.deps.now().toISOString();
    const outboxBefore = await f.count("outbox");
    const res = await use(id, { token: links.stuck });
    expect(res.statusCode, res.body).toBe(200);
    expect(await state(id)).toMatchObject({ action: { status: "stuck", progress: 0, version: 2 }, used: 1 });
    const notified = await queryRows<{ user_id: string; title: string; link: string }>(
      f.ctx.deps.db,
      sql`select user_id, title, link from notifications where kind = 'action_stuck' order by user_id`,
    );
    expect(notified.map((n) => n.user_id).sort()).toEqual([f.champion.userId, f.convener.userId].sort());
    expect(notified[0].title).toBe("Needs help: Find a trainer (Metro Denver Manufacturing Partnership)");
    expect(notified[0].link).toBe(`/p/${f.partnership.slug}/agenda/plan`);
    const mails = await queryRows<{ to: string; text: string }>(
      f.ctx.deps.db,
      sql`select "to", text from outbox where subject like 'Needs help:%' and created_at >= ${since}::timestamptz order by "to"`,
    );
    expect(mails.map((m) => m.to)).toEqual([f.champion.email, f.convener.email].sort());
    expect(await f.count("outbox")).toBe(outboxBefore + 2);
    expect(mails[0].text).toContain('Bea Builder says the action "Find a trainer" is stuck and needs help.');
    const [line] = await queryRows<{ kind: string; summary: string }>(
      f.ctx.deps.db,
      sql`select kind, summary from activity where subject_id = ${id}`,
    );
    expect(line).toEqual({
      kind: "action.stuck",
      summary: "Action stuck, needs help: Find a trainer (Bea Builder, by the e-mail link)",
    });
  });

  it("refuse a tampered link, another action's link, and a link whose action has a new owner", async () => {
    const a = await remindedAction("Visit the plant", f.business1);
    const b = await remindedAction("Write the grant", f.business2);
    const before = [await state(a.id), await state(b.id)];

    const last = a.links.done.at(-1) === "A" ? "B" : "A";
    const tampered = await use(a.id, { token: a.links.done.slice(0, -1) + last });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json()).toMatchObject({ reason: "unknown_link", errors: [{ field: "token" }] });
    const tamperedView = await f.ctx.app.inject({
      method: "GET",
      url: `/api/actions/${a.id}/email-link/${a.links.done.slice(0, -1) + last}`,
    });
    expect(tamperedView.statusCode).toBe(400);

    // Bea's link on Ben's action: the link authorizes its own action only.
    const other = await use(b.id, { token: a.links.done });
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ status: 403, reason: "other_action" });
    const badId = await use("not-a-uuid", { token: a.links.done });
    expect(badId.statusCode).toBe(400);
    expect(badId.json<{ errors: { field: string }[] }>().errors[0].field).toBe("id");
    expect([await state(a.id), await state(b.id)]).toEqual(before);

    // The convener hands Bea's action to Ben: Bea's links stop working.
    const action = await f.call(f.convener, "GET", `/api/actions/${a.id}`);
    const patched = await f.call(f.convener, "PATCH", `/api/actions/${a.id}`, {
      version: action.json<{ version: number }>().version,
      ownerId: f.business2.personId,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const moved = await state(a.id);
    for (const token of [a.links.done, a.links.stuck]) {
      const res = await use(a.id, { token });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ reason: "not_owner" });
    }
    const view = await f.ctx.app.inject({
      method: "GET",
      url: `/api/actions/${a.id}/email-link/${a.links.done}`,
    });
    expect(view.statusCode).toBe(403);
    expect(await state(a.id)).toEqual(moved);
  });

  it("refuse a link after 14 days, and let only one of two simultaneous taps through", async () => {
    const { id, links } = await remindedAction("Order the tools", f.business2);
    const both = await Promise.all([use(id, { token: links.stuck }), use(id, { token: links.stuck })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 410]);
    expect(await state(id)).toMatchObject({
      action: { status: "stuck", version: 2 },
      updates: 1,
      activity: 1,
    });

    f.ctx.advance(14 * DAY);
    const before = await state(id);
    const late = await use(id, { token: links.done });
    expect(late.statusCode).toBe(410);
    expect(late.json()).toMatchObject({ reason: "expired" });
    expect(await state(id)).toEqual(before);
  });
});
