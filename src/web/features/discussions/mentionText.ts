/**
 * The name being typed after "@" just before the caret: one word, or two ("@Mona Me") so a
 * common first name can be narrowed down. Null when the caret is not in such a word.
 */
export function mentionQuery(textBeforeCaret: string): { at: number; q: string } | null {
  const match = /(^|\s)@([\p{L}'-]{2,40}(?: [\p{L}'-]{1,40})?)$/u.exec(textBeforeCaret);
  if (!match?.[2]) return null;
  return { at: match.index + (match[1]?.length ?? 0), q: match[2] };
}

/**
 * Puts `@[Name](user:<id>)` in place of the "@name" typed from `at` up to `caret`, and the caret
 * after it and one space (the space that follows already, or a new one), ready for the next word.
 */
export function insertMention(
  text: string,
  at: number,
  caret: number,
  person: { id: string; name: string },
): { text: string; caret: number } {
  const after = text.slice(caret);
  const mention = `@[${person.name}](user:${person.id})`;
  const space = /^\s/.test(after) ? "" : " ";
  return { text: text.slice(0, at) + mention + space + after, caret: at + mention.length + 1 };
}
