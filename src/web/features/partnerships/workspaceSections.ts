import type { PartnershipDetail } from "../../../core/partnerships.js";

/**
 * The parts of a partnership's workspace, linked from its profile. Each feature adds its own
 * entry here: `path` is appended to /p/:slug, `visible` decides from the caller's permissions.
 */
export interface WorkspaceSection {
  path: string;
  label: string;
  visible: (permissions: PartnershipDetail["permissions"]) => boolean;
}

export const workspaceSections: WorkspaceSection[] = [
  { path: "members", label: "Members", visible: (p) => p.viewMembers },
  { path: "agenda", label: "Agenda", visible: (p) => p.viewMembers },
];
