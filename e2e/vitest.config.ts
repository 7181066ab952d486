import { defineConfig } from "vitest/config";
import { e2eWorkers } from "./workers.js";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One file at a time unless E2E_WORKERS says more (e2e/workers.ts): each worker has a
    // server of its own.
    fileParallelism: e2eWorkers > 1,
    maxWorkers: e2eWorkers,
    environment: "node",
  },
});
