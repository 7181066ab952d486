import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyReply } from "fastify";
import {
  annualReportQuery,
  annualReportSchema,
  reportFileName,
  type AnnualReport,
} from "../../../core/annual-report.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { annualReportCsv } from "./csv.js";
import { annualReportPdf } from "./pdf.js";
import { buildAnnualReport } from "./service.js";
import { annualReportXlsx } from "./xlsx.js";

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const who = "(community admin: any scope or state; coordinators: their own; reads are logged)";

/** A report holds members-only values: no shared cache may keep a copy, and the browser saves it. */
function download(
  reply: FastifyReply,
  report: AnnualReport,
  type: string,
  extension: "pdf" | "xlsx" | "csv",
  body: Buffer | string,
) {
  return reply
    .type(type)
    .header(
      "content-disposition",
      `attachment; filename="${reportFileName(report.scope, report.year, extension)}"`,
    )
    .header("cache-control", "private, no-store")
    .send(body);
}

/** The annual outcomes report of a coordinator's scope: JSON for the page, and PDF, Excel, CSV. */
export function reportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/reports/annual",
      {
        config: { access: "user" },
        schema: {
          tags: ["reports"],
          summary: `The annual outcomes report of a scope or state for a year ${who}`,
          querystring: annualReportQuery,
          response: { 200: annualReportSchema, ...problems },
        },
      },
      async (request, reply) => {
        const report = await buildAnnualReport(deps, requireActor(request), request.query, request.locale);
        return reply.header("cache-control", "private, no-store").send(report);
      },
    );

    app.get(
      "/reports/annual.pdf",
      {
        config: { access: "user" },
        schema: {
          tags: ["reports"],
          summary: `The annual outcomes report as a PDF ${who}`,
          querystring: annualReportQuery,
          response: problems,
        },
      },
      async (request, reply) => {
        const report = await buildAnnualReport(deps, requireActor(request), request.query, request.locale);
        return download(
          reply,
          report,
          "application/pdf",
          "pdf",
          await annualReportPdf(report, request.locale),
        );
      },
    );

    app.get(
      "/reports/annual.xlsx",
      {
        config: { access: "user" },
        schema: {
          tags: ["reports"],
          summary: `The annual outcomes report as an Excel workbook, one sheet per section ${who}`,
          querystring: annualReportQuery,
          response: problems,
        },
      },
      async (request, reply) => {
        const report = await buildAnnualReport(deps, requireActor(request), request.query, request.locale);
        return download(reply, report, XLSX, "xlsx", await annualReportXlsx(report, request.locale));
      },
    );

    app.get(
      "/reports/annual.csv",
      {
        config: { access: "user" },
        schema: {
          tags: ["reports"],
          summary: `The annual outcomes report as CSV, one row per partnership and chosen indicator ${who}`,
          querystring: annualReportQuery,
          response: { 200: z.string(), ...problems },
        },
      },
      async (request, reply) => {
        const report = await buildAnnualReport(deps, requireActor(request), request.query, request.locale);
        return download(
          reply,
          report,
          "text/csv; charset=utf-8",
          "csv",
          annualReportCsv(report, request.locale),
        );
      },
    );
  };
}
