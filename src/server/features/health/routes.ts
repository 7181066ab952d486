import { sql } from "drizzle-orm";
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";

export function healthRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/health",
      {
        config: { access: "public" },
        schema: {
          tags: ["health"],
          summary: "Liveness and database check (public)",
          response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }) },
        },
      },
      async () => {
        await deps.db.execute(sql`select 1`);
        return { status: "ok" as const, database: deps.engine };
      },
    );
  };
}
