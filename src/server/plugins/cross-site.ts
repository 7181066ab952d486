import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { resourceFileTypes } from "../../core/resource-vocabulary.js";
import type { AppDeps } from "../deps.js";
import { sendProblem } from "./errors.js";

const JSON_TYPE = "application/json";
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

interface BodyTypes {
  types: readonly string[];
  /** What to send instead, for the answer's detail. */
  wanted: string;
}

const jsonBody: BodyTypes = { types: [JSON_TYPE], wanted: "the body as application/json" };
const fileBody: BodyTypes = {
  types: Object.keys(resourceFileTypes),
  wanted: "a PDF, Word (.docx) or Excel (.xlsx) file as the body",
};

/**
 * Routes whose body is not JSON and whose schema does not say so in `consumes` (the CSV import
 * does): uploads take the raw bytes of a file, and mail clients post the one-click unsubscribe
 * as a form (RFC 8058). The app refuses to start when one of these routes is gone.
 */
const otherBodies = new Map<string, BodyTypes>([
  ["PUT /api/resources/:id/file", fileBody],
  ["POST /api/events/:id/materials/files", fileBody],
  ["POST /api/meetings/:id/files", fileBody],
  [
    "POST /api/unsubscribe",
    {
      types: [JSON_TYPE, "application/x-www-form-urlencoded", "multipart/form-data"],
      wanted: "the body as application/json or as a form",
    },
  ],
]);

/**
 * Routes another site may call: the one-click unsubscribe is posted by mail clients, from no
 * origin or from a webmail's, and its signed token, not a session, is what lets it act.
 */
const crossSiteAllowed = new Set(["POST /api/unsubscribe"]);

const routeKey = (request: FastifyRequest) => `${request.method} ${request.routeOptions.url ?? ""}`;

function bodyTypesOf(request: FastifyRequest): BodyTypes {
  const declared = request.routeOptions.schema?.consumes;
  if (declared && declared.length > 0)
    return { types: declared, wanted: `the body as ${declared.join(" or ")}` };
  return otherBodies.get(routeKey(request)) ?? jsonBody;
}

function hasBody(request: FastifyRequest): boolean {
  const { headers } = request;
  if (headers["content-type"] !== undefined || headers["transfer-encoding"] !== undefined) return true;
  return Number(headers["content-length"] ?? 0) > 0;
}

function refuseType(request: FastifyRequest, reply: FastifyReply): FastifyReply | undefined {
  if (!hasBody(request)) return undefined;
  const { types, wanted } = bodyTypesOf(request);
  const header = request.headers["content-type"] ?? "";
  const type = header.split(";")[0]?.trim().toLowerCase() ?? "";
  if (types.includes(type)) return undefined;
  return sendProblem(reply, 415, {
    type: "https://sharedtable.dev/problems/unsupported-media-type",
    title: "This kind of body is not accepted here",
    detail: `Send ${wanted}; ${type ? type.slice(0, 100) : "a body without a Content-Type"} is not accepted here.`,
  });
}

/**
 * Whether the request comes from a page of another site: the browser says so in Sec-Fetch-Site,
 * or its Origin is neither the app's public address nor the address the request was sent to.
 * Requests without either header (curl, servers, mail clients) are not a browser's cross-site
 * request and pass.
 */
function fromOtherSite(request: FastifyRequest, publicOrigin: string): string | null {
  const site = request.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") return `Sec-Fetch-Site: ${site}`;
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  const own = `${request.protocol}://${request.host}`.toLowerCase();
  const given = origin.toLowerCase();
  return given === publicOrigin || given === own ? null : `Origin: ${origin.slice(0, 200)}`;
}

/**
 * Guards every state-changing route against other sites: a page elsewhere may make a signed-in
 * browser send a form or a text/plain body (no CORS preflight), so such requests are refused, and
 * each route reads only the type of body it declares. Runs on arrival, before the body is read.
 */
export function registerCrossSiteGuard(app: FastifyInstance, deps: AppDeps) {
  const publicOrigin = new URL(deps.config.publicUrl).origin.toLowerCase();
  app.addHook("onRequest", async (request, reply) => {
    if (!STATE_CHANGING.has(request.method) || request.is404) return;
    const other = crossSiteAllowed.has(routeKey(request)) ? null : fromOtherSite(request, publicOrigin);
    if (other) {
      return sendProblem(reply, 403, {
        type: "https://sharedtable.dev/problems/cross-site",
        title: "Requests from other sites are refused",
        detail: `Requests from other sites are refused (${other}). Use Shared Table at ${deps.config.publicUrl}.`,
      });
    }
    return refuseType(request, reply);
  });
  app.addHook("onReady", async () => {
    for (const key of [...otherBodies.keys(), ...crossSiteAllowed]) {
      const [method = "", url = ""] = key.split(" ");
      if (!app.hasRoute({ method, url }))
        throw new Error(`The request guard names ${key}, which is no route`);
    }
  });
}
