/**
 * The schemas the OpenAPI document names (`components/schemas`) and refers to with `$ref`
 * instead of writing them out at every operation that uses them. Only the registration lives
 * here; each schema stays beside its domain. Imported once by the app for its side effect.
 */
import { z } from "zod";
import {
  actionSchema,
  actionTeamSchema,
  actionUpdateSchema,
  ballotSchema,
  opportunitySchema,
  prioritySchema,
  actionDetail,
  voteResultsSchema,
  voteRoundDetail,
  voteRoundSummary,
} from "./agenda.js";
import { liveVotePhoneSchema, liveVoteScreenSchema } from "./live-vote.js";
import { characteristicSchema, roundSummary, rubricSchema } from "./assessment.js";
import { rubricTranslationsSchema } from "./rubric-translation.js";
import { meSchema } from "./auth.js";
import { preferencesSchema, replySchema, threadDetail, threadSummary } from "./discussions.js";
import { actionLinkInfo } from "./action-links.js";
import { followSchema } from "./activity.js";
import { apiTokenSchema } from "./api-tokens.js";
import { listingSchema } from "./peers.js";
import { themeCount, themeGroup } from "./themes.js";
import { eventSchema, eventSummarySchema, registrationSchema } from "./events.js";
import {
  indicatorSchema,
  measurementSchema,
  storySchema,
  trackedIndicatorSchema,
  trackedResponse,
} from "./impact.js";
import {
  attendanceSummarySchema,
  meetingFileSchema,
  meetingSchema,
  meetingSummarySchema,
} from "./meetings.js";
import { rsvpLinkInfo } from "./meeting-rsvps.js";
import {
  historyPerson,
  invitationSchema,
  memberSchema,
  organizationSchema,
  removalPreviewSchema,
} from "./members.js";
import { partnershipDetail, partnershipListItem } from "./partnerships.js";
import { profileListItem, profileSchema } from "./profiles.js";
import { resourceListItem, resourceSchema } from "./resources.js";
import { partnershipEconomy } from "./qcew/partnership-panel.js";
import { industryFigures, regionChange, regionMeasure, regionTotals } from "./qcew/profile.js";
import { organizationKindSchema } from "./organization-kind.js";
import { rankedIndustry } from "./qcew/ranking.js";
import { shortlistDetail, shortlistItem, shortlistSummary } from "./qcew/shortlist.js";
import { checklistSchema } from "./stages.js";
import { accessLogEntrySchema, scopePartnershipSchema, scopeSchema } from "./coordinators.js";
import { portfolioItemSchema, portfolioSchema, portfolioScopeTab } from "./portfolio.js";
import { annualReportSchema, reportPartnershipSchema } from "./annual-report.js";
import {
  regionalTeamDetail,
  regionalTeamSummary,
  startedPartnershipSchema,
  teamCandidateSchema,
  teamMemberSchema,
  teamNoteSchema,
  teamOrganizationSchema,
  teamStepSchema,
} from "./regional-teams.js";
import { checkInBoardSchema, checkInResultSchema } from "./checkin.js";
import { ssoDomainSchema, ssoProviderSchema } from "./sso.js";
import { computedValuesResponse, valueCheckSchema, valueChecksResponse } from "./value-check.js";
import { serviceTokenSchema } from "./service-tokens.js";
import { openApiShapes } from "./openapi-shapes.js";
import { panelFigures, panelYear } from "./qcew/partnership-panel.js";

const named: Record<string, z.ZodType> = {
  Action: actionSchema,
  ActionTeam: actionTeamSchema,
  ActionUpdate: actionUpdateSchema,
  Ballot: ballotSchema,
  Opportunity: opportunitySchema,
  Priority: prioritySchema,
  VoteRound: voteRoundSummary,
  VoteRoundDetail: voteRoundDetail,
  VoteResults: voteResultsSchema,
  ActionDetail: actionDetail,
  LiveVoteScreen: liveVoteScreenSchema,
  LiveVotePhone: liveVotePhoneSchema,
  AssessmentCharacteristic: characteristicSchema,
  AssessmentRound: roundSummary,
  Rubric: rubricSchema,
  RubricTranslations: rubricTranslationsSchema,
  Me: meSchema,
  DiscussionReply: replySchema,
  DiscussionThread: threadSummary,
  DiscussionThreadDetail: threadDetail,
  MailPreferences: preferencesSchema,
  ActionLinkInfo: actionLinkInfo,
  Follow: followSchema,
  ApiToken: apiTokenSchema,
  DirectoryListing: listingSchema,
  ThemeCount: themeCount,
  ThemeGroup: themeGroup,
  EventRegistration: registrationSchema,
  TrackedIndicators: trackedResponse,
  MemberRemovalPreview: removalPreviewSchema,
  Event: eventSchema,
  EventSummary: eventSummarySchema,
  Indicator: indicatorSchema,
  TrackedIndicator: trackedIndicatorSchema,
  Measurement: measurementSchema,
  Story: storySchema,
  Meeting: meetingSchema,
  MeetingSummary: meetingSummarySchema,
  MeetingFile: meetingFileSchema,
  MeetingRsvpLink: rsvpLinkInfo,
  AttendanceSummary: attendanceSummarySchema,
  CheckInBoard: checkInBoardSchema,
  CheckInResult: checkInResultSchema,
  Member: memberSchema,
  Invitation: invitationSchema,
  Organization: organizationSchema,
  HistoryPerson: historyPerson,
  Partnership: partnershipDetail,
  PartnershipListItem: partnershipListItem,
  BenchmarkProfile: profileSchema,
  BenchmarkProfileListItem: profileListItem,
  Resource: resourceSchema,
  ResourceListItem: resourceListItem,
  StageChecklist: checklistSchema,
  RegionIndustry: industryFigures,
  RegionTotals: regionTotals,
  RegionMeasure: regionMeasure,
  RegionChange: regionChange,
  OrganizationKind: organizationKindSchema,
  RankedIndustry: rankedIndustry,
  PartnershipEconomy: partnershipEconomy,
  Shortlist: shortlistDetail,
  ShortlistSummary: shortlistSummary,
  ShortlistItem: shortlistItem,
  SsoDomain: ssoDomainSchema,
  SsoProvider: ssoProviderSchema,
  ValueCheck: valueCheckSchema,
  ValueChecks: valueChecksResponse,
  ComputedValues: computedValuesResponse,
  CoordinatorScope: scopeSchema,
  CoordinatorScopePartnership: scopePartnershipSchema,
  CoordinatorAccess: accessLogEntrySchema,
  Portfolio: portfolioSchema,
  PortfolioItem: portfolioItemSchema,
  PortfolioScope: portfolioScopeTab,
  AnnualReport: annualReportSchema,
  AnnualReportPartnership: reportPartnershipSchema,
  RegionalTeam: regionalTeamDetail,
  RegionalTeamSummary: regionalTeamSummary,
  RegionalTeamOrganization: teamOrganizationSchema,
  RegionalTeamMember: teamMemberSchema,
  RegionalTeamNote: teamNoteSchema,
  RegionalTeamCandidate: teamCandidateSchema,
  RegionalTeamStep: teamStepSchema,
  StartedPartnership: startedPartnershipSchema,
  ServiceToken: serviceTokenSchema,
  PartnershipEconomyFigures: panelFigures,
  PartnershipEconomyYear: panelYear,
  ...openApiShapes,
};

for (const [id, schema] of Object.entries(named)) {
  if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
}
