/**
 * A message to be put in the reader's language later: where a text is decided (a service
 * refusing a request, a rule naming a field) is not where its reader is known (the response,
 * the e-mail to each recipient). `msg({ id, defaultMessage }, values)` is read by the catalog
 * extractor like `formatMessage`, so its English lands in `locales/en/` with the rest.
 */
export type MessageValue = string | number | boolean | Date | null | undefined;
export type MessageValues = Record<string, MessageValue>;

export interface MessageDescriptor {
  id: string;
  defaultMessage: string;
  /** A note for translators: where the text shows, what a value is. */
  description?: string;
}

export interface Msg extends MessageDescriptor {
  values?: MessageValues;
}

export function msg(descriptor: MessageDescriptor, values?: MessageValues): Msg {
  return values ? { ...descriptor, values } : descriptor;
}

/** A vocabulary's English words, keyed as its messages are: each message's default text. */
export function englishOf<K extends string>(messages: Record<K, MessageDescriptor>): Record<K, string> {
  return Object.fromEntries(
    Object.entries<MessageDescriptor>(messages).map(([key, m]) => [key, m.defaultMessage]),
  ) as Record<K, string>;
}
