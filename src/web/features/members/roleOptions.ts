import type { Organization } from "../../../core/members.js";
import {
  businessRoles,
  roleLabels,
  roles,
  seniorities,
  seniorityLabels,
  type Role,
} from "../../../core/vocabulary.js";

/** Role choices for a person of `org`: business roles are closed to public partners (rule 1). */
export function roleOptions(org: Organization | undefined) {
  return roles.map((r) => {
    const needsBusiness = businessRoles.includes(r);
    const closed = needsBusiness && !!org && org.kind !== "business";
    return {
      value: r,
      label: closed ? `${roleLabels[r]} (business organizations only)` : roleLabels[r],
      disabled: closed,
    };
  });
}

export function organizationOptions(orgs: Organization[]) {
  return [...orgs].sort((a, b) => a.name.localeCompare(b.name)).map((o) => ({ value: o.id, label: o.name }));
}

/** Checked in the browser for a quick answer; the server enforces the same rule. */
export function roleError(role: Role | "", org: Organization | undefined): string | null {
  if (!role) return "Choose a role";
  if (org && org.kind !== "business" && businessRoles.includes(role)) {
    return `A ${roleLabels[role].toLowerCase()} must come from a business. Choose a business organization or another role.`;
  }
  return null;
}

export const seniorityOptions = seniorities.map((s) => ({ value: s, label: seniorityLabels[s] }));
