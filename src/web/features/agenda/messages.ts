import { defineMessages } from "react-intl";

/** Words the agenda's forms, tables and dialogs share (same meaning everywhere they appear). */
export const agendaWords = defineMessages({
  minLength3: { id: "agenda.common.minLength3", defaultMessage: "Must be at least 3 characters" },
  chooseAbout: { id: "agenda.common.chooseAbout", defaultMessage: "Choose what it is about" },
  whatAbout: { id: "agenda.common.whatAbout", defaultMessage: "What is it about?" },
  chooseThemePlaceholder: { id: "agenda.common.chooseThemePlaceholder", defaultMessage: "Choose a theme" },
  close: { id: "agenda.common.close", defaultMessage: "Close" },
  notSaved: { id: "agenda.common.notSaved", defaultMessage: "Not saved" },
  notCounted: { id: "agenda.common.notCounted", defaultMessage: "Not counted" },
  priority: { id: "agenda.common.priority", defaultMessage: "Priority" },
  choosePriority: { id: "agenda.common.choosePriority", defaultMessage: "Choose a priority" },
  action: { id: "agenda.common.action", defaultMessage: "Action" },
  owner: { id: "agenda.common.owner", defaultMessage: "Owner" },
  dueDate: { id: "agenda.common.dueDate", defaultMessage: "Due date" },
  status: { id: "agenda.common.status", defaultMessage: "Status" },
  formerMember: { id: "agenda.common.formerMember", defaultMessage: "a former member" },
  open: { id: "agenda.common.open", defaultMessage: "Open" },
  closed: { id: "agenda.common.closed", defaultMessage: "Closed" },
  voters: { id: "agenda.common.voters", defaultMessage: "Voters" },
  opportunity: { id: "agenda.common.opportunity", defaultMessage: "Opportunity" },
  importance: { id: "agenda.common.importance", defaultMessage: "Importance" },
  feasibility: { id: "agenda.common.feasibility", defaultMessage: "Feasibility" },
  loadingOpportunities: {
    id: "agenda.common.loadingOpportunities",
    defaultMessage: "Loading the opportunities",
  },
  openingLiveVote: { id: "agenda.common.openingLiveVote", defaultMessage: "Opening the live vote" },
  liveVote: { id: "agenda.common.liveVote", defaultMessage: "Live vote" },
  myPartnerships: { id: "agenda.common.myPartnerships", defaultMessage: "My partnerships" },
});
