import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type axe from "axe-core";
import { expect } from "vitest";
import { request, type APIRequestContext, type Page } from "playwright-core";
import { demo } from "./harness.js";

/**
 * The minified build: the package's `axe.source` is the readable one, 1.5 MB that every scanned
 * page would parse again, against 0.65 MB.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Types into a Mantine Select / MultiSelect and picks the option with that exact name. */
export async function pick(page: Page, label: string, search: string, option: string | RegExp) {
  const input = page.getByRole("combobox", { name: label, exact: true });
  await input.click();
  // Selects that are not searchable are read-only: open them and pick.
  if (search) await input.fill(search);
  const choice =
    typeof option === "string"
      ? page.getByRole("option", { name: option, exact: true })
      : page.getByRole("option", { name: option });
  await choice.first().click();
}

/** A text field by its accessible name (Mantine's required asterisk is not part of it). */
export function field(page: Page, name: string) {
  return page.getByRole("textbox", { name, exact: true });
}

/** The demo admin's own API session on a server, to read its outbox as people read their mail. */
const mailReaders = new Map<string, Promise<APIRequestContext>>();
function mailReader(origin: string): Promise<APIRequestContext> {
  let reader = mailReaders.get(origin);
  if (!reader) {
    reader = (async () => {
      const context = await request.newContext({ baseURL: origin });
      const res = await context.post("/api/auth/login", {
        data: { email: demo.admin.email, password: demo.admin.password },
      });
      if (!res.ok()) throw new Error(`the demo admin could not sign in: ${res.status()}`);
      return context;
    })();
    mailReaders.set(origin, reader);
  }
  return reader;
}

/** The newest link matching `pattern` in the mail sent to `to` (waits a moment for it). */
export async function mailedLink(page: Page, to: string, pattern: RegExp): Promise<string> {
  const origin = new URL((await page.request.get("/api/health")).url()).origin;
  const reader = await mailReader(origin);
  for (let attempt = 0; attempt < 20; attempt++) {
    const res = await reader.get("/api/admin/outbox");
    const { items } = (await res.json()) as { items: { to: string; text: string }[] };
    const link = items
      .filter((m) => m.to === to.toLowerCase())
      .flatMap((m) => m.text.match(pattern) ?? [])[0];
    if (link) return link;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${to} with a link like ${pattern}`);
}

/** The sign-up link mailed to `email`, as a path of the site. */
export const signUpLinkFor = (page: Page, email: string) =>
  mailedLink(page, email, /\/signup\/link\?token=[\w.-]+/);

/** Signs up through the form and the mailed link, as a new user would: only for the journeys about signing up. */
export async function signUpWithForm(page: Page, user: { name: string; email: string }) {
  await page.goto("/signup");
  await field(page, "Your name").fill(user.name);
  await field(page, "E-mail").fill(user.email);
  await page.getByRole("button", { name: "E-mail me a link to create my account" }).click();
  await page.getByRole("status").filter({ hasText: "Check your e-mail" }).waitFor();
  await page.goto(await signUpLinkFor(page, user.email));
  await page.getByRole("button", { name: "Create my account" }).click();
  await page.waitForURL("**/me");
}

/** Signs in through the form: only for the journeys about signing in. */
export async function signInWithForm(page: Page, email: string, password: string, next?: string) {
  await page.goto(next ? `/signin?next=${encodeURIComponent(next)}` : "/signin");
  await field(page, "E-mail").fill(email);
  await field(page, "Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await page.waitForURL(next ? `**${next}` : "**/me");
}

/** Posts to the API with the page's cookies, so the session it sets is the page's. */
async function postAsPage(page: Page, path: string, data: unknown) {
  const res = await page.request.post(`/api${path}`, { data });
  if (!res.ok()) throw new Error(`POST ${path}: ${res.status()} ${await res.text()}`);
}

/**
 * Creates the account through the API as a person does (asks, opens the mailed link in the same
 * browser), adds the password the journey signs in with later, and opens the person's page.
 */
export async function signUp(page: Page, user: { name: string; email: string; password: string }) {
  await createAccount(page, user);
  await page.goto("/me");
}

/** `signUp` without opening a page: for journeys that only need the account and its session. */
export async function createAccount(page: Page, user: { name: string; email: string; password: string }) {
  await postAsPage(page, "/auth/signup", { email: user.email, name: user.name });
  const token = new URL(await signUpLinkFor(page, user.email), "http://x").searchParams.get("token");
  await postAsPage(page, "/auth/sign-up-link", { token });
  const res = await page.request.patch("/api/me", { data: { newPassword: user.password } });
  if (!res.ok()) throw new Error(`adding a password: ${res.status()} ${await res.text()}`);
}

/** Signs in through the API and opens `next` (default the person's page). */
export async function signIn(page: Page, email: string, password: string, next?: string) {
  await postAsPage(page, "/auth/login", { email, password });
  await page.goto(next ?? "/me");
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: /^Account menu for / }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in" }).first().waitFor();
}

/** Calls the API from inside the page, so the session cookie of that page is used. */
export async function apiFromPage<T>(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(`/api${path}`, {
        method,
        credentials: "same-origin",
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return (text ? JSON.parse(text) : null) as unknown;
    },
    { method, path, body },
  ) as Promise<T>;
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/** Runs axe-core in the page and returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: the app's Content-Security-Policy forbids inline scripts.
  // Once per document: a page that moved within the app keeps it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  // A dialog still fading in has colors between two states: scan what the person ends up seeing.
  // Spinners run forever: only finite animations are waited for, and never more than 2 s.
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.race([
      Promise.all(finite.map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]);
  });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const result = await w.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${v.impact ?? "?"}] ${v.id}: ${v.help}\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)}\n      ${n.failureSummary ?? ""}`).join("\n"),
    )
    .join("\n");
}

/** Fails the test on any serious or critical axe violation of the page, printing what they are. */
export async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const violations = await seriousViolations(page);
  if (violations.length) console.error(`axe violations on ${what}:\n${describeViolations(violations)}`);
  expect(violations.map((v) => v.id)).toEqual([]);
}

/**
 * Saves a screenshot for a person reviewing the journeys (E2E_SCREENSHOTS=1); otherwise does
 * nothing: a full-page capture costs up to a second and checks nothing.
 */
export async function screenshot(page: Page, options: { path: string; fullPage?: boolean }): Promise<void> {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot(options);
}

/**
 * Fails when the page scrolls sideways at its current width (a phone's 390 px, say), or when a
 * table runs past the screen's edge inside a scroll box: either way something hides beyond a
 * horizontal scroll with no cue. Names the elements that stick out.
 */
export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { width, scrollWidth, wide, tables } = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.getAttribute("class") ? `.${e.getAttribute("class")?.split(" ")[0]}` : ""}`;
    const out = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > w + 1)
      .slice(0, 5)
      .map(name);
    const cut = [...document.querySelectorAll("table")]
      .filter((t) => t.getBoundingClientRect().width > 0 && t.getBoundingClientRect().right > w + 1)
      .map((t) => t.getAttribute("aria-label") ?? t.querySelector("th")?.textContent ?? "a table");
    return { width: w, scrollWidth: document.documentElement.scrollWidth, wide: out, tables: cut };
  });
  if (scrollWidth > width || tables.length)
    console.error(`${what} scrolls sideways (${scrollWidth} > ${width}): ${[...tables, ...wide].join(", ")}`);
  expect(scrollWidth).toBeLessThanOrEqual(width);
  expect(tables).toEqual([]);
}

/**
 * The visible buttons (and role=button elements) of the page that have no name: none from
 * aria-labelledby, aria-label, or text a screen reader reads (text under aria-hidden does not
 * count; an image's alt does). Each is described by the start of its HTML.
 */
export async function unnamedButtons(page: Page): Promise<string[]> {
  return page.locator("button, [role=button]").evaluateAll((elements) => {
    const spoken = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
      if (!(node instanceof Element) || node.getAttribute("aria-hidden") === "true") return "";
      if (node instanceof HTMLImageElement) return node.alt;
      return [...node.childNodes].map(spoken).join(" ");
    };
    return elements
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => {
        const labelledBy = (el.getAttribute("aria-labelledby") ?? "")
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" ");
        return !`${labelledBy}${el.getAttribute("aria-label") ?? ""}${spoken(el)}`.trim();
      })
      .map((el) => el.outerHTML.slice(0, 200));
  });
}

/** Fails when a visible button of the page has no accessible name, printing what they are. */
export async function expectButtonsNamed(page: Page, what: string): Promise<void> {
  const unnamed = await unnamedButtons(page);
  if (unnamed.length) console.error(`buttons without a name on ${what}:\n${unnamed.join("\n")}`);
  expect(unnamed).toEqual([]);
}
