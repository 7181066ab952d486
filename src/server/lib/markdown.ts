import { createRequire } from "node:module";
import { marked, type Token, type Tokens } from "marked";
import type SanitizeHtml from "sanitize-html";
import { TextMemo } from "./text-memo.js";

// The sanitizer and its HTML parser are loaded on the first Markdown rendered, not at start-up
// (about 30 ms of every start); sanitize-html is CommonJS, so a synchronous require serves.
let sanitizer: typeof SanitizeHtml | undefined;
function sanitizeHtml(): typeof SanitizeHtml {
  sanitizer ??= createRequire(import.meta.url)("sanitize-html") as typeof SanitizeHtml;
  return sanitizer;
}

/**
 * Markdown to HTML that cannot run scripts or load anything: the sanitizer's safe defaults
 * (no script, no event handlers, no style), no images, and links only to http, https and mailto.
 * Shared by every feature that shows Markdown written by people (resources, discussions).
 */
export function renderMarkdown(source: string): string {
  return rendered.get(source);
}

function render(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true });
  const sanitize = sanitizeHtml();
  return sanitize(html, {
    allowedTags: sanitize.defaults.allowedTags.filter((t) => t !== "img"),
    allowedSchemes: ["http", "https", "mailto"],
    transformTags: { a: sanitize.simpleTransform("a", { rel: "noopener noreferrer" }) },
  });
}

// Rendering is a pure function of the text: a page read again (a long thread, a resource)
// renders nothing, and an edited text is a new key.
const rendered = new TextMemo(render);

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe to place inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The characters that HTML entities written in Markdown stand for ("&amp;" -> "&"). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] !== "#") return named[code.toLowerCase()] ?? whole;
    const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
  });
}

/** Tokens whose parts are blocks (set apart by a space); the others hold inline runs of text. */
const blockContainers = new Set(["blockquote", "list_item"]);

function tokenText(token: Token): string {
  switch (token.type) {
    case "space":
    case "hr":
    case "br":
      return " ";
    case "html": {
      // Tags go; what they enclose is other tokens, or text in a raw HTML block.
      const html = token as Tokens.HTML;
      return html.block ? ` ${html.text.replace(/<[^>]*>/g, " ")} ` : "";
    }
    case "code":
    case "codespan":
      return ` ${(token as Tokens.Code | Tokens.Codespan).text} `;
    case "list":
      return (token as Tokens.List).items.map((item) => ` ${tokenText(item)} `).join("");
    case "table": {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows]
        .flat()
        .map((cell) => ` ${tokensText(cell.tokens, "")} `)
        .join("");
    }
    case "escape":
      return (token as Tokens.Escape).text;
    default: {
      const children = "tokens" in token ? token.tokens : undefined;
      if (children?.length) return tokensText(children, blockContainers.has(token.type) ? " " : "");
      return "text" in token && typeof token.text === "string" ? token.text : "";
    }
  }
}

function tokensText(tokens: Token[], separator: string): string {
  return tokens.map(tokenText).join(separator);
}

/**
 * Markdown as the plain words a reader sees, for a passage or a card: no `**`, `#`, list markers,
 * link targets or tags; link and image text kept; blocks set apart by one space.
 */
export function markdownToPlainText(source: string): string {
  return plainTexts.get(source);
}

// Pure as well: a search page shown again (the same resources, the same words) lexes nothing.
const plainTexts = new TextMemo(plainText);

function plainText(source: string): string {
  const tokens = marked.lexer(source, { gfm: true });
  return decodeEntities(tokensText(tokens, " ")).replace(/\s+/g, " ").trim();
}
