import { defineMessages } from "react-intl";

/** The parts of a meeting's record, and words the meetings' pages share. */
export const recordWords = defineMessages({
  agenda: { id: "meetings.record.agenda", defaultMessage: "Agenda" },
  notes: { id: "meetings.record.notes", defaultMessage: "Notes" },
  decisions: { id: "meetings.record.decisions", defaultMessage: "Decisions" },
  nextSteps: { id: "meetings.record.nextSteps", defaultMessage: "Next steps" },
  publicHelp: {
    id: "meetings.public.description",
    defaultMessage: "Anyone sees its title, kind and time. Place, link, agenda and notes stay with members.",
  },
  onPublicCalendar: { id: "meetings.public.onCalendar", defaultMessage: "On the public calendar" },
  cancelled: { id: "meetings.badge.cancelled", defaultMessage: "Cancelled" },
  close: { id: "meetings.dialog.close", defaultMessage: "Close" },
  cancel: { id: "meetings.dialog.cancel", defaultMessage: "Cancel" },
  remove: { id: "meetings.common.remove", defaultMessage: "Remove" },
  organization: { id: "meetings.common.organization", defaultMessage: "Organization" },
});
