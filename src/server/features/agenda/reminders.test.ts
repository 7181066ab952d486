import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, utcDate } from "../../../core/agenda.js";
import { queryRows } from "../../../db/query.js";
import { sendActionReminders } from "./reminders.js";
import { agendaFixture, type AgendaFixture } from "./test-fixture.js";

let f: AgendaFixture;
let teamId: string;
const DAY = 86_400_000;

const mailTo = (email: string) =>
  queryRows<{ subject: string; text: string }>(
    f.ctx.deps.db,
    sql`select subject, text from outbox where "to" = ${email} order by created_at, subject`,
  );

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
    {
      name: "Apprenticeship team",
      championIds: [f.champion.personId],
    },
  );
  teamId = team.json<{ id: string }>().id;
});
afterAll(() => f.ctx.close());

describe("action reminders", () => {
  it("e-mail an owner once when their action is due in 3 days, and once more when it is late", async () => {
    const today = utcDate(f.ctx.deps.now());
    const add = async (title: string, ownerId: string, days: number, status = "planned") => {
      const res = await f.call(f.convener, "POST", `/api/action-teams/${teamId}/actions`, {
        title,
        ownerId,
        dueDate: addDays(today, days),
        status,
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ id: string; version: number }>();
    };
    await add("Call the college", f.business1.personId, 3);
    await add("Book the room", f.business2.personId, 4);
    await add("Already done", f.business2.personId, 1, "done");

    expect(await sendActionReminders(f.ctx.deps)).toBe(1);
    const first = await mailTo(f.business1.email);
    expect(first).toHaveLength(1);
    expect(first[0].subject).toBe("Due soon: Call the college (Metro Denver Manufacturing Partnership)");
    expect(first[0].text).toContain("Hello Bea Builder,");
    expect(first[0].text).toContain("(in 3 days)");
    expect(first[0].text).toContain(`http://shared-table.test/p/${f.partnership.slug}/agenda/plan`);
    // Never twice: a second run, or a second server, sends nothing more.
    expect(await sendActionReminders(f.ctx.deps)).toBe(0);
    expect(await Promise.all([sendActionReminders(f.ctx.deps), sendActionReminders(f.ctx.deps)])).toEqual([
      0, 0,
    ]);

    // A day later "Book the room" is due in 3 days; five days later "Call the college" is late.
    f.ctx.advance(DAY);
    expect(await sendActionReminders(f.ctx.deps)).toBe(1);
    expect((await mailTo(f.business2.email)).map((m) => m.subject)).toEqual([
      "Due soon: Book the room (Metro Denver Manufacturing Partnership)",
    ]);
    f.ctx.advance(4 * DAY);
    expect(await sendActionReminders(f.ctx.deps)).toBe(2);
    const late = await mailTo(f.business1.email);
    expect(late.map((m) => m.subject)).toEqual([
      "Due soon: Call the college (Metro Denver Manufacturing Partnership)",
      "Late: Call the college (Metro Denver Manufacturing Partnership)",
    ]);
    expect(late[1].text).toContain("(2 days ago)");
    expect(await sendActionReminders(f.ctx.deps)).toBe(0);
    expect(await f.count("reminder_log")).toBe(4);

    // The same reminders are in the owner's notification list, linking to the action plan.
    const list = await f.call(f.business1, "GET", "/api/notifications");
    const items = list.json<{ items: { kind: string; title: string; link: string }[] }>().items;
    expect(items.filter((n) => n.kind === "action_due").map((n) => n.title)).toEqual([
      "Late: Call the college (Metro Denver Manufacturing Partnership)",
      "Due soon: Call the college (Metro Denver Manufacturing Partnership)",
    ]);
    expect(items[0]?.link).toBe(`/p/${f.partnership.slug}/agenda/plan`);
  });

  it("reminds no one who has left the partnership", async () => {
    const today = utcDate(f.ctx.deps.now());
    const res = await f.call(f.convener, "POST", `/api/action-teams/${teamId}/actions`, {
      title: "Visit the plant",
      ownerId: f.business2.personId,
      dueDate: addDays(today, 2),
    });
    expect(res.statusCode, res.body).toBe(201);
    await f.ctx.deps.db.execute(
      sql`update memberships set left_at = now() where person_id = ${f.business2.personId}`,
    );
    const before = (await mailTo(f.business2.email)).length;
    expect(await sendActionReminders(f.ctx.deps)).toBe(0);
    expect(await mailTo(f.business2.email)).toHaveLength(before);
  });
});
