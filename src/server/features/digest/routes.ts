import { msg } from "../../../core/i18n/msg.js";
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  unsubscribeCheck,
  unsubscribeResult,
  type UnsubscribeCheck,
  type UnsubscribeResult,
} from "../../../core/discussions.js";
import { mailListPreference, type MailList } from "../../../core/mail-lists.js";
import { problemSchema } from "../../../core/problem.js";
import { users } from "../../../db/schema/index.js";
import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import type { AppDeps } from "../../deps.js";
import { notFound } from "../../errors.js";
import { getPreferences, unsubscribeFrom } from "../notifications/service.js";
import { verifyUnsubscribeToken } from "./unsubscribe.js";

/** The fields of a form body; one-click POSTs carry `List-Unsubscribe=One-Click` and nothing else. */
function multipartFields(body: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of body.matchAll(/name="([^"]+)"\r?\n(?:[^\r\n]+\r?\n)*\r?\n([^\r\n]*)/g)) {
    if (m[1]) fields[m[1]] = m[2] ?? "";
  }
  return fields;
}

export function digestRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Mail clients send the one-click POST as a form (RFC 8058); only this plugin accepts forms.
    app.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 4096 },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    app.addContentTypeParser(
      "multipart/form-data",
      { parseAs: "string", bodyLimit: 4096 },
      (_request, body, done) => done(null, multipartFields(String(body))),
    );

    /** The person and list of a valid token whose account still exists. */
    async function holder(
      tx: Executor,
      token: string,
    ): Promise<{ userId: string; name: string; list: MailList }> {
      const { userId, list } = await verifyUnsubscribeToken(deps, tx, token);
      const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
      if (!user)
        throw notFound(
          msg({
            id: "server.digest.theAccountOfThisLink",
            defaultMessage: "The account of this link was not found.",
          }),
        );
      return { userId, name: user.name, list };
    }

    // Read only: mail scanners and link checkers fetch links (and HEAD them) on their own.
    const check = (token: string): Promise<UnsubscribeCheck> =>
      deps.db.transaction(async (tx) => {
        const { userId, name, list } = await holder(tx, token);
        const prefs = await getPreferences(tx, userId);
        const on = list === "digest" ? prefs.digest !== "none" : prefs[mailListPreference[list]];
        return { list, name, on };
      });

    const unsubscribe = (token: string): Promise<UnsubscribeResult> =>
      deps.db.transaction(async (tx) => {
        const { userId, list } = await holder(tx, token);
        return { ...(await unsubscribeFrom(tx, userId, list, deps.now())), unsubscribed: list };
      });

    const querystring = z.strictObject({ token: z.string().max(200) });
    const problems = { 400: problemSchema, 403: problemSchema, 404: problemSchema };

    app.get(
      "/unsubscribe",
      {
        config: { access: "public" },
        schema: {
          tags: ["notifications"],
          summary:
            "Check an e-mail's signed unsubscribe token without changing anything: its list (digest, mentions, replies or event reminders), whose it is and whether it is on (anyone holding it)",
          querystring,
          response: { 200: unsubscribeCheck, ...problems },
        },
      },
      async (request) => check(request.query.token),
    );

    app.post(
      "/unsubscribe",
      {
        config: { access: "public" },
        schema: {
          tags: ["notifications"],
          summary:
            "Turn off the signed token's list (anyone holding it): one-click by a mail client (RFC 8058 form body List-Unsubscribe=One-Click) or the confirm button of the unsubscribe page (empty or JSON body)",
          querystring,
          body: z.looseObject({ "List-Unsubscribe": z.string().max(100).optional() }).nullish(),
          response: { 200: unsubscribeResult, ...problems },
        },
      },
      async (request) => unsubscribe(request.query.token),
    );
  };
}
