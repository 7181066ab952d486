import { existsSync } from "node:fs";
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Files that take ten seconds or more, or that need a fresh worker of their own (the mocking
 * project): they start first, so that the two workers finish together instead of one waiting
 * on the other's last long file. Vitest orders by the durations of the last run when it has
 * them; a fresh clone has none, and it would order by file size.
 */
const slowFirst = [
  "src/server/main.test.ts",
  "src/cli/import-qcew.test.ts",
  "src/server/features/auth/reset.test.ts",
  "src/server/routes.property.test.ts",
  "src/server/lib/uploads.test.ts",
  "src/server/features/auth/sign-in-guessing.test.ts",
  "src/cli/fetch-qcew.test.ts",
  "src/db/dump.test.ts",
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const gone = slowFirst.filter((file) => !existsSync(file));
    if (gone.length) throw new Error(`vitest.sequencer.ts names files that are gone: ${gone.join(", ")}`);
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = slowFirst.indexOf(relative(this.ctx.config.root, file.moduleId));
      return index === -1 ? slowFirst.length : index;
    };
    // Array.sort is stable: the rest keep the order Vitest gave them.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
