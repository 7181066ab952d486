/**
 * Draws the installable app's icons (src/web/public/icons/*.png) from the favicon's picture, a
 * table with two people, with Chromium. Run after changing the picture: `npx tsx scripts/make-app-icons.ts`.
 */
import { writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

/** The favicon of index.html: `inset` leaves the maskable icon's safe zone around the table. */
function picture(size: number, inset: number, rounded: boolean): string {
  const scale = (size - 2 * inset) / 32;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <rect width="${size}" height="${size}" rx="${rounded ? size * 0.22 : 0}" fill="#0b5f59"/>
  <g transform="translate(${inset} ${inset}) scale(${scale})">
    <rect x="7" y="13" width="18" height="4" rx="2" fill="white"/>
    <rect x="9" y="17" width="3" height="8" rx="1.5" fill="white"/>
    <rect x="20" y="17" width="3" height="8" rx="1.5" fill="white"/>
    <circle cx="11" cy="9" r="2.5" fill="#f6c453"/>
    <circle cx="21" cy="9" r="2.5" fill="#f6c453"/>
  </g>
</svg>`;
}

const icons = [
  { file: "icon-192.png", size: 192, inset: 0, rounded: true },
  { file: "icon-512.png", size: 512, inset: 0, rounded: true },
  { file: "maskable-512.png", size: 512, inset: 80, rounded: false },
  { file: "apple-touch-icon-180.png", size: 180, inset: 14, rounded: false },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage();
for (const icon of icons) {
  await page.setViewportSize({ width: icon.size, height: icon.size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${picture(icon.size, icon.inset, icon.rounded)}</body></html>`,
  );
  const png = await page.locator("svg").screenshot({ omitBackground: true });
  writeFileSync(new URL(`../src/web/public/icons/${icon.file}`, import.meta.url), png);
  console.log(`${icon.file}: ${png.length} bytes`);
}
await browser.close();
