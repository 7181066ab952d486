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
  removalPreviewSchema,
  removeMemberBody,
  updateInvitationBody,
  updateMemberBody,
  updateOrganizationBody,
  versionBody,
  leadersBenchmarkSchema,
} from "../../../core/members.js";
import { problemSchema } from "../../../core/problem.js";
import { roles } from "../../../core/vocabulary.js";
import type { AppDeps } from "../../deps.js";
import { requireActor, setSessionCookie } from "../../plugins/auth.js";
import { joinByInvitation } from "./join.js";
import { leadersBenchmark } from "./leaders-benchmark.js";
import { invitationJoinBody } from "../../../core/auth.js";
import {
  acceptInvitation,
  addMember,
  addOrganization,
  describeInvitation,
  invite,
  listMembers,
} from "./service.js";
import { leavePartnership, removalPreview, removeMember, updateMember } from "./manage-members.js";
import {
  removeOrganization,
  resendInvitation,
  revokeInvitation,
  updateInvitation,
  updateOrganization,
} from "./manage-table.js";
import { uuidSchema } from "../../../core/ids.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const tokenParam = z.strictObject({ token: z.string().min(20).max(200) });
const writeProblems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
};
const memberParam = z.strictObject({
  id: z.string().min(1).max(120),
  membershipId: z.string().min(1).max(120),
});
const organizationParam = z.strictObject({
  id: z.string().min(1).max(120),
  organizationId: z.string().min(1).max(120),
});
const invitationParam = z.strictObject({
  id: z.string().min(1).max(120),
  invitationId: z.string().min(1).max(120),
});
/** Writes on an existing record: a stale version or a broken rule answers 409. */
const changeProblems = { ...writeProblems, 409: problemSchema };

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

    app.get(
      "/partnerships/:id/leaders-benchmark",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary:
            "The share of business people who are owners, CEOs or executives, against peers in the same industry (or the community) when 5 or more record it (members)",
          params: idParam,
          response: {
            200: leadersBenchmarkSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => leadersBenchmark(deps, request.actor, request.params.id, request.locale),
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

    app.patch(
      "/partnerships/:id/members/:membershipId",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary:
            "Edit a person's membership: name, title, e-mail, role, organization (convener; 409 on a stale version or when it would leave no convener)",
          params: memberParam,
          body: updateMemberBody,
          response: { 200: memberSchema, ...changeProblems },
        },
      },
      async (request) =>
        updateMember(
          deps,
          requireActor(request),
          request.params.id,
          request.params.membershipId,
          request.body,
        ),
    );

    app.get(
      "/partnerships/:id/members/:membershipId/removal-preview",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary:
            "What removing a person changes: their open actions to reassign and their teams (convener)",
          params: memberParam,
          response: { 200: removalPreviewSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
        },
      },
      async (request) =>
        removalPreview(deps, requireActor(request), request.params.id, request.params.membershipId),
    );

    app.delete(
      "/partnerships/:id/members/:membershipId",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary:
            "Remove a person from the partnership, keeping its history; send the open actions the removal preview showed (convener)",
          params: memberParam,
          body: removeMemberBody,
          response: { 200: removalPreviewSchema, ...changeProblems },
        },
      },
      async (request) =>
        removeMember(
          deps,
          requireActor(request),
          request.params.id,
          request.params.membershipId,
          request.body,
        ),
    );

    app.post(
      "/partnerships/:id/members/me/leave",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary: "Leave the partnership (a member; not its last convener)",
          params: idParam,
          response: {
            204: z.null(),
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
            409: problemSchema,
          },
        },
      },
      async (request, reply) => {
        await leavePartnership(deps, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.patch(
      "/partnerships/:id/organizations/:organizationId",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary: "Edit an organization (convener; 409 on a stale version)",
          params: organizationParam,
          body: updateOrganizationBody,
          response: { 200: organizationSchema, ...changeProblems },
        },
      },
      async (request) =>
        updateOrganization(
          deps,
          requireActor(request),
          request.params.id,
          request.params.organizationId,
          request.body,
        ),
    );

    app.delete(
      "/partnerships/:id/organizations/:organizationId",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary: "Remove an organization nobody sits at the table for (convener; 409 while it has members)",
          params: organizationParam,
          body: versionBody,
          response: { 204: z.null(), ...changeProblems },
        },
      },
      async (request, reply) => {
        await removeOrganization(
          deps,
          requireActor(request),
          request.params.id,
          request.params.organizationId,
          request.body.version,
        );
        return reply.status(204).send(null);
      },
    );

    app.patch(
      "/partnerships/:id/invitations/:invitationId",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary: "Change the name, role or organization of an invitation not yet accepted (convener)",
          params: invitationParam,
          body: updateInvitationBody,
          response: { 200: invitationSchema, ...changeProblems },
        },
      },
      async (request) =>
        updateInvitation(
          deps,
          requireActor(request),
          request.params.id,
          request.params.invitationId,
          request.body,
        ),
    );

    app.delete(
      "/partnerships/:id/invitations/:invitationId",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary: "Revoke an invitation: its link stops working; it stays listed as revoked (convener)",
          params: invitationParam,
          body: versionBody,
          response: { 200: invitationSchema, ...changeProblems },
        },
      },
      async (request) =>
        revokeInvitation(
          deps,
          requireActor(request),
          request.params.id,
          request.params.invitationId,
          request.body.version,
        ),
    );

    app.post(
      "/partnerships/:id/invitations/:invitationId/resend",
      {
        config: { access: "user" },
        schema: {
          tags: ["members"],
          summary:
            "E-mail the invitation again with a new link valid for 14 days; the old link stops working (convener)",
          params: invitationParam,
          body: versionBody,
          response: { 200: invitationSchema, ...changeProblems },
        },
      },
      async (request) =>
        resendInvitation(
          deps,
          requireActor(request),
          request.params.id,
          request.params.invitationId,
          request.body.version,
        ),
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
              partnershipId: uuidSchema,
              partnershipName: z.string(),
              partnershipSlug: z.string(),
              email: z.string(),
              name: z.string(),
              role: z.enum(roles),
              organization: z.string(),
              expired: z.boolean(),
              accepted: z.boolean(),
              revoked: z.boolean(),
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
            200: z.object({ partnershipId: uuidSchema, slug: z.string(), role: z.enum(roles) }),
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
            410: problemSchema,
          },
        },
      },
      async (request) => acceptInvitation(deps, requireActor(request), request.params.token),
    );

    app.post(
      "/invitations/:token/join",
      {
        config: { access: "public" },
        schema: {
          tags: ["members"],
          summary:
            "Accept an invitation by its link alone: signs in the invited address's owner, making the account (without a password) when there is none",
          params: tokenParam,
          body: invitationJoinBody,
          response: {
            200: z.object({
              partnershipId: uuidSchema,
              slug: z.string(),
              role: z.enum(roles),
              /** True when this made the account. */
              created: z.boolean(),
            }),
            400: problemSchema,
            401: problemSchema,
            404: problemSchema,
            410: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { sessionToken, ...joined } = await joinByInvitation(
          deps,
          request.params.token,
          request.body,
          request.locale,
        );
        setSessionCookie(reply, deps, sessionToken);
        return joined;
      },
    );
  };
}
