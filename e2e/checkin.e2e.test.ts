import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import {
  apiFromPage,
  expectNoSeriousViolations,
  expectNoSidewaysScroll,
  field,
  signIn,
  screenshot,
} from "./ui.js";

const shots = process.env.CHECKIN_SHOTS ?? "/tmp/checkin-shots";
const champion = { email: "champion@demo.sharedtable.org", password: demo.convener.password };
const phone = { width: 390, height: 844 };

/** A zone where it is daytime now, so the meeting's check-in day does not end during the journey. */
function zoneInDaylight(now: Date): string {
  const zones = ["America/Denver", "Europe/London", "Asia/Tokyo", "Pacific/Honolulu", "Asia/Kolkata"];
  const hour = (zone: string) =>
    Number(
      new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", hourCycle: "h23" }).format(now),
    );
  return zones.find((z) => hour(z) >= 6 && hour(z) < 18) ?? "America/Denver";
}

describe.skipIf(!!skipReason)("journey: check-in by QR code at a full partnership meeting", () => {
  let h: Harness;
  let screen: Page;
  let slug = "";
  let meetingId = "";
  let checkInPath = "";
  let shortCode = "";
  const title = `Full partnership ${unique()}`;

  beforeAll(async () => {
    h = await startHarness();
    screen = await h.newPage();
    await signIn(screen, demo.convener.email, demo.convener.password);
    const mine = await apiFromPage<{ partnerships: { slug: string; role: string }[] }>(screen, "GET", "/me");
    const probe = await h.newPage();
    await signIn(probe, champion.email, champion.password);
    const theirs = await apiFromPage<{ partnerships: { slug: string }[] }>(probe, "GET", "/me");
    // A partnership the demo convener runs and the demo champion sits at.
    slug =
      mine.partnerships.find(
        (p) => p.role === "convener" && theirs.partnerships.some((q) => q.slug === p.slug),
      )?.slug ?? "";
    expect(slug).not.toBe("");
    const now = new Date();
    const meeting = await apiFromPage<{ id: string }>(screen, "POST", `/partnerships/${slug}/meetings`, {
      kind: "full_partnership",
      title,
      startsAt: now.toISOString(),
      timeZone: zoneInDaylight(now),
      place: "Front Range Community College, Room 104",
    });
    meetingId = meeting.id;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("opens the check-in screen from the meeting page, with a QR code and a short code", async () => {
    await screen.goto(`/p/${slug}/meetings/${meetingId}`);
    await screen.getByRole("heading", { level: 1, name: title }).waitFor();
    await screen.getByRole("link", { name: "Check-in" }).click();
    await screen.getByRole("heading", { level: 1, name: `Check in: ${title}` }).waitFor();
    await screen.getByRole("img", { name: /^QR code of the check-in address/ }).waitFor();
    shortCode = (await screen.getByTestId("short-code").textContent()) ?? "";
    expect(shortCode).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    await screen.getByText("Nobody has checked in yet.").waitFor();
    await screen.getByText("Live", { exact: true }).waitFor();
    const data = await apiFromPage<{ url: string; shortCode: string }>(
      screen,
      "GET",
      `/meetings/${meetingId}/check-in`,
    );
    expect(data.shortCode).toBe(shortCode);
    checkInPath = new URL(data.url).pathname;
    await expectNoSeriousViolations(screen, "the check-in screen");
    await screenshot(screen, { path: `${shots}/screen-empty.png`, fullPage: true });
  });

  it("checks a member in with one tap on a phone, and the screen shows them at once", async () => {
    const member = await h.newPage();
    await member.setViewportSize(phone);
    await signIn(member, champion.email, champion.password, checkInPath);
    await member.getByRole("heading", { level: 1, name: `Check in: ${title}` }).waitFor();
    await expectNoSidewaysScroll(member, "the phone check-in for a member");
    await expectNoSeriousViolations(member, "the phone check-in for a member");
    await member.getByRole("button", { name: "Check me in" }).click();
    await member.getByRole("heading", { name: "You're checked in, James Okafor" }).waitFor();
    await screenshot(member, { path: `${shots}/phone-member.png`, fullPage: true });

    // No reload: the screen hears it over its event stream.
    const arrivals = screen.getByRole("list", { name: "Checked in" });
    await arrivals.getByText("James Okafor").waitFor();
    await screen.getByText("Welcome, James Okafor!").waitFor();
    await screen.getByText("Business majority", { exact: true }).waitFor();
    expect(await screen.getByTestId("business-count").textContent()).toBe("1");
    expect(await screen.getByTestId("public-count").textContent()).toBe("0");
  });

  it("lets a guest type the short code and add themselves, and the screen flags the lost majority", async () => {
    const guest = await h.newPage();
    await guest.setViewportSize(phone);
    await guest.goto("/check-in");
    await guest.getByRole("heading", { level: 1, name: "Check in to a meeting" }).waitFor();
    await field(guest, "Check-in code").fill(shortCode.toLowerCase());
    await guest.getByRole("button", { name: "Continue" }).click();
    await guest.getByRole("heading", { level: 1, name: `Check in: ${title}` }).waitFor();
    await guest.getByRole("button", { name: "I'm a guest" }).click();
    await field(guest, "Your name").fill("Gale Guest");
    await field(guest, "Organization").fill("State Chamber");
    await guest.getByRole("radio", { name: /A public or community partner/ }).check();
    await expectNoSidewaysScroll(guest, "the guest form on a phone");
    await expectNoSeriousViolations(guest, "the guest form on a phone");
    await guest.getByRole("button", { name: "Check me in as a guest" }).click();
    await guest.getByRole("heading", { name: "You're checked in, Gale Guest" }).waitFor();
    await screenshot(guest, { path: `${shots}/phone-guest.png`, fullPage: true });

    const arrivals = screen.getByRole("list", { name: "Checked in" });
    await arrivals.getByText("Gale Guest").waitFor();
    // One business, one public: half is not a majority.
    await screen.getByText("No business majority", { exact: true }).waitFor();
    expect(await screen.getByTestId("public-count").textContent()).toBe("1");
    await expectNoSeriousViolations(screen, "the check-in screen with arrivals");
    await screenshot(screen, { path: `${shots}/screen-arrivals.png`, fullPage: true });

    // The same attendance record the meeting page keeps.
    const meeting = await apiFromPage<{
      attendance: Record<string, unknown>;
      lacksBusinessMajority: boolean;
    }>(screen, "GET", `/meetings/${meetingId}`);
    expect(meeting.attendance).toEqual({
      business: 1,
      public: 1,
      guests: 1,
      businessShare: 0.5,
      businessMajority: false,
    });
    expect(meeting.lacksBusinessMajority).toBe(true);
  });
});
