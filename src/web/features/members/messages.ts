import { defineMessages } from "react-intl";

/** Words the members' forms and tables share. */
export const words = defineMessages({
  name: { id: "members.person.nameLabel", defaultMessage: "Name" },
  nameMissing: { id: "members.person.nameMissing", defaultMessage: "Enter the person's name" },
  email: { id: "members.person.emailLabel", defaultMessage: "E-mail" },
  emailInvalid: {
    id: "members.person.emailInvalid",
    defaultMessage: "Must be an e-mail address such as name@example.org",
  },
  optional: { id: "members.person.optional", defaultMessage: "Optional." },
  jobTitle: { id: "members.person.jobTitleLabel", defaultMessage: "Job title" },
  organization: { id: "members.common.organization", defaultMessage: "Organization" },
  role: { id: "members.common.role", defaultMessage: "Role" },
  kind: { id: "members.organization.kindLabel", defaultMessage: "Kind" },
  size: { id: "members.organization.sizeLabel", defaultMessage: "Size" },
  organizationName: { id: "members.organization.nameLabel", defaultMessage: "Organization name" },
  nameTooShort: { id: "members.organization.nameTooShort", defaultMessage: "Must be at least 2 characters" },
  choose: { id: "members.person.choosePlaceholder", defaultMessage: "Choose" },
  seniority: { id: "members.person.seniorityLabel", defaultMessage: "Seniority" },
  notSaid: { id: "members.person.seniorityNotSaid", defaultMessage: "Not said" },
  seniorityHelp: {
    id: "members.person.seniorityHelp",
    defaultMessage: "Optional. Counted, never named, to show the table is led by influential leaders.",
  },
  notSaved: { id: "members.form.notSaved", defaultMessage: "Not saved" },
  close: { id: "members.dialog.close", defaultMessage: "Close" },
  cancel: { id: "members.dialog.cancel", defaultMessage: "Cancel" },
  save: { id: "members.dialog.save", defaultMessage: "Save" },
  edit: { id: "members.common.edit", defaultMessage: "Edit" },
  removeFromPartnership: {
    id: "members.people.removeFromPartnership",
    defaultMessage: "Remove from the partnership",
  },
  change: { id: "members.common.changeColumn", defaultMessage: "Change" },
});
