import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test-support.js";
import { tableFixture } from "./table-fixture.js";

let ctx: TestContext;
let t: Awaited<ReturnType<typeof tableFixture>>;
const ids: string[] = [];

const post = (payload: object) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/partnerships/${t.partnership.id}/meetings`,
    headers: { cookie: t.convener.cookie },
    payload,
  });

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

beforeAll(async () => {
  ctx = await createTestContext();
  t = await tableFixture(ctx);
  const denver = await post({
    kind: "launch",
    title: "Launch",
    startsAt: "2026-03-05T08:00",
    endsAt: "2026-03-05T10:00",
    timeZone: "America/Denver",
    place: "Acme, 100 Main St",
    agenda: "secret agenda",
  });
  const newYork = await post({
    kind: "full_partnership",
    title: "Summer report-back",
    startsAt: "2026-07-09T17:30",
    timeZone: "America/New_York",
    link: "https://meet.example.org/abc",
  });
  ids.push(denver.json<{ id: string }>().id, newYork.json<{ id: string }>().id);
  const patched = await ctx.app.inject({
    method: "PATCH",
    url: `/api/meetings/${ids[0]}`,
    headers: { cookie: t.convener.cookie },
    payload: { version: 1, notes: "private notes", decisions: "private decisions" },
  });
  expect(patched.statusCode).toBe(200);
});
afterAll(() => ctx.close());

describe("the iCalendar feed", () => {
  it("is public, parses, and has stable UIDs, SEQUENCE from the version and correct instants", async () => {
    const res = await ctx.app.inject({ url: `/api/partnerships/${t.partnership.id}/calendar.ics` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/calendar");
    const parsed = events(res.body);
    expect(parsed.map((e) => e.uid)).toEqual(ids.map((id) => `${id}@shared-table.test`));
    const [launch, summer] = parsed;
    expect(launch.summary).toBe("Launch");
    expect(launch.location).toBe("Acme, 100 Main St");
    expect(launch.sequence).toBe(2);
    expect(launch.startDate.toJSDate().toISOString()).toBe("2026-03-05T15:00:00.000Z");
    expect(launch.endDate.toJSDate().toISOString()).toBe("2026-03-05T17:00:00.000Z");
    expect(launch.startDate.zone.tzid).toBe("UTC");
    // 17:30 in New York in July is EDT (UTC-4).
    expect(summer.startDate.toJSDate().toISOString()).toBe("2026-07-09T21:30:00.000Z");
    expect(summer.endDate.toJSDate().toISOString()).toBe("2026-07-09T22:30:00.000Z");
    expect(summer.location).toBe("https://meet.example.org/abc");
    expect(summer.sequence).toBe(1);
    // Notes, decisions and the agenda are for members only.
    expect(res.body).not.toContain("private");
    expect(res.body).not.toContain("secret agenda");

    const again = await ctx.app.inject({ url: `/api/partnerships/${t.partnership.slug}/calendar.ics` });
    expect(events(again.body).map((e) => e.uid)).toEqual(parsed.map((e) => e.uid));
  });

  it("marks a cancelled meeting CANCELLED with a higher SEQUENCE", async () => {
    const res = await ctx.app.inject({
      method: "PATCH",
      url: `/api/meetings/${ids[1]}`,
      headers: { cookie: t.convener.cookie },
      payload: { version: 1, cancelled: true },
    });
    expect(res.statusCode).toBe(200);
    const feed = await ctx.app.inject({ url: `/api/partnerships/${t.partnership.id}/calendar.ics` });
    const summer = events(feed.body).find((e) => e.uid.startsWith(ids[1]))!;
    expect(summer.sequence).toBe(2);
    expect(summer.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("serves one meeting as a file, and 404 for an unknown one", async () => {
    const res = await ctx.app.inject({ url: `/api/meetings/${ids[0]}/calendar.ics` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("attachment");
    const parsed = events(res.body);
    expect(parsed).toHaveLength(1);
    expect(parsed[0].uid).toBe(`${ids[0]}@shared-table.test`);
    const missing = await ctx.app.inject({
      url: `/api/meetings/00000000-0000-4000-8000-000000000000/calendar.ics`,
    });
    expect(missing.statusCode).toBe(404);
  });
});
