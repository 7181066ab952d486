import { defineMessages } from "react-intl";

/** Words the self-assessment pages share (messages with values are written where they are used). */
export const assessmentWords = defineMessages({
  selfAssessment: { id: "assessment.common.selfAssessment", defaultMessage: "Self-assessment" },
  loadingSelfAssessment: {
    id: "assessment.common.loadingSelfAssessment",
    defaultMessage: "Loading the self-assessment",
  },
  signInAsAdmin: { id: "assessment.common.signInAsAdmin", defaultMessage: "Sign in as a community admin." },
  communityView: { id: "assessment.common.communityView", defaultMessage: "Community view" },
  openBadge: { id: "assessment.common.openBadge", defaultMessage: "Open" },
  seeResults: { id: "assessment.common.seeResults", defaultMessage: "See the results" },
  resultsWhenClosed: {
    id: "assessment.common.resultsWhenClosed",
    defaultMessage: "Results appear when the convener closes the round.",
  },
  hiddenTooFew: { id: "assessment.common.hiddenTooFew", defaultMessage: "Hidden: too few answered" },
  noAnswers: { id: "assessment.common.noAnswers", defaultMessage: "No answers" },
  colCharacteristic: { id: "assessment.common.colCharacteristic", defaultMessage: "Characteristic" },
  colStatement: { id: "assessment.common.colStatement", defaultMessage: "Statement" },
  colAll: { id: "assessment.common.colAll", defaultMessage: "All" },
  colBusiness: { id: "assessment.common.colBusiness", defaultMessage: "Business" },
  colPublic: { id: "assessment.common.colPublic", defaultMessage: "Public" },
  colChange: { id: "assessment.common.colChange", defaultMessage: "Change" },
  hiddenValue: { id: "assessment.common.hiddenValue", defaultMessage: "hidden" },
});
