import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  addMemberBody,
  invitationBody,
  invitationSchema,
  memberSchema,
  membersResponse,
  organizationBody,
  organizationSchema,
} from "../../../core/members.js";
import { problemSchema } from "../../../core/problem.js";
import { roles } from "../../../core/vocabulary.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import {
  acceptInvitation,
  addMember,
  addOrganization,
  describeInvitation,
  invite,
  listMembers,
} from "./service.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const tokenParam = z.strictObject({ token: z.string().min(20).max(200) });
const writeProblems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
};

export function memberRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/partnerships/:id/members",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary:
            "Who sits at the table, its organizations and open invitations (members of the partnership)",
          params: idParam,
          response: { 200: membersResponse, 401: problemSchema, 403: problemSchema, 404: problemSchema },
        },
      },
      async (request) => listMembers(deps, request.actor, request.params.id),
    );

    app.post(
      "/partnerships/:id/organizations",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary: "Add a business or public partner organization (convener)",
          params: idParam,
          body: organizationBody,
          response: { 201: organizationSchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addOrganization(deps, requireActor(request), request.params.id, request.body)),
    );

    app.post(
      "/partnerships/:id/members",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary: "Add a person to the table without an account (convener)",
          params: idParam,
          body: addMemberBody,
          response: { 201: memberSchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addMember(deps, requireActor(request), request.params.id, request.body)),
    );

    app.post(
      "/partnerships/:id/invitations",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary: "Invite a person by e-mail with a role (convener)",
          params: idParam,
          body: invitationBody,
          response: { 201: invitationSchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await invite(deps, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      "/invitations/:token",
      {
        config: { access: "public" },
        schema: {
          tags: ["members"],
          summary: "What an invitation link offers (anyone holding the link)",
          params: tokenParam,
          response: {
            200: z.object({
              partnershipId: z.uuid(),
              partnershipName: z.string(),
              partnershipSlug: z.string(),
              email: z.string(),
              name: z.string(),
              role: z.enum(roles),
              organization: z.string(),
              expired: z.boolean(),
              accepted: z.boolean(),
            }),
            404: problemSchema,
          },
        },
      },
      async (request) => describeInvitation(deps, request.params.token),
    );

    app.post(
      "/invitations/:token/accept",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary: "Accept an invitation (signed in with the invited e-mail address)",
          params: tokenParam,
          response: {
            200: z.object({ partnershipId: z.uuid(), slug: z.string(), role: z.enum(roles) }),
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
            410: problemSchema,
          },
        },
      },
      async (request) => acceptInvitation(deps, requireActor(request), request.params.token),
    );
  };
}
