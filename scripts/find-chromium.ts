import { existsSync } from "node:fs";

/** Chromium or Chrome for the end-to-end tests: CHROMIUM_PATH first, then the usual places. */
export function findChromium(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  ];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}
