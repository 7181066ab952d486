import {
  isLiteralElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  parse,
  TYPE,
  type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";

/*
 * The pseudo-language (en-XA): every English letter swapped for an accented look-alike, vowels
 * doubled (about a third longer, as Spanish and German run), each message in ⟦ ⟧. A page in it
 * that still shows a plain ASCII letter shows text that no catalog translated; a box that
 * overflows is a box a translation will break.
 */

const PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOOKALIKE = "àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ";
const ACCENTED = new Map([...PLAIN].map((ch, i) => [ch, [...LOOKALIKE][i]]));
const VOWELS = new Set([..."aeiouAEIOU"]);

/** "Sign in" -> "Šîîĝñ îîñ": accented, each vowel doubled. */
export function pseudoText(text: string): string {
  let out = "";
  for (const ch of text) {
    const accented = ACCENTED.get(ch) ?? ch;
    out += VOWELS.has(ch) ? accented + accented : accented;
  }
  return out;
}

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (isLiteralElement(element)) return { ...element, value: pseudoText(element.value) };
    if (isTagElement(element)) return { ...element, children: pseudoElements(element.children) };
    if (isPluralElement(element) || isSelectElement(element)) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([key, option]) => [
          key,
          { ...option, value: pseudoElements(option.value) },
        ]),
      );
      return { ...element, options };
    }
    return element;
  });
}

/** One message in the pseudo-language, parsed ahead so it formats without the parser's work. */
export function pseudoMessage(message: string): MessageFormatElement[] {
  return [
    { type: TYPE.literal, value: "⟦" },
    ...pseudoElements(parse(message)),
    { type: TYPE.literal, value: "⟧" },
  ];
}

/** A whole catalog in the pseudo-language. */
export function pseudoCatalog(catalog: Record<string, string>): Record<string, MessageFormatElement[]> {
  return Object.fromEntries(Object.entries(catalog).map(([id, message]) => [id, pseudoMessage(message)]));
}
