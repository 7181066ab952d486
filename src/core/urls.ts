import { ruleMessages } from "./rules.js";
import { msg, say, type Msg } from "./i18n/msg.js";
import { z } from "zod";
import { limits } from "./limits.js";

/*
 * One rule for every link people type (websites, meeting and event links, recordings,
 * materials, resource and rubric links): only web addresses, and e-mail for contact fields.
 * A link is shown to others as an <a href>, so `javascript:`, `data:`, `vbscript:` and `file:`
 * would run code or read files in the reader's browser. The scheme is read the way a browser
 * reads it (the WHATWG URL parser), so "JavaScript:" or "java\tscript:" cannot slip through.
 */

/** Schemes that run code or reach the reader's own machine: named in the message, never stored. */
export const blockedSchemes = ["javascript", "data", "vbscript", "file"] as const;

export interface LinkOptions {
  /** Also accept `mailto:` (contact fields). */
  mailto?: boolean;
  /** Accept "" as no link (a form's cleared field). */
  empty?: boolean;
}

const schemePattern = /^([a-z][a-z0-9+.-]*):/i;
/** "acme.example.com:8080/jobs" is a host and a port, not a scheme "acme.example.com". */
const hostAndPort = /^[^/:?#]+:\d+(?:[/?#]|$)/;

/**
 * Why the text is not a link that may be shown to others, as a message (with the scheme it
 * names, if any), or null when it is.
 */
export function linkProblemWords(text: string, options: LinkOptions = {}): Msg | null {
  const hasSpaceOrControl =
    /\s/.test(text) || [...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (hasSpaceOrControl) return ruleMessages.linkSpaces;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return msg({
      id: "rule.link.notAddress",
      defaultMessage: "must be a web address such as https://www.example.org",
    });
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if ((blockedSchemes as readonly string[]).includes(scheme)) {
    return msg(
      {
        id: "rule.link.blockedScheme",
        defaultMessage:
          "may not be a {scheme}: link; give a web address starting with https:// (such as https://www.example.org)",
      },
      { scheme },
    );
  }
  if (scheme === "mailto" && options.mailto) {
    return /^[^@\s]+@[^@\s/]+\.[^@\s/]+$/.test(url.pathname)
      ? null
      : msg({
          id: "rule.link.mailto",
          defaultMessage: "must be an e-mail link such as mailto:info@example.org",
        });
  }
  if (scheme !== "https" && scheme !== "http") {
    return msg(
      {
        id: "rule.link.scheme",
        defaultMessage:
          "must start with https:// or http://{mailto, select, yes { (or mailto:)} other {}}, such as https://www.example.org",
      },
      { mailto: options.mailto ? "yes" : "no" },
    );
  }
  if (!url.hostname)
    return msg({
      id: "rule.link.noSite",
      defaultMessage: "must name a site, such as https://www.example.org",
    });
  return null;
}

/**
 * Why the text is not a link that may be shown to others, or null when it is: in the reader's
 * words where a translator is set (the web app's forms), English otherwise.
 */
export function linkProblem(text: string, options: LinkOptions = {}): string | null {
  const words = linkProblemWords(text, options);
  return words ? say(words, words.values) : null;
}

/** A website typed as "acme.example.com" means https://acme.example.com. */
export function withScheme(text: string): string {
  if (text === "") return text;
  if (schemePattern.test(text) && !hostAndPort.test(text)) return text;
  if (text.startsWith("//")) return `https:${text}`;
  return `https://${text}`;
}

/** Checks the trimmed text against linkProblem; the check runs after any rewrite before it. */
function checked(schema: z.ZodString, options: LinkOptions) {
  return schema.check((ctx) => {
    if (options.empty && ctx.value === "") return;
    const words = linkProblemWords(ctx.value, options);
    // The message as well as its words: the server writes it in each reader's language.
    if (words)
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        message: say(words, words.values),
        params: { words },
      });
  });
}

/** A link to a page: https or http only. */
export function webAddress(max: number = limits.url, options: LinkOptions = {}) {
  return checked(z.string().trim().max(max), options);
}

/** A website: like webAddress, and "acme.example.com" is stored as "https://acme.example.com". */
export function websiteAddress(max: number = limits.url, options: LinkOptions = {}) {
  return checked(z.string().trim().overwrite(withScheme).max(max), options);
}

/** A path inside this app, such as /resources/launch-checklist (never //other.site). */
export const appPathPattern = /^\/(?!\/)[A-Za-z0-9\-._~/%?=&#]*$/;

/** A page of a partnership's workspace, such as members or impact/stories (under /p/<slug>/). */
export const workspacePagePattern = /^[a-z0-9][a-z0-9\-_/]*$/;

/** The problem with a link as typed in a form ("" is no link), read as the server will read it. */
export function typedLinkProblem(text: string, kind: "website" | "link" = "link"): string | null {
  const value = text.trim();
  if (!value) return null;
  return linkProblem(kind === "website" ? withScheme(value) : value);
}
