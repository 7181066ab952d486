import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import cookie from "@fastify/cookie";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { msg } from "../core/i18n/msg.js";
import type { AppDeps } from "./deps.js";
import { errorTitle } from "./errors.js";
import { translate } from "./i18n/intl.js";
import { registerAuth } from "./plugins/auth.js";
import { registerLocale } from "./plugins/locale.js";
import { frameworkErrors, MAX_PARAM_LENGTH, registerErrorHandler, sendProblem } from "./plugins/errors.js";
import { registerBadInputGuard } from "./plugins/bad-input.js";
import { registerCrossSiteGuard } from "./plugins/cross-site.js";
import { registerSecurityHeaders } from "./plugins/security-headers.js";
import { registerWeb } from "./plugins/web.js";
import { responseSerializerCompiler } from "./lib/response-serializer.js";
import { adminRoutes } from "./features/admin/routes.js";
import { impactRoutes } from "./features/impact/routes.js";
import { agendaRoutes } from "./features/agenda/routes.js";
import { assessmentRoutes } from "./features/assessment/routes.js";
import { authRoutes } from "./features/auth/routes.js";
import { healthRoutes } from "./features/health/routes.js";
import { memberRoutes } from "./features/members/routes.js";
import { partnershipRoutes } from "./features/partnerships/routes.js";
import { referenceRoutes } from "./features/reference/routes.js";
import { meetingRoutes } from "./features/meetings/routes.js";
import { checkInRoutes } from "./features/checkin/routes.js";
import { stageRoutes } from "./features/stages/routes.js";
import { healthPanelRoutes } from "./features/health/panel-routes.js";
import { activityRoutes } from "./features/activity/routes.js";
import { discussionRoutes } from "./features/discussions/routes.js";
import { notificationRoutes } from "./features/notifications/routes.js";
import { digestRoutes } from "./features/digest/routes.js";
import { peerRoutes } from "./features/peers/routes.js";
import { eventRoutes } from "./features/events/routes.js";
import { resourceRoutes } from "./features/resources/routes.js";
import { homeRoutes } from "./features/home/routes.js";
import { qcewFetchRoutes } from "./features/qcew/fetch-routes.js";
import { qcewRoutes } from "./features/qcew/routes.js";
import { regionEconomyRoutes } from "./features/qcew/profile-routes.js";
// The schemas the OpenAPI document names and refers to ($ref).
import "../core/openapi-components.js";
import { openApiTransformObject } from "./openapi-document.js";
import { industryChoiceRoutes } from "./features/qcew-choice/routes.js";
import { partnershipEconomyRoutes } from "./features/qcew/partnership-routes.js";
import { syncRoutes } from "./features/sync/routes.js";
import { themeRoutes } from "./features/themes/routes.js";
import { profileRoutes } from "./features/profiles/routes.js";
import { coordinatorRoutes } from "./features/coordinators/routes.js";
import { portfolioRoutes } from "./features/portfolio/routes.js";
import { reportRoutes } from "./features/reports/routes.js";
import { regionalTeamRoutes } from "./features/regional-teams/routes.js";
import { serviceTokenRoutes } from "./features/auth/service-token-routes.js";

export interface BuildOptions {
  logger?: FastifyServerOptions["logger"];
  /** Serve the built web app from dist/web (the server does; API tests need not). */
  web?: boolean;
  /**
   * The OpenAPI document as the schema library writes it, every schema in full, instead of
   * compacted with references: its test compares the two.
   */
  openApiInFull?: boolean;
}

type CompilersFactory = NonNullable<
  NonNullable<FastifyServerOptions["schemaController"]>["compilersFactory"]
>;
/**
 * Fastify's types describe the factories' products by Ajv's signature; at run time Fastify
 * calls them with the route's definition ({ schema, method, url, httpPart }), as it calls the
 * compilers given to setValidatorCompiler, which is what the Zod compilers take.
 */
const zodCompilersFactory = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => responseSerializerCompiler,
} as unknown as CompilersFactory;

/** The one Fastify app: the server and every test build it the same way. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: true,
    ajv: undefined,
    requestTimeout: 30_000,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    // Every schema is a Zod schema: handing Fastify the Zod compilers up front keeps it from
    // loading Ajv and fast-json-stringify (about 0.1 s of every start) only to replace them.
    schemaController: { compilersFactory: zodCompilersFactory },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  registerErrorHandler(app);

  registerSecurityHeaders(app, deps);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Shared Table API",
        version: "0.1.0",
        description:
          "The API of Shared Table, the workspace of Next Generation Sector Partnerships. " +
          "Errors are application/problem+json (RFC 9457). Each operation's summary says who may call it. " +
          "Whole numbers (type integer) are JavaScript safe integers, from -(2^53-1) to 2^53-1, unless a narrower range is given. " +
          "Objects are closed: a request with a property not listed is refused (400), and answers carry none (additionalProperties: false), unless a schema says otherwise.",
      },
    },
    transform: jsonSchemaTransform,
    // Named schemas and error answers are written once and referred to ($ref).
    transformObject: options.openApiInFull ? jsonSchemaTransformObject : openApiTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  registerLocale(app);
  registerAuth(app, deps);
  registerCrossSiteGuard(app, deps);
  registerBadInputGuard(app);

  await app.register(
    async (api) => {
      api.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
      await api.register(healthRoutes(deps));
      await api.register(authRoutes(deps));
      await api.register(referenceRoutes(deps));
      await api.register(partnershipRoutes(deps));
      await api.register(memberRoutes(deps));
      await api.register(agendaRoutes(deps));
      await api.register(adminRoutes(deps));
      await api.register(impactRoutes(deps));
      await api.register(themeRoutes(deps));
      await api.register(profileRoutes(deps));
      await api.register(assessmentRoutes(deps));
      await api.register(meetingRoutes(deps));
      await api.register(checkInRoutes(deps));
      await api.register(stageRoutes(deps));
      await api.register(healthPanelRoutes(deps));
      await api.register(activityRoutes(deps));
      await api.register(discussionRoutes(deps));
      await api.register(notificationRoutes(deps));
      await api.register(digestRoutes(deps));
      await api.register(peerRoutes(deps));
      await api.register(eventRoutes(deps));
      await api.register(resourceRoutes(deps));
      await api.register(homeRoutes(deps));
      await api.register(qcewFetchRoutes(deps));
      await api.register(qcewRoutes(deps));
      await api.register(regionEconomyRoutes(deps));
      await api.register(industryChoiceRoutes(deps));
      await api.register(partnershipEconomyRoutes(deps));
      await api.register(syncRoutes(deps));
      await api.register(coordinatorRoutes(deps));
      await api.register(portfolioRoutes(deps));
      await api.register(reportRoutes(deps));
      await api.register(regionalTeamRoutes(deps));
      await api.register(serviceTokenRoutes(deps));
    },
    { prefix: "/api" },
  );

  const hasWeb = options.web ? await registerWeb(app) : false;
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    if (hasWeb && request.method === "GET" && !path.startsWith("/api/") && !path.startsWith("/assets/")) {
      return reply.type("text/html").sendFile("index.html");
    }
    return sendProblem(reply, 404, {
      type: "https://sharedtable.dev/problems/not_found",
      title: translate(request.locale, errorTitle("not_found")),
      detail: translate(
        request.locale,
        msg(
          { id: "server.app.noRoute", defaultMessage: "There is no {method} {path}." },
          { method: request.method, path },
        ),
      ),
    });
  });
  return app;
}
