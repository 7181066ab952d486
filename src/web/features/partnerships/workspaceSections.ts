import type { PartnershipDetail } from "../../../core/partnerships.js";

type Permissions = PartnershipDetail["permissions"];

/**
 * The parts of a partnership's workspace, in the order of its navigation. Each feature adds its
 * own entry here: `path` is appended to /p/:slug ("" is the overview), `visible` decides from the
 * caller's permissions, and `primary` entries sit in the bar itself while the others wait under
 * "More", so that the bar of a member fits on one line of a laptop.
 */
export interface WorkspaceSection {
  path: string;
  label: string;
  primary: boolean;
  visible: (permissions: Permissions) => boolean;
}

const members = (p: Permissions) => p.viewMembers;
const everyone = () => true;

export const workspaceSections: WorkspaceSection[] = [
  { path: "", label: "Overview", primary: true, visible: everyone },
  { path: "members", label: "Members", primary: true, visible: members },
  { path: "agenda", label: "Agenda", primary: true, visible: members },
  { path: "meetings", label: "Meetings", primary: true, visible: members },
  // Impact is public: each visitor sees the values whose visibility allows it.
  { path: "impact", label: "Impact", primary: true, visible: everyone },
  { path: "assessment", label: "Self-assessment", primary: true, visible: members },
  { path: "activity", label: "Activity", primary: true, visible: members },
  { path: "edit", label: "Settings", primary: true, visible: (p) => p.edit },
  { path: "checklist", label: "Stage checklist", primary: false, visible: members },
  { path: "health", label: "Health", primary: false, visible: members },
  // Peers are public: anyone may find partnerships like this one.
  { path: "peers", label: "Partnerships like ours", primary: false, visible: everyone },
  // Conveners write it; members read the draft. Its published version lives under /profiles.
  { path: "benchmarking", label: "Benchmarking profile", primary: false, visible: members },
];

/** The section a workspace path belongs to: "/p/x/meetings/123" is in "meetings", "/p/x" in "". */
export function sectionOfPath(pathname: string): string {
  const [, p, , section = ""] = pathname.split("/");
  return p === "p" ? section : "";
}

/**
 * What one caller's navigation shows: the primary entries they may see, and the others for the
 * "More" menu. A "More" menu of one entry would be a click for nothing: it joins the bar.
 */
export function sectionsFor(permissions: Permissions): { bar: WorkspaceSection[]; more: WorkspaceSection[] } {
  const visible = workspaceSections.filter((s) => s.visible(permissions));
  const more = visible.filter((s) => !s.primary);
  if (more.length <= 1) return { bar: visible, more: [] };
  return { bar: visible.filter((s) => s.primary), more };
}
