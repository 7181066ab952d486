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
  { path: "assessment", label: "Self-assessment", visible: (p) => p.viewMembers },
  { path: "meetings", label: "Meetings", visible: (p) => p.viewMembers },
  { path: "checklist", label: "Checklist", visible: (p) => p.viewMembers },
  { path: "health", label: "Health", visible: (p) => p.viewMembers },
  { path: "activity", label: "Activity", visible: (p) => p.viewMembers },
  // Impact is public: each visitor sees the values whose visibility allows it.
  { path: "impact", label: "Impact", visible: () => true },
  // Peers are public: anyone may find partnerships like this one.
  { path: "peers", label: "Partnerships like ours", visible: () => true },
];
