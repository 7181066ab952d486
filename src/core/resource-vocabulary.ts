/** The library's fixed vocabularies, zod-free so the web's filters may import them cheaply. */
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
export const resourceKinds = ["toolkit_chapter", "template", "example", "link"] as const;
export type ResourceKind = (typeof resourceKinds)[number];
export const resourceKindMessages = {
  toolkit_chapter: msg({ id: "vocab.resourceKind.toolkit_chapter", defaultMessage: "Toolkit chapter" }),
  template: msg({ id: "vocab.resourceKind.template", defaultMessage: "Template" }),
  example: msg({ id: "vocab.resourceKind.example", defaultMessage: "Example" }),
  link: msg({ id: "vocab.resourceKind.link", defaultMessage: "Link" }),
} satisfies Record<ResourceKind, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const resourceKindLabels: Record<ResourceKind, string> = labelsOf(resourceKindMessages);

export const resourceAudiences = ["convener", "business_leader", "support_partner"] as const;
export type ResourceAudience = (typeof resourceAudiences)[number];
export const resourceAudienceMessages = {
  convener: msg({ id: "vocab.resourceAudience.convener", defaultMessage: "Conveners" }),
  business_leader: msg({ id: "vocab.resourceAudience.business_leader", defaultMessage: "Business leaders" }),
  support_partner: msg({ id: "vocab.resourceAudience.support_partner", defaultMessage: "Support partners" }),
} satisfies Record<ResourceAudience, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const resourceAudienceLabels: Record<ResourceAudience, string> = labelsOf(resourceAudienceMessages);

export const resourceTopics = [
  "civic_infrastructure",
  "industry_data",
  "business_engagement",
  "launching",
  "facilitation",
  "action_teams",
  "measuring_impact",
  "communications",
  "sustaining",
] as const;
export type ResourceTopic = (typeof resourceTopics)[number];
export const resourceTopicMessages = {
  civic_infrastructure: msg({
    id: "vocab.resourceTopic.civic_infrastructure",
    defaultMessage: "Support team",
  }),
  industry_data: msg({ id: "vocab.resourceTopic.industry_data", defaultMessage: "Industry data" }),
  business_engagement: msg({
    id: "vocab.resourceTopic.business_engagement",
    defaultMessage: "Business engagement",
  }),
  launching: msg({ id: "vocab.resourceTopic.launching", defaultMessage: "Launching" }),
  facilitation: msg({ id: "vocab.resourceTopic.facilitation", defaultMessage: "Facilitation" }),
  action_teams: msg({ id: "vocab.resourceTopic.action_teams", defaultMessage: "Action teams" }),
  measuring_impact: msg({ id: "vocab.resourceTopic.measuring_impact", defaultMessage: "Measuring impact" }),
  communications: msg({ id: "vocab.resourceTopic.communications", defaultMessage: "Communications" }),
  sustaining: msg({ id: "vocab.resourceTopic.sustaining", defaultMessage: "Sustaining" }),
} satisfies Record<ResourceTopic, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const resourceTopicLabels: Record<ResourceTopic, string> = labelsOf(resourceTopicMessages);

export const resourceStatuses = ["published", "suggested", "rejected"] as const;
export type ResourceStatus = (typeof resourceStatuses)[number];

/** Files a resource may carry: what people open in an office suite or a PDF reader. */
export const resourceFileTypes = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
} as const;
export const RESOURCE_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** Bytes every file of the type starts with: "%PDF-" for PDF, a ZIP header for DOCX and XLSX. */
const fileSignatures: Record<keyof typeof resourceFileTypes, readonly number[]> = {
  "application/pdf": [0x25, 0x50, 0x44, 0x46, 0x2d],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [0x50, 0x4b, 0x03, 0x04],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [0x50, 0x4b, 0x03, 0x04],
};

/** Whether a file's first bytes are those of its declared type (server and browser both check). */
export function startsLikeFileType(type: keyof typeof resourceFileTypes, head: Uint8Array): boolean {
  const signature = fileSignatures[type];
  return signature.every((byte, i) => head[i] === byte);
}

/** Suggestions a member may have waiting for review at once, so the admins' queue stays readable. */
export const PENDING_SUGGESTIONS_MAX = 5;

export const resourceLimits = { title: 200, summary: 500, body: 50_000, topics: 6, pageSizeMax: 50 } as const;
