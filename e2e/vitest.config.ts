import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One file at a time: on two cores, files run side by side only slow each other down.
    fileParallelism: false,
    environment: "node",
  },
});
