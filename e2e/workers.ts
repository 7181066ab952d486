/**
 * How many end-to-end files run at once (E2E_WORKERS, default 1). Each worker gets a server and
 * database of its own, so that files running side by side never see each other's changes to
 * shared things (the published rubric, the outbox, the catalogue); one Chromium serves them all.
 * One by default: on two cores, two workers took longer (608 s against 519 s, with the
 * PostgreSQL API tests beside them), as Chromium's rendering keeps the cores busy.
 */
export const e2eWorkers = Math.min(Math.max(Math.trunc(Number(process.env.E2E_WORKERS ?? 1)) || 1, 1), 4);

/** The 0-based index of this vitest worker's server (VITEST_POOL_ID runs from 1 to the worker count). */
export function serverIndex(): number {
  return (Math.max(Number(process.env.VITEST_POOL_ID ?? 1), 1) - 1) % e2eWorkers;
}
