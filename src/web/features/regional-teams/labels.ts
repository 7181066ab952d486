import { defineMessages, type MessageDescriptor } from "react-intl";
import type { TeamAccess } from "../../../core/regional-teams.js";

/** How the caller takes part in a team, in words. */
export const accessLabel: Record<TeamAccess, MessageDescriptor> = defineMessages({
  convener: { id: "regionalTeams.access.convener", defaultMessage: "You convene it" },
  partner: { id: "regionalTeams.access.partner", defaultMessage: "You are a partner" },
  reader: { id: "regionalTeams.access.reader", defaultMessage: "You read it (coordinator or admin)" },
});

/** The words of the team's form, the same when starting a team and when editing it. */
export const formWords = defineMessages({
  teamName: { id: "regionalTeams.form.teamName", defaultMessage: "Team name" },
  regionName: { id: "regionalTeams.form.regionName", defaultMessage: "Region's name" },
  description: { id: "regionalTeams.form.description", defaultMessage: "Description" },
  cancel: { id: "regionalTeams.form.cancel", defaultMessage: "Cancel" },
  save: { id: "regionalTeams.form.save", defaultMessage: "Save" },
});
