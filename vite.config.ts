import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";
import type { AcceptedPlugin } from "postcss";
import postcssPresetMantine from "postcss-preset-mantine";

/** The preset ships without types. */
const mantinePreset = postcssPresetMantine as () => AcceptedPlugin;

const webRoot = fileURLToPath(new URL("./src/web", import.meta.url));
const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [
    react(),
    // Installable on a phone, and the app's own files kept so pages open without signal; what a
    // page shows offline is kept by the app itself (src/web/lib/offline.ts), never the API's answers.
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: false,
      manifest: {
        name: "Shared Table",
        short_name: "Shared Table",
        description: "The workspace and community of Next Generation Sector Partnerships.",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: "#0b5f59",
        background_color: "#ffffff",
        icons: [
          { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
        shortcuts: [{ name: "My actions and meetings", url: "/me/plan" }],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,png,svg,woff2}"],
        // The app's pages are one page; the API, its documentation and feeds are the server's.
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first visit is served by the worker at once, not from the next visit on.
        clientsClaim: true,
        skipWaiting: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  css: {
    postcss: { plugins: [mantinePreset()] },
  },
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      "/api": { target: "http://localhost:3000", changeOrigin: false },
    },
  },
});
