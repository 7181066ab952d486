import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

const params = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Stored as scrypt$N$r$p$salt$hash so the cost can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: params.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let estimator: Promise<ZxcvbnFactory> | undefined;
/**
 * Loaded and built on first use: its dictionaries take about 100 ms to load, which every start
 * of the server would otherwise pay for a check made only when someone sets a password.
 */
function strength(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(
    ([core, common, en]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
        // Its matching grows fast with length (about 2 s for 200 characters); 64 characters that are
        // hard to guess already make the whole password hard to guess.
        maxLength: 64,
      }),
  );
  return estimator;
}

export const WEAK_PASSWORD_ADVICE = "add another word or two; avoid names and common phrases";

/** The parts of a name or an address long enough that a password containing them is a giveaway. */
function personalParts(email: string, name: string): string[] {
  const local = email.split("@")[0] ?? "";
  const parts = [
    email,
    local,
    name.replace(/\s+/g, ""),
    ...name.split(/[\s,.'-]+/),
    ...local.split(/[._+-]+/),
  ];
  return parts.map((p) => p.toLowerCase()).filter((p) => p.length >= 4);
}

/**
 * NIST SP 800-63B: no composition rules, but refuse what is known to be guessed early: common and
 * breached-style passwords (zxcvbn's dictionaries, score under 3), one repeated character, and the
 * account's own address or name. Answers what is wrong, or null when the password may be used.
 */
export async function passwordProblem(
  password: string,
  who: { email: string; name: string },
): Promise<string | null> {
  const lower = password.toLowerCase();
  if (/^(.)\1*$/su.test(password)) return `is one character repeated: ${WEAK_PASSWORD_ADVICE}`;
  if (personalParts(who.email, who.name).some((part) => lower.includes(part))) {
    return `contains your name or e-mail address: ${WEAK_PASSWORD_ADVICE}`;
  }
  const result = (await strength()).check(password, [who.email, who.name, "shared table", "sharedtable"]);
  if (result.score < 3) {
    const why = result.feedback.warning
      ? ` (${result.feedback.warning.replace(/\.$/, "").toLowerCase()})`
      : "";
    return `is too easy to guess${why}: ${WEAK_PASSWORD_ADVICE}`;
  }
  return null;
}
