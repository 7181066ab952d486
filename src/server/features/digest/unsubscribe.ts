import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { appSecrets } from "../../../db/schema/index.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";

const KEY_NAME = "unsubscribe-key";
const tokenPattern = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

/** SESSION_SECRET when set; otherwise a random key made once and kept in the database. */
async function signingKey(deps: AppDeps, tx: Executor): Promise<string> {
  if (deps.config.SESSION_SECRET) return deps.config.SESSION_SECRET;
  await tx
    .insert(appSecrets)
    .values({ name: KEY_NAME, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await tx.select().from(appSecrets).where(eq(appSecrets.name, KEY_NAME));
  if (!row) throw new Error("unsubscribe key missing");
  return row.value;
}

const sign = (key: string, userId: string) =>
  createHmac("sha256", key).update(`unsubscribe:${userId}`).digest("base64url");

export async function unsubscribeToken(deps: AppDeps, tx: Executor, userId: string): Promise<string> {
  return `${userId}.${sign(await signingKey(deps, tx), userId)}`;
}

export async function unsubscribeLink(deps: AppDeps, tx: Executor, userId: string): Promise<string> {
  return `${deps.config.publicUrl}/unsubscribe?token=${await unsubscribeToken(deps, tx, userId)}`;
}

/** The user a token speaks for: 400 when it is not a token at all, 403 when its signature is wrong. */
export async function verifyUnsubscribeToken(deps: AppDeps, tx: Executor, token: string): Promise<string> {
  const match = tokenPattern.exec(token);
  if (!match?.[1] || !match[2]) throw new AppError("bad_request", "This unsubscribe link is incomplete.");
  const expected = Buffer.from(sign(await signingKey(deps, tx), match[1]));
  const given = Buffer.from(match[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError("forbidden", "This unsubscribe link was altered; use the link from the e-mail.");
  }
  return match[1];
}
