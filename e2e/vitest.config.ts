import { defineConfig } from "vitest/config";
import { e2eWorkers } from "./workers.js";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Files wait on pages more than they use the cores: a few run side by side, each worker
    // against a server of its own (e2e/workers.ts).
    fileParallelism: e2eWorkers > 1,
    maxWorkers: e2eWorkers,
    environment: "node",
  },
});
