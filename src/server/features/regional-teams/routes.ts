import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import {
  regionalTeamDetail,
  regionalTeamList,
  startedPartnershipSchema,
  startPartnershipBody,
  teamCandidateBody,
  teamCandidatePatchBody,
  teamCreateBody,
  teamItemParams,
  teamMemberBody,
  teamNoteBody,
  teamNotePatchBody,
  teamOrganizationBody,
  teamPatchBody,
  teamSlugParams,
  teamStepBody,
} from "../../../core/regional-teams.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { addTeamMember, addTeamOrganization, removeTeamMember, removeTeamOrganization } from "./people.js";
import { createTeam, getTeam, listTeams, updateTeam } from "./service.js";
import {
  addTeamCandidate,
  addTeamNote,
  deleteTeamNote,
  editTeamCandidate,
  editTeamNote,
  removeTeamCandidate,
  tickTeamStep,
} from "./shared-work.js";
import { startPartnership } from "./start-partnership.js";

const tags = ["regional-teams"];
const readProblems = { 400: problemSchema, 401: problemSchema, 404: problemSchema };
const writeProblems = { ...readProblems, 403: problemSchema, 409: problemSchema };
const detail = { 200: regionalTeamDetail, ...writeProblems };

/**
 * Regional support teams. Every route is for signed-in people; the service answers 404 to anyone
 * who is neither on the team, nor the community admin, nor a coordinator of its region.
 */
export function regionalTeamRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/regional-teams",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary:
            "Regional teams the caller sits on, or reads as the admin or a coordinator of their region",
          response: { 200: regionalTeamList, 401: problemSchema },
        },
      },
      async (request) => listTeams(deps, requireActor(request)),
    );

    app.post(
      "/regional-teams",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary:
            "Start a regional support team for counties or a CBSA; the caller is its convener (signed in)",
          body: teamCreateBody,
          response: { 201: regionalTeamDetail, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createTeam(deps, requireActor(request), request.body)),
    );

    app.get(
      "/regional-teams/:slug",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "A regional team (members; admin and coordinators of its region read it)",
          params: teamSlugParams,
          response: { 200: regionalTeamDetail, ...readProblems },
        },
      },
      async (request) => getTeam(deps, requireActor(request), request.params.slug),
    );

    app.patch(
      "/regional-teams/:slug",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Edit the team's name, region and description (conveners; versioned)",
          params: teamSlugParams,
          body: teamPatchBody,
          response: detail,
        },
      },
      async (request) => updateTeam(deps, requireActor(request), request.params.slug, request.body),
    );

    app.post(
      "/regional-teams/:slug/organizations",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Add a public-partner organization to the team (conveners)",
          params: teamSlugParams,
          body: teamOrganizationBody,
          response: detail,
        },
      },
      async (request) => addTeamOrganization(deps, requireActor(request), request.params.slug, request.body),
    );

    app.delete(
      "/regional-teams/:slug/organizations/:id",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Remove an organization from the team (conveners)",
          params: teamItemParams,
          response: detail,
        },
      },
      async (request) =>
        removeTeamOrganization(deps, requireActor(request), request.params.slug, request.params.id),
    );

    app.post(
      "/regional-teams/:slug/members",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Add a person to the team by e-mail (conveners)",
          params: teamSlugParams,
          body: teamMemberBody,
          response: detail,
        },
      },
      async (request) => addTeamMember(deps, requireActor(request), request.params.slug, request.body),
    );

    app.delete(
      "/regional-teams/:slug/members/:id",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Remove a person from the team (conveners)",
          params: teamItemParams,
          response: detail,
        },
      },
      async (request) =>
        removeTeamMember(deps, requireActor(request), request.params.slug, request.params.id),
    );

    app.put(
      "/regional-teams/:slug/steps",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Tick or untick a step of the first stage, building civic infrastructure (conveners)",
          params: teamSlugParams,
          body: teamStepBody,
          response: detail,
        },
      },
      async (request) => tickTeamStep(deps, requireActor(request), request.params.slug, request.body),
    );

    app.post(
      "/regional-teams/:slug/notes",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Write a shared note in Markdown (team members)",
          params: teamSlugParams,
          body: teamNoteBody,
          response: detail,
        },
      },
      async (request) => addTeamNote(deps, requireActor(request), request.params.slug, request.body.body),
    );

    app.patch(
      "/regional-teams/:slug/notes/:id",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Edit one's own note (its author; versioned)",
          params: teamItemParams,
          body: teamNotePatchBody,
          response: detail,
        },
      },
      async (request) =>
        editTeamNote(deps, requireActor(request), request.params.slug, request.params.id, request.body),
    );

    app.delete(
      "/regional-teams/:slug/notes/:id",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Delete one's own note (its author)",
          params: teamItemParams,
          response: detail,
        },
      },
      async (request) => deleteTeamNote(deps, requireActor(request), request.params.slug, request.params.id),
    );

    app.post(
      "/regional-teams/:slug/candidates",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Add a candidate industry by NAICS code, with a note (team members)",
          params: teamSlugParams,
          body: teamCandidateBody,
          response: detail,
        },
      },
      async (request) => addTeamCandidate(deps, requireActor(request), request.params.slug, request.body),
    );

    app.patch(
      "/regional-teams/:slug/candidates/:id",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Edit the note of a candidate industry (team members; versioned)",
          params: teamItemParams,
          body: teamCandidatePatchBody,
          response: detail,
        },
      },
      async (request) =>
        editTeamCandidate(deps, requireActor(request), request.params.slug, request.params.id, request.body),
    );

    app.delete(
      "/regional-teams/:slug/candidates/:id",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Remove a candidate industry (conveners)",
          params: teamItemParams,
          response: detail,
        },
      },
      async (request) =>
        removeTeamCandidate(deps, requireActor(request), request.params.slug, request.params.id),
    );

    app.post(
      "/regional-teams/:slug/partnerships",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary:
            "Start a partnership from the team: its organizations, people and first-stage steps come along (conveners)",
          params: teamSlugParams,
          body: startPartnershipBody,
          response: { 201: startedPartnershipSchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await startPartnership(deps, requireActor(request), request.params.slug, request.body)),
    );
  };
}
