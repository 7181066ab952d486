/**
 * The words of the rules in the shared schemas (what a field must be), as messages: the web app
 * shows them in its reader's language as it checks a form, and the server's problem+json
 * puts the same English back in the request's language (see ruleMessageFor).
 */
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";

export const ruleMessages = {
  aSupportTeamSOrganizationsArePublic: msg({
    id: "rule.aSupportTeamSOrganizationsArePublic",
    defaultMessage:
      "a support team's organizations are public partners; businesses join the partnership it starts",
  }),
  aTwoLetterStateAbbreviation: msg({
    id: "rule.aTwoLetterStateAbbreviation",
    defaultMessage: "a two-letter state abbreviation",
  }),
  chooseAnActionTeamOfThisPartnership: msg({
    id: "rule.chooseAnActionTeamOfThisPartnership",
    defaultMessage: "choose an action team of this partnership",
  }),
  chooseAnOrganizationOfThisPartnership: msg({
    id: "rule.chooseAnOrganizationOfThisPartnership",
    defaultMessage: "choose an organization of this partnership",
  }),
  chooseAnOrganizationOfThisTeam: msg({
    id: "rule.chooseAnOrganizationOfThisTeam",
    defaultMessage: "choose an organization of this team",
  }),
  chooseAtLeast2OpportunitiesToVote: msg({
    id: "rule.chooseAtLeast2OpportunitiesToVote",
    defaultMessage: "choose at least 2 opportunities to vote on",
  }),
  chooseAtLeastOneCounty: msg({
    id: "rule.chooseAtLeastOneCounty",
    defaultMessage: "choose at least one county",
  }),
  chooseAtLeastOneIndustryCode: msg({
    id: "rule.chooseAtLeastOneIndustryCode",
    defaultMessage: "choose at least one industry code",
  }),
  compareAtMost3ProfilesAtOnce: msg({
    id: "rule.compareAtMost3ProfilesAtOnce",
    defaultMessage: "compare at most 3 profiles at once",
  }),
  isNotAKnownIANATimeZone: msg({
    id: "rule.isNotAKnownIANATimeZone",
    defaultMessage: "is not a known IANA time zone; use a name such as America/Denver",
  }),
  isRequired: msg({ id: "rule.isRequired", defaultMessage: "is required" }),
  isRequiredTheApplicationClientIdThe: msg({
    id: "rule.isRequiredTheApplicationClientIdThe",
    defaultMessage: "is required: the application (client) id the provider gave you",
  }),
  isRequiredTheCallbackSQueryString: msg({
    id: "rule.isRequiredTheCallbackSQueryString",
    defaultMessage: "is required: the callback's query string",
  }),
  isRequiredTheClientSecretTheProvider: msg({
    id: "rule.isRequiredTheClientSecretTheProvider",
    defaultMessage: "is required: the client secret the provider gave you",
  }),
  isRequiredTheNamePeopleSeeOn: msg({
    id: "rule.isRequiredTheNamePeopleSeeOn",
    defaultMessage: "is required: the name people see on the button",
  }),
  isRequiredTypeYourCurrentPassword: msg({
    id: "rule.isRequiredTypeYourCurrentPassword",
    defaultMessage: "is required: type your current password",
  }),
  isTooLarge: msg({ id: "rule.isTooLarge", defaultMessage: "is too large" }),
  listsSomeoneOrSomethingTwice: msg({
    id: "rule.listsSomeoneOrSomethingTwice",
    defaultMessage: "lists someone or something twice",
  }),
  mustBe0OrMore: msg({ id: "rule.mustBe0OrMore", defaultMessage: "must be 0 or more" }),
  mustBe1To40LowerCase: msg({
    id: "rule.mustBe1To40LowerCase",
    defaultMessage: "must be 1 to 40 lower-case letters, digits or dashes, such as entra or google",
  }),
  mustBeADateAndTimeSuch: msg({
    id: "rule.mustBeADateAndTimeSuch",
    defaultMessage:
      "must be a date and time such as 2026-03-05T08:00 (in the event's time zone) or an ISO instant",
  }),
  mustBeADateAndTimeSuch2: msg({
    id: "rule.mustBeADateAndTimeSuch2",
    defaultMessage:
      "must be a date and time such as 2026-03-05T08:00 (in the meeting's time zone) or an ISO instant",
  }),
  mustBeADateAndTimeSuch3: msg({
    id: "rule.mustBeADateAndTimeSuch3",
    defaultMessage: "must be a date and time such as 2026-11-30T02:00:00Z",
  }),
  mustBeADateAndTimeSuch4: msg({
    id: "rule.mustBeADateAndTimeSuch4",
    defaultMessage: "must be a date and time, such as 2030-05-01T17:00:00Z",
  }),
  mustBeADateAsYYYYMM: msg({
    id: "rule.mustBeADateAsYYYYMM",
    defaultMessage: "must be a date as YYYY-MM-DD",
  }),
  mustBeAFiveDigitCBSACode: msg({
    id: "rule.mustBeAFiveDigitCBSACode",
    defaultMessage: "must be a five-digit CBSA code",
  }),
  mustBeAFiveDigitCountyFIPS: msg({
    id: "rule.mustBeAFiveDigitCountyFIPS",
    defaultMessage: "must be a five-digit county FIPS code",
  }),
  mustBeAFiveDigitCountyFIPS2: msg({
    id: "rule.mustBeAFiveDigitCountyFIPS2",
    defaultMessage: "must be a five-digit county FIPS code such as 08031",
  }),
  mustBeAJSONArrayOfProviders: msg({
    id: "rule.mustBeAJSONArrayOfProviders",
    defaultMessage: "must be a JSON array of providers",
  }),
  mustBeAListOfIndicatorKeys: msg({
    id: "rule.mustBeAListOfIndicatorKeys",
    defaultMessage: "must be a list of indicator keys",
  }),
  mustBeAListOfStoryIds: msg({
    id: "rule.mustBeAListOfStoryIds",
    defaultMessage: "must be a list of story ids",
  }),
  mustBeANAICSCodeSuchAs: msg({
    id: "rule.mustBeANAICSCodeSuchAs",
    defaultMessage: "must be a NAICS code such as 31-33, 622 or 336390",
  }),
  mustBeANAICSSectorSuchAs: msg({
    id: "rule.mustBeANAICSSectorSuchAs",
    defaultMessage: "must be a NAICS sector such as 31-33 or 62",
  }),
  mustBeANumber: msg({ id: "rule.mustBeANumber", defaultMessage: "must be a number" }),
  mustBeAPartnershipSIdOr: msg({
    id: "rule.mustBeAPartnershipSIdOr",
    defaultMessage: "must be a partnership's id or slug",
  }),
  mustBeAPathOfThisSite: msg({
    id: "rule.mustBeAPathOfThisSite",
    defaultMessage: "must be a path of this site, such as /me",
  }),
  mustBeAStateSTwoDigit: msg({
    id: "rule.mustBeAStateSTwoDigit",
    defaultMessage: "must be a state's two-digit FIPS code, such as 39",
  }),
  mustBeAStateSuchAsCO: msg({
    id: "rule.mustBeAStateSuchAsCO",
    defaultMessage: "must be a state such as CO",
  }),
  mustBeATwoDigitStateFIPS: msg({
    id: "rule.mustBeATwoDigitStateFIPS",
    defaultMessage: "must be a two-digit state FIPS code",
  }),
  mustBeAWholeNumber: msg({ id: "rule.mustBeAWholeNumber", defaultMessage: "must be a whole number" }),
  mustBeAWholeNumber0To10: msg({
    id: "rule.mustBeAWholeNumber0To10",
    defaultMessage: "must be a whole number from 0 to 10",
  }),
  mustBeAWholeNumber0To5: msg({
    id: "rule.mustBeAWholeNumber0To5",
    defaultMessage: "must be a whole number from 0 to 5",
  }),
  mustBeAWholeNumber1To5: msg({
    id: "rule.mustBeAWholeNumber1To5",
    defaultMessage: "must be a whole number from 1 to 5",
  }),
  mustBeAWholeNumberOfJobs: msg({
    id: "rule.mustBeAWholeNumberOfJobs",
    defaultMessage: "must be a whole number of jobs",
  }),
  mustBeAYear2025OrA: msg({
    id: "rule.mustBeAYear2025OrA",
    defaultMessage: "must be a year (2025) or a quarter (2025-Q3)",
  }),
  mustBeAYearFrom1990To: msg({
    id: "rule.mustBeAYearFrom1990To",
    defaultMessage: "must be a year from 1990 to 2100",
  }),
  mustBeAYearSuchAs2025: msg({
    id: "rule.mustBeAYearSuchAs2025",
    defaultMessage: "must be a year such as 2025",
  }),
  mustBeAYearSuchAs2026: msg({
    id: "rule.mustBeAYearSuchAs2026",
    defaultMessage: "must be a year such as 2026",
  }),
  mustBeAnEMailAddress: msg({ id: "rule.mustBeAnEMailAddress", defaultMessage: "must be an e-mail address" }),
  mustBeAnEMailAddressSuch: msg({
    id: "rule.mustBeAnEMailAddressSuch",
    defaultMessage: "must be an e-mail address such as name@example.org",
  }),
  mustBeAnEMailDomainSuch: msg({
    id: "rule.mustBeAnEMailDomainSuch",
    defaultMessage: "must be an e-mail domain such as example.edu, without the @",
  }),
  mustBeAnISODateAndTime: msg({
    id: "rule.mustBeAnISODateAndTime",
    defaultMessage: "must be an ISO date and time",
  }),
  mustBeAtLeast1: msg({ id: "rule.mustBeAtLeast1", defaultMessage: "must be at least 1" }),
  mustBeAtLeast10Characters: msg({
    id: "rule.mustBeAtLeast10Characters",
    defaultMessage: "must be at least 10 characters",
  }),
  mustBeAtLeast1OrLeft: msg({
    id: "rule.mustBeAtLeast1OrLeft",
    defaultMessage: "must be at least 1, or left empty for no limit",
  }),
  mustBeAtLeast2Characters: msg({
    id: "rule.mustBeAtLeast2Characters",
    defaultMessage: "must be at least 2 characters",
  }),
  mustBeAtLeast3Characters: msg({
    id: "rule.mustBeAtLeast3Characters",
    defaultMessage: "must be at least 3 characters",
  }),
  mustBeFrom0To100: msg({ id: "rule.mustBeFrom0To100", defaultMessage: "must be from 0 to 100" }),
  mustBeFrom1To99: msg({ id: "rule.mustBeFrom1To99", defaultMessage: "must be from 1 to 99" }),
  mustBeIdsOrSlugs: msg({ id: "rule.mustBeIdsOrSlugs", defaultMessage: "must be ids or slugs" }),
  mustBeLowerCaseLettersDigitsAnd: msg({
    id: "rule.mustBeLowerCaseLettersDigitsAnd",
    defaultMessage: "must be lower-case letters, digits and _ (2 to 60)",
  }),
  mustBeLowercaseLettersDigitsAnd2: msg({
    id: "rule.mustBeLowercaseLettersDigitsAnd2",
    defaultMessage: "must be lowercase letters, digits and _ (2-60)",
  }),
  mustBeOneLineOfTextWithout: msg({
    id: "rule.mustBeOneLineOfTextWithout",
    defaultMessage: "must be one line of text without control characters",
  }),
  mustBePartnershipCommunityOrPublic: msg({
    id: "rule.mustBePartnershipCommunityOrPublic",
    defaultMessage: "must be partnership, community or public",
  }),
  mustBeText: msg({ id: "rule.mustBeText", defaultMessage: "must be text" }),
  mustBeTheCodeFromTheE: msg({
    id: "rule.mustBeTheCodeFromTheE",
    defaultMessage: "must be the code from the e-mail link, as sent",
  }),
  mustBeTheIdOfAMeeting: msg({
    id: "rule.mustBeTheIdOfAMeeting",
    defaultMessage: "must be the id of a meeting of this partnership",
  }),
  mustBeTheIdOfAMember: msg({
    id: "rule.mustBeTheIdOfAMember",
    defaultMessage: "must be the id of a member of this partnership",
  }),
  mustBeTheIdOfAVote: msg({
    id: "rule.mustBeTheIdOfAVote",
    defaultMessage: "must be the id of a vote round",
  }),
  mustBeTheIdOfAnOpportunity: msg({
    id: "rule.mustBeTheIdOfAnOpportunity",
    defaultMessage: "must be the id of an opportunity in this round",
  }),
  mustBeTheIdOfAnOpportunity2: msg({
    id: "rule.mustBeTheIdOfAnOpportunity2",
    defaultMessage: "must be the id of an opportunity of this partnership",
  }),
  mustBeTheIssuerSURLSuch: msg({
    id: "rule.mustBeTheIssuerSURLSuch",
    defaultMessage: "must be the issuer's URL, such as https://accounts.google.com",
  }),
  mustBeTheVersionYouRead: msg({
    id: "rule.mustBeTheVersionYouRead",
    defaultMessage: "must be the version you read",
  }),
  mustBeYesMaybeOrNo: msg({ id: "rule.mustBeYesMaybeOrNo", defaultMessage: "must be yes, maybe or no" }),
  mustStartWithHttpsPlainHttpOnly: msg({
    id: "rule.mustStartWithHttpsPlainHttpOnly",
    defaultMessage: "must start with https:// (plain http only for a provider on localhost)",
  }),
  name2Or3ProfilesSeparatedBy: msg({
    id: "rule.name2Or3ProfilesSeparatedBy",
    defaultMessage: "name 2 or 3 profiles, separated by commas",
  }),
  nameAtLeastOneChampionABusiness: msg({
    id: "rule.nameAtLeastOneChampionABusiness",
    defaultMessage: "name at least one champion, a business member",
  }),
  namesAProfileTwice: msg({ id: "rule.namesAProfileTwice", defaultMessage: "names a profile twice" }),
  needsAtLeastOneStatement: msg({
    id: "rule.needsAtLeastOneStatement",
    defaultMessage: "needs at least one statement",
  }),
  saveTheProfileBeforePublishingIt: msg({
    id: "rule.saveTheProfileBeforePublishingIt",
    defaultMessage: "save the profile before publishing it",
  }),
  sayDigestMentionsRepliesEventRemindersOrVotes: msg({
    id: "rule.sayDigestMentionsRepliesEventRemindersOrVotes",
    defaultMessage: "say digest, mentions, replies, eventReminders or votes",
  }),
  sayHiddenOrLocked: msg({ id: "rule.sayHiddenOrLocked", defaultMessage: "say hidden or locked" }),
  sendANewNameANewPassword: msg({
    id: "rule.sendANewNameANewPassword",
    defaultMessage: "send a new name, a new password or a language",
  }),
  sendTheVersionOfTheRecordYou: msg({
    id: "rule.sendTheVersionOfTheRecordYou",
    defaultMessage: "send the version of the record you edited",
  }),
  writeSomething: msg({ id: "rule.writeSomething", defaultMessage: "write something" }),
  appearsTwicePutAllTheDotsFor: msg({
    id: "rule.appearsTwicePutAllTheDotsFor",
    defaultMessage: "appears twice; put all the dots for one opportunity in one entry",
  }),
  appearsTwiceRateEachOpportunityOnce: msg({
    id: "rule.appearsTwiceRateEachOpportunityOnce",
    defaultMessage: "appears twice; rate each opportunity once",
  }),
  cannotBeNegative: msg({ id: "rule.cannotBeNegative", defaultMessage: "cannot be negative" }),
  giveAtLeastOneCriterionAWeight: msg({
    id: "rule.giveAtLeastOneCriterionAWeight",
    defaultMessage: "give at least one criterion a weight above 0",
  }),
  isMissing: msg({ id: "rule.isMissing", defaultMessage: "is missing" }),
  isMissingChooseALevelFrom0: msg({
    id: "rule.isMissingChooseALevelFrom0",
    defaultMessage: "is missing: choose a level from 0 (not yet) to 3 (exemplary)",
  }),
  isNotAStatementOfThisRubric: msg({
    id: "rule.isNotAStatementOfThisRubric",
    defaultMessage: "is not a statement of this rubric; remove it",
  }),
  isNotAnOpportunityOfThisRound: msg({
    id: "rule.isNotAnOpportunityOfThisRound",
    defaultMessage: "is not an opportunity of this round",
  }),
  isUsedByAnotherStatementKeysMust: msg({
    id: "rule.isUsedByAnotherStatementKeysMust",
    defaultMessage: "is used by another statement; keys must be unique",
  }),
  mustBeAWholeNumber0To3: msg({
    id: "rule.mustBeAWholeNumber0To3",
    defaultMessage: "must be a whole number from 0 to 3",
  }),
  nameCountiesOrACbsa: msg({ id: "rule.nameCountiesOrACbsa", defaultMessage: "name counties or a cbsa" }),
  nameCountiesOrACbsaNotBoth: msg({
    id: "rule.nameCountiesOrACbsaNotBoth",
    defaultMessage: "name counties or a cbsa, not both",
  }),
  onlyABusinessHasANAICSCode: msg({
    id: "rule.onlyABusinessHasANAICSCode",
    defaultMessage: "only a business has a NAICS code and a size band",
  }),
  onlyADotVoteHasDotsLeave: msg({
    id: "rule.onlyADotVoteHasDotsLeave",
    defaultMessage: "only a dot vote has dots; leave it out for a rating round",
  }),
  placeAtLeastOneDot: msg({ id: "rule.placeAtLeastOneDot", defaultMessage: "place at least one dot" }),
  rateAtLeastOneOpportunity: msg({
    id: "rule.rateAtLeastOneOpportunity",
    defaultMessage: "rate at least one opportunity",
  }),
  ratesAndDaysAreComparedAcrossPartnerships: msg({
    id: "rule.ratesAndDaysAreComparedAcrossPartnerships",
    defaultMessage: "rates and days are compared across partnerships, never summed",
  }),
  sendEitherAllocationsADotVoteOr: msg({
    id: "rule.sendEitherAllocationsADotVoteOr",
    defaultMessage: "send either allocations (a dot vote) or ratings (a rating round)",
  }),
  yesNoOutcomesAndOnlyTheyRoll: msg({
    id: "rule.yesNoOutcomesAndOnlyTheyRoll",
    defaultMessage: "yes/no outcomes, and only they, roll up as the share of partnerships saying yes",
  }),
  // A link's problems (urls.ts linkProblem); the ones with a value in them are messages there.
  linkSpaces: msg({
    id: "rule.link.spaces",
    defaultMessage: "must not contain spaces; give one address such as https://www.example.org",
  }),
  linkNotAddress: msg({
    id: "rule.link.notAddress",
    defaultMessage: "must be a web address such as https://www.example.org",
  }),
  linkMailto: msg({
    id: "rule.link.mailto",
    defaultMessage: "must be an e-mail link such as mailto:info@example.org",
  }),
  linkNoSite: msg({
    id: "rule.link.noSite",
    defaultMessage: "must name a site, such as https://www.example.org",
  }),
} satisfies Record<string, MessageDescriptor>;

/** The rules' words in the current reader's language (labelsOf); schemas read them as they check. */
export const rules = labelsOf(ruleMessages);

const byEnglish = new Map<string, MessageDescriptor>(
  Object.values(ruleMessages).map((m) => [m.defaultMessage, m]),
);

/** The message a schema's English rule text came from, to put it in another reader's words. */
export function ruleMessageFor(english: string): MessageDescriptor | undefined {
  return byEnglish.get(english);
}
