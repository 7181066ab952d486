import { z } from "zod";

/** RFC 9457 problem details, the one shape of every error answer. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z
    .array(
      z.object({
        field: z.string(),
        message: z.string(),
        /** For a file import: the file's row (1 = the first data row) and its column. */
        row: z.number().int().optional(),
        column: z.string().optional(),
      }),
    )
    .optional(),
  current: z.unknown().optional(),
  /** A stable code for why, when one status has several causes (a reset link: used, expired, replaced). */
  reason: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
// Named in the OpenAPI document: every error answer of every operation refers to it.
z.globalRegistry.add(problemSchema, { id: "Problem" });
