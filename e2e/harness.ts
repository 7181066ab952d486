import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { findChromium } from "../scripts/find-chromium.js";
import { serverIndex } from "./workers.js";

export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export const demo = {
  convener: { email: "convener@demo.sharedtable.org", password: "demo-password-1" },
  admin: { email: "admin@demo.sharedtable.org", password: "demo-password-1" },
  champion: { email: "champion@demo.sharedtable.org", password: "demo-password-1" },
} as const;

export const chromiumPath = findChromium() ?? undefined;
export const skipReason = chromiumPath
  ? undefined
  : "No Chromium found: set CHROMIUM_PATH or install Debian's chromium-headless-shell (or chromium).";

/** This machine has no network: Chromium's own background connections would only fail. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (its own cookies, or those of `storageState`) and page. */
  newPage(options?: { storageState?: StorageState; serviceWorkers?: "allow" | "block" }): Promise<Page>;
  /** What the shared server printed so far, for diagnosing failures. */
  serverLog(): string;
  /** The Content-Security-Policy violations Chromium reported on this file's pages so far. */
  cspViolations(): string[];
  /** Closes this file's browser contexts (the shared server and browser live on); fails on CSP violations. */
  stop(): Promise<void>;
}

/**
 * Connects to this worker's server and the Chromium that e2e/global-setup.ts started for the run.
 * Expects `dist/web` to be built already (`npx vite build`).
 */
export async function startHarness(): Promise<Harness> {
  if (!chromiumPath) throw new Error(skipReason);
  // This worker's own server (see e2e/workers.ts).
  const baseUrl = inject("baseUrls")[serverIndex()]!;
  const browser = await chromium.connect(inject("wsEndpoint"));
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  return {
    baseUrl,
    browser,
    serverLog: () => readFileSync(inject("serverLogFiles")[serverIndex()]!, "utf8"),
    async newPage(options) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: 1280, height: 900 },
        // The app then skips its transitions (theme: respectReducedMotion), as for people who ask.
        reducedMotion: "reduce",
        ...(options?.storageState ? { storageState: options.storageState } : {}),
        // The app's service worker keeps all its files on the first visit: only the offline
        // journey wants that, the others would each download the whole app again.
        serviceWorkers: options?.serviceWorkers ?? "block",
      });
      contexts.push(context);
      // A violation that the page catches (Zod's probe for eval) reaches no console by itself:
      // the page's own violation event reports each one there. Init scripts are not subject to
      // the page's policy.
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          console.error(
            `Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
          );
        });
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
          cspViolations.push(`${page.url()}: ${message.text()}`);
      });
      return page;
    },
    cspViolations: () => [...cspViolations],
    async stop() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser.close().catch(() => undefined);
      if (cspViolations.length) {
        throw new Error(`Content-Security-Policy violations:\n${cspViolations.join("\n")}`);
      }
    },
  };
}

/** A unique suffix so that names and e-mails of one run never collide. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
