/**
 * Joining by an invitation's link. The link was mailed to the invited address, so holding it
 * proves that address as a sign-in link does: it signs in the address's owner, making the account
 * (without a password, which they may add later) when the address has none, and seats them.
 */
import { eq } from "drizzle-orm";
import { people, users } from "../../../db/schema/index.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { msg } from "../../../core/i18n/msg.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { createUser, startSession } from "../auth/service.js";
import { openInvitation, takeInvitation } from "./service.js";

export async function joinByInvitation(
  deps: AppDeps,
  token: string,
  body: { name?: string | undefined },
  locale?: AppLocale,
) {
  return deps.db.transaction(async (tx) => {
    // A closed invitation makes no account.
    const { invitation } = await openInvitation(tx, deps, token);
    const email = invitation.email;
    const [existing] = await tx
      .select({ userId: users.id, personId: people.id, isAdmin: users.isAdmin, isService: users.isService })
      .from(users)
      .innerJoin(people, eq(people.userId, users.id))
      .where(eq(users.email, email));
    // An invitation stays valid for days in a mailbox: it never opens a community admin's account,
    // whose owner signs in by the usual ways (a 15-minute link, the password) and then accepts.
    // A service account never signs in, whatever an invitation says.
    if (existing?.isService) {
      throw new AppError(
        "forbidden",
        msg({
          id: "server.members.invitation.notForThisAddress",
          defaultMessage: "This invitation cannot be accepted for this address.",
        }),
      );
    }
    if (existing?.isAdmin) {
      throw new AppError(
        "unauthenticated",
        msg({
          id: "server.members.invitation.signInFirst",
          defaultMessage: "Sign in to your account first, then accept the invitation.",
        }),
      );
    }
    const account =
      existing ??
      (await createUser(tx, { email, name: body.name ?? invitation.name, locale }, { checkStrength: false }));
    const seat = await takeInvitation(tx, deps, token, { personId: account.personId, email });
    return { ...seat, created: !existing, sessionToken: await startSession(tx, account.userId, deps.now()) };
  });
}
