/**
 * Zod-free event vocabulary and small rules, so the web app can import them cheaply.
 */
import { labelsOf, msg, say, type MessageDescriptor } from "./i18n/msg.js";
export const eventKinds = ["webinar", "peer_exchange", "training", "convening"] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventKindMessages = {
  webinar: msg({ id: "vocab.eventKind.webinar", defaultMessage: "Webinar" }),
  peer_exchange: msg({ id: "vocab.eventKind.peer_exchange", defaultMessage: "Peer exchange" }),
  training: msg({ id: "vocab.eventKind.training", defaultMessage: "Training" }),
  convening: msg({ id: "vocab.eventKind.convening", defaultMessage: "Convening" }),
} satisfies Record<EventKind, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const eventKindLabels: Record<EventKind, string> = labelsOf(eventKindMessages);

export const eventAudiences = ["convener", "business_leader", "support_partner"] as const;
export type EventAudience = (typeof eventAudiences)[number];
export const eventAudienceMessages = {
  convener: msg({ id: "vocab.eventAudience.convener", defaultMessage: "Conveners" }),
  business_leader: msg({ id: "vocab.eventAudience.business_leader", defaultMessage: "Business leaders" }),
  support_partner: msg({ id: "vocab.eventAudience.support_partner", defaultMessage: "Support partners" }),
} satisfies Record<EventAudience, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const eventAudienceLabels: Record<EventAudience, string> = labelsOf(eventAudienceMessages);

export const registrationStatuses = ["confirmed", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const eventLimits = {
  title: 200,
  description: 20_000,
  place: 300,
  link: 500,
  capacity: 100_000,
  materials: 30,
};

/** Seats still open; null when the event has no limit. Never below zero (capacity may be lowered). */
export function placesLeft(capacity: number | null, confirmed: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - confirmed);
}

/** "3 places left", "1 place left", "Full: waitlist open", "Open to all". */
export function placesLeftLabel(capacity: number | null, confirmed: number): string {
  const left = placesLeft(capacity, confirmed);
  if (left === null) return say(msg({ id: "vocab.event.openToAll", defaultMessage: "Open to all" }));
  if (left === 0) return say(msg({ id: "vocab.event.full", defaultMessage: "Full: waitlist open" }));
  return say(
    msg({
      id: "vocab.event.placesLeft",
      defaultMessage: "{left, plural, one {# place} other {# places}} left",
    }),
    { left },
  );
}
