import type { TeamAccess } from "../../../core/regional-teams.js";

/** How the caller takes part in a team, in words. */
export const accessLabel: Record<TeamAccess, string> = {
  convener: "You convene it",
  partner: "You are a partner",
  reader: "You read it (coordinator or admin)",
};
