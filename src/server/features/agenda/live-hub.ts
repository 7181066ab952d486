import type { AppDeps } from "../../deps.js";
import { CheckInHub } from "../checkin/hub.js";

const hubs = new WeakMap<AppDeps, CheckInHub>();

/**
 * The open projectors of live votes in this app, keyed by round id: a ballot or a close tells
 * them to read the count again. One per app (its deps), so the ballot routes, which know nothing
 * of projectors, reach the same hub as the stream. Projectors on other server processes catch
 * up at their next poll (live-stream.ts).
 */
export function liveVoteHub(deps: AppDeps): CheckInHub {
  let hub = hubs.get(deps);
  if (!hub) {
    hub = new CheckInHub();
    hubs.set(deps, hub);
  }
  return hub;
}
