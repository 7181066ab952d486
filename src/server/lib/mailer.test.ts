import nodemailer, { type SendMailOptions } from "nodemailer";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/query.js";
import { createTestContext, type TestContext } from "../test-support.js";
import { Mailer } from "./mailer.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("the mailer", () => {
  it("keeps mail in the outbox when no SMTP server is configured", async () => {
    const mailer = new Mailer(ctx.deps.db, undefined, "from@example.org");
    await mailer.enqueue(ctx.deps.db, { to: "a@example.org", subject: "Hi", text: "Hello", lang: "en" });
    expect(await mailer.deliver()).toBe(0);
    const rows = await queryRows<{ sent_at: string | null }>(ctx.deps.db, sql`select sent_at from outbox`);
    expect(rows).toEqual([{ sent_at: null }]);
  });

  it("sends waiting mail once over the transport and marks it sent", async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sentTo: string[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = async (mail: SendMailOptions) => {
      sentTo.push(typeof mail.to === "string" ? mail.to : JSON.stringify(mail.to));
      return original(mail);
    };
    const mailer = new Mailer(ctx.deps.db, transport, "from@example.org");
    await mailer.enqueue(ctx.deps.db, { to: "b@example.org", subject: "Hi", text: "Hello", lang: "en" });
    expect(await mailer.deliver()).toBe(2);
    expect(await mailer.deliver()).toBe(0);
    expect(sentTo.sort()).toEqual(["a@example.org", "b@example.org"]);
    const unsent = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from outbox where sent_at is null`,
    );
    expect(unsent[0].n).toBe(0);
  });

  it("sends List-Unsubscribe and List-Unsubscribe-Post only for mail with an unsubscribe address", async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const raw = new Map<string, string>();
    const original = transport.sendMail.bind(transport);
    transport.sendMail = async (mail: SendMailOptions) => {
      const info = await original(mail);
      raw.set(
        typeof mail.to === "string" ? mail.to : JSON.stringify(mail.to),
        String((info as unknown as { message: Buffer }).message),
      );
      return info;
    };
    const mailer = new Mailer(ctx.deps.db, transport, "from@example.org");
    const url = "https://shared-table.example/api/unsubscribe?token=replies.x.y";
    await mailer.enqueue(ctx.deps.db, {
      to: "c@example.org",
      subject: "A reply",
      text: "Hi",
      lang: "en",
      unsubscribeUrl: url,
    });
    await mailer.enqueue(ctx.deps.db, {
      to: "d@example.org",
      subject: "Reset your password",
      text: "Hi",
      lang: "en",
    });
    expect(await mailer.deliver()).toBe(2);
    const headers = (to: string) =>
      raw
        .get(to)
        ?.split(/\r?\n\r?\n/)[0]
        ?.replace(/\r?\n[ \t]+/g, " ") ?? "";
    expect(headers("c@example.org")).toContain(`List-Unsubscribe: <${url}>`);
    expect(headers("c@example.org")).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(headers("d@example.org")).toContain("Subject: Reset your password");
    expect(headers("d@example.org")).not.toContain("List-Unsubscribe");
  });

  it("sends an HTML part beside the text, in the recipient's language", async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sent: SendMailOptions[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = async (mail: SendMailOptions) => {
      sent.push(mail);
      return original(mail);
    };
    const mailer = new Mailer(ctx.deps.db, transport, "from@example.org");
    await mailer.enqueue(ctx.deps.db, {
      to: "e@example.org",
      subject: "Restablezca su contraseña",
      text: "Hola, Ana:\n\nElija una nueva aquí: https://st.example/reset-password/abc\n",
      lang: "es",
    });
    expect(await mailer.deliver()).toBe(1);
    expect(sent[0].text).toBe("Hola, Ana:\n\nElija una nueva aquí: https://st.example/reset-password/abc\n");
    expect(sent[0].html).toContain('<html lang="es">');
    expect(sent[0].html).toContain(
      '<p>Elija una nueva aquí: <a href="https://st.example/reset-password/abc">https://st.example/reset-password/abc</a></p>',
    );
  });
});
