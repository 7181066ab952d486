import { defineConfig } from "vitest/config";
import SlowFirstSequencer from "./vitest.sequencer.js";

/** Files that replace a module with vi.mock: they need a module graph of their own. */
const mocking = ["src/server/features/auth/reset.test.ts"];
const include = ["src/**/*.test.ts", "src/**/*.test.tsx", "scripts/**/*.test.ts", "bench/**/*.test.ts"];
const exclude = ["node_modules", "dist", "e2e"];

export default defineConfig({
  test: {
    globalSetup: ["src/server/test-template.ts"],
    pool: "forks",
    maxWorkers: 2,
    // Generous: the end-to-end journeys share the two cores with these tests.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        extends: true,
        // Every file builds its own app over its own database, so files can share one module
        // graph per worker: importing the app once instead of once per file halves the run.
        test: { name: "api", include, exclude: [...exclude, ...mocking], isolate: false },
      },
      { extends: true, test: { name: "mocking", include: mocking, exclude, isolate: true } },
    ],
  },
});
