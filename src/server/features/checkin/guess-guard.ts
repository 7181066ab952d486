import { msg } from "../../../core/i18n/msg.js";
import type { FastifyRequest } from "fastify";
import { checkInLimits } from "../../../core/checkin.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { WindowLimiter } from "./limiter.js";
import { unknownCodeReasons } from "./resolve.js";

/**
 * Refuses an address that keeps sending codes or tokens that open nothing (check-in codes, the
 * live vote's): 30 bits are not to be guessed. Each route file keeps its own count.
 */
/** `what` the guesses are of: a meeting's check-in codes, or a live vote's codes. */
export function guessGuard(deps: AppDeps, what: "checkIn" | "codes") {
  const guessing = new WindowLimiter(
    checkInLimits.failedCodesPerWindow,
    checkInLimits.windowMinutes * 60_000,
  );
  return async function guarded<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> {
    const wait = guessing.wait(request.ip, deps.now().getTime());
    if (wait > 0) {
      throw new AppError(
        "too_many_requests",
        msg(
          {
            id: "server.checkin.tooManyWrongTryAgain",
            defaultMessage:
              "Too many wrong {what, select, checkIn {check-in codes} other {codes}}; try again in {wait} s.",
          },
          { what, wait },
        ),
        {
          retryAfterSeconds: wait,
        },
      );
    }
    try {
      return await work();
    } catch (error) {
      if (error instanceof AppError && unknownCodeReasons.has(error.extra.reason ?? "")) {
        guessing.take(request.ip, deps.now().getTime());
      }
      throw error;
    }
  };
}
