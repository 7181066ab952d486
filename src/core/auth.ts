import { z } from "zod";
import { limits } from "./limits.js";

export const emailSchema = z
  .email({ error: "must be an e-mail address such as name@example.org" })
  .max(limits.email)
  .transform((e) => e.trim().toLowerCase());

export const passwordSchema = z
  .string()
  .min(limits.passwordMin, { error: `must be at least ${limits.passwordMin} characters` })
  .max(limits.passwordMax);

export const signupBody = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().min(1, { error: "is required" }).max(limits.personName),
});
export type SignupBody = z.infer<typeof signupBody>;

export const loginBody = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, { error: "is required" }).max(limits.passwordMax),
});

export const resetRequestBody = z.strictObject({ email: emailSchema });
export const resetConfirmBody = z.strictObject({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});

export const meSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  partnerships: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), role: z.string() })),
});
export type Me = z.infer<typeof meSchema>;
