/**
 * A message to be put in the reader's language later: where a text is decided (a service
 * refusing a request, a rule naming a field) is not where its reader is known (the response,
 * the e-mail to each recipient). `msg({ id, defaultMessage }, values)` is read by the catalog
 * extractor like `formatMessage`, so its English lands in `locales/en/` with the rest.
 */
import { IntlMessageFormat } from "intl-messageformat";

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

/**
 * A message as the database keeps it (JSON): its values are text or numbers, so a date is
 * stored as its ISO text and passed through a `date` format when read.
 */
export interface StoredMessage {
  id: string;
  defaultMessage: string;
  values?: Record<string, string | number | boolean | null>;
}

/** A message made storable: dates become ISO text, undefined values are dropped. */
export function storable(message: Msg): StoredMessage {
  const values = Object.fromEntries(
    Object.entries(message.values ?? {}).flatMap(([key, value]) =>
      value === undefined ? [] : [[key, value instanceof Date ? value.toISOString() : value]],
    ),
  );
  return {
    id: message.id,
    defaultMessage: message.defaultMessage,
    ...(Object.keys(values).length ? { values } : {}),
  };
}

export function msg(descriptor: MessageDescriptor, values?: MessageValues): Msg {
  return values ? { ...descriptor, values } : descriptor;
}

/** Puts a message, with its values, in the words of the reader at hand. */
export type Translator = (message: MessageDescriptor, values?: MessageValues) => string;
let translator: Translator | null = null;

/**
 * The reader's language for every vocabulary below: set by the web app once per language choice
 * (as the formatter's locale is), and by the server around the words it writes for one reader
 * (inReaderLanguage). Unset, vocabularies read in English.
 */
export function setTranslator(next: Translator | null): void {
  translator = next;
}

/** Runs synchronous `write` with `reader`'s translator, then puts the previous one back. */
export function withTranslator<T>(reader: Translator, write: () => T): T {
  const before = translator;
  translator = reader;
  try {
    return write();
  } finally {
    translator = before;
  }
}

const english = new Map<string, IntlMessageFormat>();

/**
 * A message in the current reader's words (English when none is set): for the few sentences the
 * shared code writes itself ("3 places left", "Ana Ortiz (former member)").
 */
export function say(message: MessageDescriptor, values?: MessageValues): string {
  if (translator) return translator(message, values);
  let format = english.get(message.id);
  if (!format) {
    format = new IntlMessageFormat(message.defaultMessage, "en-US");
    english.set(message.id, format);
  }
  return String(format.format(values));
}

/**
 * A vocabulary's words, keyed as its messages are (`stageLabels.launch`): each read puts the
 * message in the current reader's language (English when none is set), so pages, e-mails and
 * files keep writing `stageLabels[stage]` and get the reader's words.
 */
export function labelsOf<K extends string>(
  messages: Record<K, MessageDescriptor>,
): Readonly<Record<K, string>> {
  const words = new Proxy(messages, {
    get(target, key) {
      const message =
        typeof key === "string" ? (target as Record<string, MessageDescriptor>)[key] : undefined;
      if (!message) return undefined;
      return translator ? translator(message) : message.defaultMessage;
    },
  });
  // The proxy answers a string for each key of the messages it wraps: the words' type.
  return words as unknown as Readonly<Record<K, string>>;
}
