import type { IntlShape } from "react-intl";
import type { Organization } from "../../../core/members.js";
import {
  businessRoles,
  roleLabels,
  roles,
  seniorities,
  seniorityLabels,
  sizeBands,
  type Role,
  type SizeBand,
} from "../../../core/vocabulary.js";

/** Role choices for a person of `org`: business roles are closed to public partners (rule 1). */
export function roleOptions(intl: IntlShape, org: Organization | undefined) {
  return roles.map((r) => {
    const needsBusiness = businessRoles.includes(r);
    const closed = needsBusiness && !!org && org.kind !== "business";
    return {
      value: r,
      label: closed
        ? intl.formatMessage(
            {
              id: "members.roleOptions.businessOnly",
              defaultMessage: "{role} (business organizations only)",
            },
            { role: roleLabels[r] },
          )
        : roleLabels[r],
      disabled: closed,
    };
  });
}

export function organizationOptions(orgs: Organization[]) {
  return [...orgs].sort((a, b) => a.name.localeCompare(b.name)).map((o) => ({ value: o.id, label: o.name }));
}

/** Checked in the browser for a quick answer; the server enforces the same rule. */
export function roleError(intl: IntlShape, role: Role | "", org: Organization | undefined): string | null {
  if (!role)
    return intl.formatMessage({ id: "members.roleOptions.chooseRole", defaultMessage: "Choose a role" });
  if (org && org.kind !== "business" && businessRoles.includes(role)) {
    return intl.formatMessage(
      {
        id: "members.roleOptions.mustBeBusiness",
        defaultMessage: "A {role} must come from a business. Choose a business organization or another role.",
      },
      { role: roleLabels[role].toLowerCase() },
    );
  }
  return null;
}

/** Made on each render: the vocabulary's words follow the reader's language. */
export function seniorityOptions() {
  return seniorities.map((s) => ({ value: s, label: seniorityLabels[s] }));
}

/** "10-49 employees": an organization's size band in words. */
export function sizeBandLabel(intl: IntlShape, size: SizeBand): string {
  return intl.formatMessage(
    { id: "members.organization.sizeBand", defaultMessage: "{size} employees" },
    { size },
  );
}

export function sizeOptions(intl: IntlShape) {
  return sizeBands.map((s) => ({ value: s, label: sizeBandLabel(intl, s) }));
}
