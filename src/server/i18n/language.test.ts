import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../test-support.js";

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

    // The shared schemas' own rules, and Zod's limits in the app's words, in each reader's language.
    const patch = (cookie: string, payload: object) =>
      ctx.app.inject({ method: "PATCH", url: "/api/me", headers: { cookie }, payload });
    expect((await patch(ana.cookie, {})).json().errors).toMatchObject([
      { message: "envíe un nombre nuevo, una contraseña nueva o un idioma" },
    ]);
    expect((await patch(bob.cookie, {})).json().errors).toMatchObject([
      { message: "send a new name, a new password or a language" },
    ]);
    const long = "x".repeat(1000);
    expect((await patch(ana.cookie, { name: long })).json().errors).toMatchObject([
      { field: "name", message: expect.stringMatching(/^debe tener como máximo \d+ caracteres$/) },
    ]);
    expect((await patch(bob.cookie, { name: long })).json().errors).toMatchObject([
      { field: "name", message: expect.stringMatching(/^must be at most \d+ characters$/) },
    ]);

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

  it("mails the sign-up link in the asker's language, keeps it on the new account, and sends HTML in it", async () => {
    const ask = (email: string, language: string) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/auth/signup",
        headers: { "accept-language": language },
        payload: { email, name: "Sofía Nueva" },
        remoteAddress: `10.99.0.${language.length}`,
      });
    const spanishAddress = "sofia.nueva@example.org";
    const englishAddress = "sam.new@example.org";
    const spanishAsked = await ask(spanishAddress, "es-MX,es;q=0.9");
    expect(spanishAsked.statusCode).toBe(202);
    expect((await ask(englishAddress, "en-US")).statusCode).toBe(202);
    const mail = async (to: string) =>
      (
        await queryRows<{ subject: string; text: string; lang: string }>(
          ctx.deps.db,
          sql`select subject, text, lang from outbox where "to" = ${to} order by created_at desc limit 1`,
        )
      )[0];
    const spanish = await mail(spanishAddress);
    expect(spanish).toMatchObject({ subject: "Termine de crear su cuenta de Shared Table", lang: "es" });
    expect(spanish.text).toMatch(/^Hola, Sofía Nueva:\n\nPara crear su cuenta de Shared Table/);
    expect(await mail(englishAddress)).toMatchObject({
      subject: "Finish creating your Shared Table account",
      lang: "en",
    });

    // Opening the link makes the account, which keeps the language the person asked in.
    const token = /\/signup\/link\?token=([\w.-]+)/.exec(spanish.text)?.[1];
    const browser = spanishAsked.cookies.find((c) => c.name === "st_link_browser")?.value ?? "";
    const made = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-up-link",
      payload: { token },
      cookies: { st_link_browser: browser },
    });
    expect(made.statusCode, made.body).toBe(201);
    const session = made.cookies.find((c) => c.name === "st_session")?.value ?? "";
    const me = await ctx.app.inject({ url: "/api/me", cookies: { st_session: session } });
    expect(me.json()).toMatchObject({ locale: "es" });
  });

  it("writes an invitation to an address without an account in the language the inviter chose", async () => {
    const convener = await signUp(ctx, "Carmen Convoca");
    const partnership = await createPartnership(ctx, convener.cookie, { name: "Valle Food Processing" });
    const org = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${partnership.id}/organizations`,
      headers: { cookie: convener.cookie },
      payload: { name: "Empacadora del Valle", kind: "business" },
    });
    expect(org.statusCode, org.body).toBe(201);
    const organizationId = org.json<{ id: string }>().id;
    const english = await signUp(ctx, "Ellen English");
    const invite = (email: string, lang?: string) =>
      ctx.app.inject({
        method: "POST",
        url: `/api/partnerships/${partnership.id}/invitations`,
        headers: { cookie: convener.cookie, "accept-language": "en" },
        payload: {
          email,
          name: "Rosa Nueva",
          role: "business_member",
          organizationId,
          ...(lang ? { lang } : {}),
        },
      });
    const mailTo = async (to: string) =>
      (
        await queryRows<{ subject: string; lang: string }>(
          ctx.deps.db,
          sql`select subject, lang from outbox where "to" = ${to} order by created_at desc limit 1`,
        )
      )[0];

    expect((await invite("rosa.nueva@example.org", "es")).statusCode).toBe(201);
    expect(await mailTo("rosa.nueva@example.org")).toMatchObject({
      subject: "Carmen Convoca le invita a Valle Food Processing en Shared Table",
      lang: "es",
    });
    // No choice: English. An account's own language wins over the inviter's choice.
    expect((await invite("sin.eleccion@example.org")).statusCode).toBe(201);
    expect(await mailTo("sin.eleccion@example.org")).toMatchObject({ lang: "en" });
    expect((await invite(english.email, "es")).statusCode).toBe(201);
    expect(await mailTo(english.email)).toMatchObject({ lang: "en" });
    // A language the app does not speak is refused, named.
    const french = await invite("francoise@example.org", "fr");
    expect(french.statusCode).toBe(400);
    expect(french.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(["lang"]);
  });

  it("says what is wrong with a link in the reader's language", async () => {
    const admin = await signUp(ctx, "Ana Enlaces");
    await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
    const suggest = (lang: string) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/resources",
        headers: { cookie: admin.cookie, "accept-language": lang },
        payload: { title: "A link with a space", url: "https://example.org/a b" },
      });
    const fieldOf = async (lang: string) =>
      (await suggest(lang)).json<{ errors: { field: string; message: string }[] }>().errors;
    expect(await fieldOf("es")).toEqual([
      {
        field: "url",
        message: "no debe tener espacios; indique una sola dirección, como https://www.example.org",
      },
    ]);
    expect(await fieldOf("en")).toEqual([
      { field: "url", message: "must not contain spaces; give one address such as https://www.example.org" },
    ]);
    // A problem that names the link's scheme, in each reader's words too.
    const scheme = async (lang: string) =>
      (
        await ctx.app.inject({
          method: "POST",
          url: "/api/resources",
          headers: { cookie: admin.cookie, "accept-language": lang },
          payload: { title: "A script", url: "javascript:alert(1)" },
        })
      ).json<{ errors: { field: string; message: string }[] }>().errors;
    expect(await scheme("es")).toEqual([
      {
        field: "url",
        message:
          "no puede ser un enlace javascript:; indique una dirección web que empiece con https:// (como https://www.example.org)",
      },
    ]);
    expect((await scheme("en"))[0]?.message).toMatch(/^may not be a javascript: link/);
  });

  it("refuses the unsigned, non-admins and a bad API token in the reader's language", async () => {
    const detail = async (lang: string, headers: Record<string, string> = {}) =>
      (
        await ctx.app.inject({ url: "/api/admin/outbox", headers: { ...headers, "accept-language": lang } })
      ).json<{ detail: string }>().detail;
    expect(await detail("es")).toBe("Inicie sesión para hacer esto.");
    expect(await detail("en")).toBe("Sign in to do this.");
    const member = await signUp(ctx, "Nora Nonadmin");
    expect(await detail("es", { cookie: member.cookie })).toBe(
      "Solo un administrador de la comunidad puede hacer esto.",
    );
    expect(await detail("es", { authorization: "Basic abc" })).toMatch(/^Envíe un token de API como/);
    expect(await detail("es", { authorization: "Bearer st_nothing" })).toMatch(
      /^Este token de API no funciona/,
    );
    expect(await detail("en", { authorization: "Bearer st_nothing" })).toMatch(
      /^This API token does not work/,
    );
  });
});
