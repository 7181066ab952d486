import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/query.js";
import { createTestContext, signUp, type TestContext } from "../test-support.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** A login with a field the form does not have: a validation problem with one field's message. */
const badLogin = (headers: Record<string, string>) =>
  ctx.app.inject({
    method: "POST",
    url: "/api/auth/login",
    headers,
    payload: { email: "a@example.org", password: "x", color: "blue" },
  });

describe("the language of the server's answers", () => {
  it("follows a visitor's Accept-Language, and the switcher's cookie over it", async () => {
    const spanish = await badLogin({ "accept-language": "es-MX,es;q=0.9,en;q=0.8" });
    expect(spanish.statusCode).toBe(400);
    expect(spanish.json()).toMatchObject({
      title: "Algunos campos necesitan corrección",
      detail: "color: no es un campo conocido; quítelo",
      errors: [{ field: "color", message: "no es un campo conocido; quítelo" }],
    });

    const english = await badLogin({ "accept-language": "fr-CA, en;q=0.5" });
    expect(english.json()).toMatchObject({
      title: "Some fields need fixing",
      errors: [{ field: "color", message: "is not a known field; remove it" }],
    });

    const chosen = await badLogin({ "accept-language": "es", cookie: "st_lang=en" });
    expect(chosen.json()).toMatchObject({ title: "Some fields need fixing" });
    const unknownCookie = await badLogin({ "accept-language": "es", cookie: "st_lang=xx" });
    expect(unknownCookie.json()).toMatchObject({ title: "Algunos campos necesitan corrección" });
  });

  it("follows a person's account setting over their browser, and leaves others in theirs", async () => {
    const ana = await signUp(ctx, "Ana Spanish");
    const bob = await signUp(ctx, "Bob English");
    const saved = await ctx.app.inject({
      method: "PATCH",
      url: "/api/me",
      headers: { cookie: ana.cookie },
      payload: { locale: "es" },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ locale: "es" });

    // A refusal of the same request: Ana reads it in Spanish although her browser asks for English.
    const refuse = (cookie: string) =>
      ctx.app.inject({
        method: "PATCH",
        url: "/api/me",
        headers: { cookie, "accept-language": "en-US" },
        payload: { name: "Ana", shoeSize: 38 },
      });
    expect((await refuse(ana.cookie)).json()).toMatchObject({
      title: "Algunos campos necesitan corrección",
      errors: [{ field: "shoeSize", message: "no es un campo conocido; quítelo" }],
    });
    expect((await refuse(bob.cookie)).json()).toMatchObject({
      title: "Some fields need fixing",
      errors: [{ field: "shoeSize", message: "is not a known field; remove it" }],
    });

    // A language Shared Table does not speak is refused, naming the field.
    const unknown = await ctx.app.inject({
      method: "PATCH",
      url: "/api/me",
      headers: { cookie: bob.cookie },
      payload: { locale: "fr" },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toMatchObject([{ field: "locale" }]);
  });

  it("writes each person's e-mail in their own language, whatever the asker's browser speaks", async () => {
    const ana = await signUp(ctx, "Ana Reset");
    const bob = await signUp(ctx, "Bob Reset");
    await ctx.app.inject({
      method: "PATCH",
      url: "/api/me",
      headers: { cookie: ana.cookie },
      payload: { locale: "es" },
    });
    for (const email of [ana.email, bob.email]) {
      const asked = await ctx.app.inject({
        method: "POST",
        url: "/api/auth/password-reset",
        headers: { "accept-language": "en" },
        payload: { email },
      });
      expect(asked.statusCode).toBeLessThan(300);
    }
    const mail = async (to: string) =>
      (
        await queryRows<{ subject: string; text: string }>(
          ctx.deps.db,
          sql`select subject, text from outbox where "to" = ${to} order by created_at desc limit 1`,
        )
      )[0];
    const spanish = await mail(ana.email);
    expect(spanish.subject).toBe("Restablezca su contraseña de Shared Table");
    expect(spanish.text).toMatch(
      /^Hola, Ana Reset:\n\n.+dentro de 60 minutos:\n\nhttp\S+\/reset-password\/\S+\n\n/s,
    );
    const english = await mail(bob.email);
    expect(english.subject).toBe("Reset your Shared Table password");
    expect(english.text).toMatch(
      /^Hello Bob Reset,\n\n.+within 60 minutes:\n\nhttp\S+\/reset-password\/\S+\n\n/s,
    );
  });
});
