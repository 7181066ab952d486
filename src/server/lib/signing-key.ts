import { randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/open.js";
import { appSecrets } from "../../db/schema/index.js";
import type { AppDeps } from "../deps.js";

/**
 * A key to sign links with: SESSION_SECRET when set; otherwise a random key made once under
 * `name` and kept in the database, so links survive a restart and every server agrees.
 */
export async function signingKey(deps: AppDeps, tx: Executor, name: string): Promise<string> {
  if (deps.config.SESSION_SECRET) return deps.config.SESSION_SECRET;
  // Read first: a mail-sending transaction writes nothing once the key exists.
  const [existing] = await tx.select().from(appSecrets).where(eq(appSecrets.name, name));
  if (existing) return existing.value;
  await tx
    .insert(appSecrets)
    .values({ name, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await tx.select().from(appSecrets).where(eq(appSecrets.name, name));
  if (!row) throw new Error(`signing key ${name} missing`);
  return row.value;
}

/** Whether a signature given in a link is the expected one, in constant time. */
export function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
