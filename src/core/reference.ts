import { z } from "zod";

export const naicsEntry = z.object({
  code: z.string(),
  title: z.string(),
  level: z.number().int(),
});
export type NaicsEntry = z.infer<typeof naicsEntry>;

export const countyEntry = z.object({
  fips: z.string(),
  name: z.string(),
  state: z.string(),
  cbsaType: z.enum(["metro", "micro", "noncore"]).nullable(),
});
export type CountyEntry = z.infer<typeof countyEntry>;

export const naicsSearchQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  codes: z.string().max(2000).optional(),
  level: z.coerce.number().int().min(2).max(6).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const countiesQuery = z.strictObject({
  state: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional(),
  q: z.string().trim().max(100).optional(),
  fips: z.string().max(2000).optional(),
});
