import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { memberships } from "../../../db/schema/index.js";
import { signUp } from "../../test-support.js";
import { agendaFixture, raise, type AgendaFixture, type User } from "./test-fixture.js";

let f: AgendaFixture;
let opportunityIds: string[];
/** A business member who left the partnership before the vote. */
let leaver: User;

beforeAll(async () => {
  f = await agendaFixture();
  opportunityIds = await raise(f, f.business1, [
    "Apprenticeships for machinists",
    "Broadband for small shops",
  ]);
  leaver = await signUp(f.ctx, "Lee Leaver");
  const [acme] = await queryRows<{ id: string }>(
    f.ctx.deps.db,
    sql`select id from organizations where partnership_id = ${f.partnership.id} and kind = 'business' limit 1`,
  );
  await f.ctx.deps.db.insert(memberships).values({
    partnershipId: f.partnership.id,
    personId: leaver.personId,
    organizationId: acme.id,
    role: "business_member",
    leftAt: f.ctx.deps.now(),
  });
});
afterAll(() => f.ctx.close());

const openRound = async (title: string) => {
  const res = await f.call(f.convener, "POST", `/api/partnerships/${f.partnership.id}/vote-rounds`, {
    title,
    method: "dots",
    dotsPerVoter: 4,
    opportunityIds,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};
const noticesOf = (roundId: string) =>
  queryRows<{ user_id: string; title: string; link: string }>(
    f.ctx.deps.db,
    sql`select user_id, title, link from notifications where kind = 'vote_opened' and link like ${`%${roundId}`}`,
  );
const mailsAbout = (title: string) =>
  queryRows<{ to: string; subject: string; text: string; unsubscribe_url: string | null }>(
    f.ctx.deps.db,
    sql`select "to", subject, text, unsubscribe_url from outbox where subject like ${`Your vote is open: ${title} %`}`,
  );

describe("opening a vote round tells the business members who vote", () => {
  it("notifies each business voter in the app and e-mails those whose choices allow it; public partners hear nothing", async () => {
    const off = await f.call(f.business2, "PUT", "/api/me/preferences", { votes: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ votes: false });

    const roundId = await openRound("Spring priorities");
    const ballot = `/p/${f.partnership.slug}/agenda/votes/${roundId}`;
    const notices = await noticesOf(roundId);
    expect(notices.map((n) => n.user_id).sort()).toEqual(
      [f.business1.userId, f.business2.userId, f.champion.userId].sort(),
    );
    for (const n of notices) {
      expect(n).toMatchObject({
        title: "Your vote is open: Spring priorities (Metro Denver Manufacturing Partnership)",
        link: ballot,
      });
    }
    // Public partners, observers, the convener and a business member who left: no notification.
    for (const who of [f.support, f.observer, f.convener, leaver, f.outsider]) {
      expect(notices.some((n) => n.user_id === who.userId)).toBe(false);
    }
    const list = await f.call(f.business1, "GET", "/api/notifications");
    expect(list.json<{ items: { kind: string; link: string }[] }>().items[0]).toMatchObject({
      kind: "vote_opened",
      link: ballot,
    });

    // E-mail: Ben switched vote e-mails off, so only Bea and Cleo get one.
    const mails = await mailsAbout("Spring priorities");
    expect(mails.map((m) => m.to).sort()).toEqual([f.business1.email, f.champion.email].sort());
    for (const m of mails) {
      expect(m.text).toContain(`http://shared-table.test${ballot}`);
      expect(m.text).toContain("spread your 4 dots");
      expect(m.text).toContain("- Apprenticeships for machinists\n- Broadband for small shops");
      expect(m.unsubscribe_url).toMatch(/\/api\/unsubscribe\?token=votes\./);
    }
  });

  it("follows a one-click unsubscribe from that e-mail: the next round notifies but does not mail", async () => {
    const [cleoMail] = (await mailsAbout("Spring priorities")).filter((m) => m.to === f.champion.email);
    const oneClick = (cleoMail?.unsubscribe_url ?? "").replace("http://shared-table.test", "");
    const res = await f.ctx.app.inject({
      method: "POST",
      url: oneClick,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ unsubscribed: "votes", votes: false, mentions: true });

    const roundId = await openRound("Autumn priorities");
    expect((await noticesOf(roundId)).map((n) => n.user_id).sort()).toEqual(
      [f.business1.userId, f.business2.userId, f.champion.userId].sort(),
    );
    expect((await mailsAbout("Autumn priorities")).map((m) => m.to)).toEqual([f.business1.email]);
  });

  it("tells no one when the round is refused", async () => {
    const before = await f.count("notifications", `kind = 'vote_opened'`);
    const mailsBefore = await f.count("outbox");
    const refused = await f.call(f.support, "POST", `/api/partnerships/${f.partnership.id}/vote-rounds`, {
      title: "Support partner's vote",
      method: "dots",
      opportunityIds,
    });
    expect(refused.statusCode).toBe(403);
    expect(await f.count("notifications", `kind = 'vote_opened'`)).toBe(before);
    expect(await f.count("outbox")).toBe(mailsBefore);
  });
});
