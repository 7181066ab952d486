/**
 * One-tap choices mailed with an action reminder: the owner answers "Done", "On track" or "Stuck,
 * need help" from the e-mail, on a confirmation page that needs no sign-in (the link is the
 * authority for that one change). API schemas shared by the server and the web page.
 */
import { rules } from "./rules.js";
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
import { z } from "zod";
import { actionStatuses } from "./agenda.js";
import { uuidSchema } from "./ids.js";

export const actionLinkChoices = ["done", "on_track", "stuck"] as const;
export type ActionLinkChoice = (typeof actionLinkChoices)[number];
export const actionLinkChoiceMessages = {
  done: msg({ id: "vocab.actionLinkChoice.done", defaultMessage: "Done" }),
  on_track: msg({ id: "vocab.actionLinkChoice.on_track", defaultMessage: "On track" }),
  stuck: msg({ id: "vocab.actionLinkChoice.stuck", defaultMessage: "Stuck, need help" }),
} satisfies Record<ActionLinkChoice, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const actionLinkChoiceLabels: Record<ActionLinkChoice, string> = labelsOf(actionLinkChoiceMessages);

/** How long a mailed link works, unless used first. */
export const ACTION_LINK_DAYS = 14;
/** The progress an "On track" answer offers (the page preselects the next one above today's). */
export const ON_TRACK_STEPS = [25, 50, 75] as const;

/** A link token is 32 random bytes in base64url: anything else was mangled on its way. */
export const actionLinkToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, { error: () => rules.mustBeTheCodeFromTheE });

export const actionLinkParams = z.strictObject({ id: uuidSchema, token: actionLinkToken });

export const actionLinkBody = z.strictObject({
  token: actionLinkToken,
  /** Only with "On track": how far along the action is now. */
  progress: z
    .number()
    .int({ error: () => rules.mustBeAWholeNumber })
    .min(1, { error: () => rules.mustBeFrom1To99 })
    .max(99, { error: () => rules.mustBeFrom1To99 })
    .optional(),
});
export type ActionLinkBody = z.infer<typeof actionLinkBody>;

/** What the confirmation page shows before the click; opening it changes nothing. */
export const actionLinkInfo = z.object({
  choice: z.enum(actionLinkChoices),
  expiresAt: z.string(),
  ownerName: z.string(),
  action: z.object({
    id: uuidSchema,
    title: z.string(),
    dueDate: z.string().nullable(),
    status: z.enum(actionStatuses),
    progress: z.number().int(),
    teamName: z.string(),
    priorityTitle: z.string(),
    partnershipName: z.string(),
    partnershipSlug: z.string(),
  }),
});
export type ActionLinkInfo = z.infer<typeof actionLinkInfo>;

/** The answer to the click: the action as it is now. */
export const actionLinkResult = actionLinkInfo.extend({ doneAt: z.string() });
export type ActionLinkResult = z.infer<typeof actionLinkResult>;
