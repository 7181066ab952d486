import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { unsubscribeResult, type UnsubscribeResult } from "../../../core/discussions.js";
import { problemSchema } from "../../../core/problem.js";
import { users } from "../../../db/schema/index.js";
import { eq } from "drizzle-orm";
import type { AppDeps } from "../../deps.js";
import { notFound } from "../../errors.js";
import { unsubscribeFrom } from "../notifications/service.js";
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

    const unsubscribe = (token: string): Promise<UnsubscribeResult> =>
      deps.db.transaction(async (tx) => {
        const { userId, list } = await verifyUnsubscribeToken(deps, tx, token);
        const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
        if (!user) throw notFound("The account of this link");
        return { ...(await unsubscribeFrom(tx, userId, list, deps.now())), unsubscribed: list };
      });

    const querystring = z.strictObject({ token: z.string().max(200) });
    const response = {
      200: unsubscribeResult,
      400: problemSchema,
      403: problemSchema,
      404: problemSchema,
    };

    app.get(
      "/unsubscribe",
      {
        config: { access: "public" },
        schema: {
          tags: ["notifications"],
          summary:
            "Turn off the list of an e-mail (digest, mentions, replies or event reminders) with its signed token (anyone holding it)",
          querystring,
          response,
        },
      },
      async (request) => unsubscribe(request.query.token),
    );

    app.post(
      "/unsubscribe",
      {
        config: { access: "public" },
        schema: {
          tags: ["notifications"],
          summary:
            "One-click unsubscribe by a mail client (RFC 8058 List-Unsubscribe-Post): turns off the token's list (anyone holding it)",
          querystring,
          body: z.looseObject({ "List-Unsubscribe": z.string().max(100).optional() }).optional(),
          response,
        },
      },
      async (request) => unsubscribe(request.query.token),
    );
  };
}
