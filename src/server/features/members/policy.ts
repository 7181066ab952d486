import type { OrganizationKind, Role } from "../../../core/vocabulary.js";
import { msg } from "../../../core/i18n/msg.js";
import { fieldError } from "../../errors.js";

/**
 * Rule 1 (industry-driven): champions and business members come from businesses; support team
 * members are the public partners. Conveners and observers may come from either side.
 */
export function checkRoleFitsOrganization(role: Role, kind: OrganizationKind): void {
  if ((role === "champion" || role === "business_member") && kind !== "business") {
    throw fieldError(
      "role",
      msg(
        {
          id: "server.members.field.roleBusinessOnly",
          defaultMessage:
            "a {role, select, champion {business champion} other {business member}} must come from a business; " +
            'choose a business organization or the role "support team member"',
        },
        { role },
      ),
    );
  }
  if (role === "support" && kind === "business") {
    throw fieldError(
      "role",
      msg({
        id: "server.members.field.supportPublicOnly",
        defaultMessage:
          "support team members are public partners; a person from a business is a business member or champion",
      }),
    );
  }
}

/**
 * Rule 1 again, after a change to someone already at the table: the message names the person so
 * the convener knows whom to fix (`invited` for an invitation not yet accepted), and `field` is
 * the one the change touched.
 */
export function checkMemberFits(
  name: string,
  role: Role,
  organization: { name: string; kind: OrganizationKind } | null,
  field: string,
  invited = false,
): void {
  const who = { name, invited: invited ? "yes" : "no" };
  if ((role === "champion" || role === "business_member") && organization?.kind !== "business") {
    throw fieldError(
      field,
      msg(
        {
          id: "server.members.field.memberBusinessOnly",
          defaultMessage:
            "{invited, select, yes {{name} (invited)} other {{name}}} would be a " +
            "{role, select, champion {business champion} other {business member}} " +
            "{hasOrganization, select, yes {of {organization}, which is not a business} other {without an organization}}; " +
            "a {role, select, champion {business champion} other {business member}} must come from a business. " +
            'Choose a business organization or the role "support team member"',
        },
        {
          ...who,
          role,
          hasOrganization: organization ? "yes" : "no",
          organization: organization?.name ?? "",
        },
      ),
    );
  }
  if (role === "support" && organization?.kind === "business") {
    throw fieldError(
      field,
      msg(
        {
          id: "server.members.field.memberSupportPublicOnly",
          defaultMessage:
            "{invited, select, yes {{name} (invited)} other {{name}}} would be a support team member of {organization}, " +
            "a business; support team members are public partners. " +
            "Make them a business member or champion, or choose a public partner organization",
        },
        { ...who, organization: organization.name },
      ),
    );
  }
}
