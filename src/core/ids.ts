import { z } from "zod";

/**
 * A record's id, a UUID. Named "Uuid" in the OpenAPI document, so that its long pattern is
 * written once instead of at each of several hundred uses.
 */
export const uuidSchema = z.uuid();
z.globalRegistry.add(uuidSchema, { id: "Uuid" });
