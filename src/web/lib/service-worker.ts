/*
 * The installable app's service worker (built by vite-plugin-pwa): it keeps the app's own files
 * so that pages open without signal; what a page shows offline comes from lib/offline.ts.
 */
import { registerSW } from "virtual:pwa-register";

export function registerServiceWorker(): void {
  // Browsers without service workers (or a page not served over https or localhost) run as before.
  if (!("serviceWorker" in navigator)) return;
  // A new release takes over at the next page load; nothing on screen is swapped under the reader.
  registerSW({ immediate: true });
}
