import type { OrganizationKind, Role } from "../../../core/vocabulary.js";
import { roleLabels } from "../../../core/vocabulary.js";
import { fieldError } from "../../errors.js";

/**
 * Rule 1 (industry-driven): champions and business members come from businesses; support team
 * members are the public partners. Conveners and observers may come from either side.
 */
export function checkRoleFitsOrganization(role: Role, kind: OrganizationKind): void {
  if ((role === "champion" || role === "business_member") && kind !== "business") {
    throw fieldError(
      "role",
      `a ${roleLabels[role].toLowerCase()} must come from a business; choose a business organization or the role "support team member"`,
    );
  }
  if (role === "support" && kind === "business") {
    throw fieldError(
      "role",
      "support team members are public partners; a person from a business is a business member or champion",
    );
  }
}

/**
 * Rule 1 again, after a change to someone already at the table: the message names the person so
 * the convener knows whom to fix, and `field` is the one the change touched.
 */
export function checkMemberFits(
  name: string,
  role: Role,
  organization: { name: string; kind: OrganizationKind } | null,
  field: string,
): void {
  const label = roleLabels[role].toLowerCase();
  if ((role === "champion" || role === "business_member") && organization?.kind !== "business") {
    throw fieldError(
      field,
      `${name} would be a ${label} ${organization ? `of ${organization.name}, which is not a business` : "without an organization"}; a ${label} must come from a business. Choose a business organization or the role "support team member"`,
    );
  }
  if (role === "support" && organization?.kind === "business") {
    throw fieldError(
      field,
      `${name} would be a support team member of ${organization.name}, a business; support team members are public partners. Make them a business member or champion, or choose a public partner organization`,
    );
  }
}
