import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  markReadBody,
  notificationList,
  preferencesBody,
  preferencesSchema,
} from "../../../core/discussions.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { getPreferences, listNotifications, markRead, updatePreferences } from "./service.js";

export function notificationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/notifications",
      {
        config: { access: "user" },
        schema: {
          tags: ["notifications"],
          summary: "The caller's latest notifications, newest first, and how many are unread (signed in)",
          response: { 200: notificationList, 401: problemSchema },
        },
      },
      async (request) => listNotifications(deps, requireActor(request)),
    );

    app.post(
      "/notifications/read",
      {
        config: { access: "user" },
        schema: {
          tags: ["notifications"],
          summary: "Mark the named notifications read, or all of them without ids (signed in)",
          body: markReadBody,
          response: { 200: z.object({ unread: z.number().int() }), 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => markRead(deps, requireActor(request), request.body.ids),
    );

    app.get(
      "/me/preferences",
      {
        config: { access: "user" },
        schema: {
          tags: ["notifications"],
          summary:
            "The caller's community e-mail: digest none, daily or weekly, and mention, reply and event reminder e-mails on or off (signed in)",
          response: { 200: preferencesSchema, 401: problemSchema },
        },
      },
      async (request) => getPreferences(deps.db, requireActor(request).userId),
    );

    app.put(
      "/me/preferences",
      {
        config: { access: "user" },
        schema: {
          tags: ["notifications"],
          summary:
            "Choose the e-mail digest (none, daily or weekly) and switch mention, reply and event reminder e-mails on or off; what is left out stays (signed in)",
          body: preferencesBody,
          response: { 200: preferencesSchema, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => updatePreferences(deps.db, requireActor(request).userId, request.body, deps.now()),
    );
  };
}
