import { randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../../db/open.js";
import { appSecrets } from "../../db/schema/index.js";
import type { AppDeps } from "../deps.js";

const knownKeys = new WeakMap<AppDeps, Map<string, string>>();

/**
 * A key to sign links with: SESSION_SECRET when set; otherwise a random key made once under
 * `name` and kept in the database, so links survive a restart and every server agrees.
 */
export async function signingKey(deps: AppDeps, tx: Executor, name: string): Promise<string> {
  if (deps.config.SESSION_SECRET) return deps.config.SESSION_SECRET;
  const kept = knownKeys.get(deps)?.get(name);
  if (kept !== undefined) return kept;
  // Read first: a mail-sending transaction writes nothing once the key exists.
  const [existing] = await tx.select().from(appSecrets).where(eq(appSecrets.name, name));
  if (existing) {
    // A stored key never changes, so it is read once per server; one made below is not kept
    // here, since the transaction that made it may yet roll back.
    const keys = knownKeys.get(deps) ?? new Map<string, string>();
    keys.set(name, existing.value);
    knownKeys.set(deps, keys);
    return existing.value;
  }
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
