import { expect } from "vitest";
import type { TestContext } from "../../test-support.js";

/**
 * A zone where it is now between 6 in the morning and 6 in the evening, so a meeting held "now"
 * there is far from midnight: its check-in day neither ends nor starts during the test.
 */
export function zoneAwayFromMidnight(now: Date): string {
  const zones = ["America/Denver", "Europe/London", "Asia/Tokyo", "Pacific/Honolulu", "Asia/Kolkata"];
  const hour = (zone: string) =>
    Number(
      new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", hourCycle: "h23" }).format(now),
    );
  const zone = zones.find((z) => hour(z) >= 6 && hour(z) < 18);
  if (!zone) throw new Error("no zone in daylight");
  return zone;
}

/** A full partnership meeting starting now (by the app's clock), planned by the convener. */
export async function meetingNow(
  ctx: TestContext,
  partnershipId: string,
  cookie: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  const now = ctx.deps.now();
  const res = await ctx.app.inject({
    method: "POST",
    url: `/api/partnerships/${partnershipId}/meetings`,
    headers: { cookie },
    payload: {
      kind: "full_partnership",
      title: "Quarterly full partnership",
      startsAt: now.toISOString(),
      timeZone: zoneAwayFromMidnight(now),
      ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
