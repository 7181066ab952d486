/**
 * Shapes that many schemas of the API repeat (a stage, an impact area, a date, an e-mail
 * address, a county), named once for the OpenAPI document. The document refers to one of these
 * wherever a schema says exactly the same thing (server/openapi-document.ts), so each is written
 * once; the schemas of the API themselves do not change.
 */
import { z } from "zod";
import { characteristicsIndicators } from "./assessment-scoring.js";
import { actionStatuses } from "./agenda.js";
import { groupVisibilitySchema } from "./assessment.js";
import { discussionCategories } from "./discussion-categories.js";
import { impactAreas, visibilities } from "./impact.js";
import { uuidSchema } from "./ids.js";
import { limits } from "./limits.js";
import { roles, stages, themes } from "./vocabulary.js";

export const openApiShapes: Record<string, z.ZodType> = {
  Stage: z.enum(stages),
  GroupVisibility: groupVisibilitySchema,
  Role: z.enum(roles),
  Theme: z.enum(themes),
  ImpactArea: z.enum(impactAreas),
  Visibility: z.enum(visibilities),
  ActionStatus: z.enum(actionStatuses),
  AssessmentCharacteristicKey: z.enum(characteristicsIndicators),
  DiscussionCategory: z.enum(discussionCategories),
  EmailAddress: z.email().max(limits.email),
  Date: z.iso.date(),
  DateTime: z.iso.datetime({ offset: true }),
  DateOrNull: z.iso.date().nullable(),
  UuidOrNull: uuidSchema.nullable(),
  CodeAndTitle: z.object({ code: z.string(), title: z.string() }),
  CountyName: z.object({ fips: z.string(), name: z.string(), state: z.string() }),
};
