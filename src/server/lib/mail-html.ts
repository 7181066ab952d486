/**
 * The HTML part of an e-mail, made from its text: the same words in the same language, with
 * paragraphs, line breaks and links a mail app shows as such. `lang` tells screen readers and
 * mail apps' translators which language the message is in.
 */
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** An address in running text ends before a space or the punctuation closing a sentence. */
const URL = /\bhttps?:\/\/[^\s<>"]*[^\s<>".,;:!?)]/g;

function linked(line: string): string {
  let html = "";
  let at = 0;
  for (const match of line.matchAll(URL)) {
    html += escape(line.slice(at, match.index)) + `<a href="${escape(match[0])}">${escape(match[0])}</a>`;
    at = match.index + match[0].length;
  }
  return html + escape(line.slice(at));
}

export function mailHtml(text: string, lang: string): string {
  const paragraphs = text
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${p.split("\n").map(linked).join("<br>\n")}</p>`);
  return (
    `<!doctype html>\n<html lang="${escape(lang)}"><head><meta charset="utf-8"></head>` +
    `<body style="font-family: system-ui, sans-serif; font-size: 16px; line-height: 1.5; color: #1f2933;">\n` +
    `${paragraphs.join("\n")}\n</body></html>\n`
  );
}
