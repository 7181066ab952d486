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
