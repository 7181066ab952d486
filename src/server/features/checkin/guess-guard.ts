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
export function guessGuard(deps: AppDeps, what: string) {
  const guessing = new WindowLimiter(
    checkInLimits.failedCodesPerWindow,
    checkInLimits.windowMinutes * 60_000,
  );
  return async function guarded<T>(request: FastifyRequest, work: () => Promise<T>): Promise<T> {
    const wait = guessing.wait(request.ip, deps.now().getTime());
    if (wait > 0) {
      throw new AppError("too_many_requests", `Too many wrong ${what}; try again in ${wait} s.`, {
        retryAfterSeconds: wait,
      });
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
