import { desc } from "drizzle-orm";
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import { outbox } from "../../../db/schema/index.js";
import type { AppDeps } from "../../deps.js";
import { requireAdmin } from "../../plugins/auth.js";
import { uuidSchema } from "../../../core/ids.js";

const outboxItem = z.object({
  id: uuidSchema,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** File names of what was attached (an event's .ics), empty for plain mail. */
  attachments: z.array(z.string()),
});

export function adminRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/admin/outbox",
      {
        config: { access: "admin" },
        schema: {
          tags: ["admin"],
          summary: "The mail the app has written, newest first (community admin)",
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: { 200: z.object({ items: z.array(outboxItem) }), 401: problemSchema, 403: problemSchema },
        },
      },
      async (request) => {
        requireAdmin(request);
        const rows = await deps.db
          .select()
          .from(outbox)
          .orderBy(desc(outbox.createdAt))
          .limit(request.query.limit);
        return {
          items: rows.map((r) => ({
            id: r.id,
            to: r.to,
            subject: r.subject,
            text: r.text,
            createdAt: r.createdAt.toISOString(),
            sentAt: r.sentAt?.toISOString() ?? null,
            attachments: r.attachments.map((a) => a.filename),
          })),
        };
      },
    );
  };
}
