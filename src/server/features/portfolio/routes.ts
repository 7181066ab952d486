import { z } from "zod";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { portfolioQuery, portfolioSchema } from "../../../core/portfolio.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { exportName } from "./columns.js";
import { portfolioCsv } from "./csv.js";
import { getPortfolio } from "./service.js";
import { portfolioXlsx } from "./xlsx.js";

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const who =
  "signed in: the caller's scopes, one of them (`scope`), or a whole state (`state`: the community admin or that state's coordinator)";

/** An export as a download: named for what it covers and the day, kept by no shared cache. */
function sendDownload(reply: FastifyReply, type: string, filename: string, body: string | Buffer) {
  return reply
    .type(type)
    .header("content-disposition", `attachment; filename="${filename}"`)
    .header("cache-control", "private, no-store")
    .send(body);
}

export function portfolioRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/portfolio",
      {
        config: { access: "user" },
        schema: {
          tags: ["coordinators"],
          summary: `A coordinator's portfolio: every partnership with its figures and flags, filtered and sorted (${who})`,
          querystring: portfolioQuery,
          response: { 200: portfolioSchema, ...problems },
        },
      },
      async (request, reply) => {
        const portfolio = await getPortfolio(deps, requireActor(request), request.query, request.locale);
        // Members-only figures: no shared cache keeps them.
        return reply.header("cache-control", "private, no-store").send(portfolio);
      },
    );

    app.get(
      "/portfolio.csv",
      {
        config: { access: "user" },
        schema: {
          tags: ["coordinators"],
          summary: "The portfolio as CSV, with the same selection, filters and order (signed in)",
          querystring: portfolioQuery,
          response: { 200: z.string(), ...problems },
        },
      },
      async (request, reply) => {
        const portfolio = await getPortfolio(deps, requireActor(request), request.query, request.locale);
        return sendDownload(
          reply,
          "text/csv; charset=utf-8",
          `${exportName(portfolio)}.csv`,
          portfolioCsv(portfolio, deps.config.publicUrl, request.locale),
        );
      },
    );

    app.get(
      "/portfolio.xlsx",
      {
        config: { access: "user" },
        schema: {
          tags: ["coordinators"],
          summary:
            "The portfolio as an Excel workbook, with the same selection, filters and order (signed in)",
          querystring: portfolioQuery,
          // 200 is the workbook's bytes (a Buffer, sent as they are): no JSON schema describes them.
          response: problems,
        },
      },
      async (request, reply) => {
        const portfolio = await getPortfolio(deps, requireActor(request), request.query, request.locale);
        return sendDownload(
          reply,
          XLSX,
          `${exportName(portfolio)}.xlsx`,
          await portfolioXlsx(portfolio, deps.config.publicUrl, request.locale),
        );
      },
    );
  };
}
