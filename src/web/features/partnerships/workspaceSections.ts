import { defineMessages, type MessageDescriptor } from "react-intl";
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
  label: MessageDescriptor;
  primary: boolean;
  visible: (permissions: Permissions) => boolean;
}

const labels = defineMessages({
  overview: { id: "partnerships.workspace.overview", defaultMessage: "Overview" },
  members: { id: "partnerships.workspace.members", defaultMessage: "Members" },
  agenda: { id: "partnerships.workspace.agenda", defaultMessage: "Agenda" },
  meetings: { id: "partnerships.workspace.meetings", defaultMessage: "Meetings" },
  impact: { id: "partnerships.workspace.impact", defaultMessage: "Impact" },
  assessment: { id: "partnerships.workspace.assessment", defaultMessage: "Self-assessment" },
  activity: { id: "partnerships.workspace.activity", defaultMessage: "Activity" },
  settings: { id: "partnerships.workspace.settings", defaultMessage: "Settings" },
  checklist: { id: "partnerships.workspace.checklist", defaultMessage: "Stage checklist" },
  health: { id: "partnerships.workspace.health", defaultMessage: "Health" },
  peers: { id: "partnerships.workspace.peers", defaultMessage: "Partnerships like ours" },
  benchmarking: { id: "partnerships.workspace.benchmarking", defaultMessage: "Benchmarking profile" },
});

const members = (p: Permissions) => p.viewMembers;
const everyone = () => true;

export const workspaceSections: WorkspaceSection[] = [
  { path: "", label: labels.overview, primary: true, visible: everyone },
  { path: "members", label: labels.members, primary: true, visible: members },
  { path: "agenda", label: labels.agenda, primary: true, visible: members },
  { path: "meetings", label: labels.meetings, primary: true, visible: members },
  // Impact is public: each visitor sees the values whose visibility allows it.
  { path: "impact", label: labels.impact, primary: true, visible: everyone },
  { path: "assessment", label: labels.assessment, primary: true, visible: members },
  { path: "activity", label: labels.activity, primary: true, visible: members },
  { path: "edit", label: labels.settings, primary: true, visible: (p) => p.edit },
  { path: "checklist", label: labels.checklist, primary: false, visible: members },
  { path: "health", label: labels.health, primary: false, visible: members },
  // Peers are public: anyone may find partnerships like this one.
  { path: "peers", label: labels.peers, primary: false, visible: everyone },
  // Conveners write it; members read the draft. Its published version lives under /profiles.
  { path: "benchmarking", label: labels.benchmarking, primary: false, visible: members },
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
