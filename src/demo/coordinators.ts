/** The demo state coordinator: an account with a state scope over the state with most partnerships. */
import { coordinatorScopes, people, users } from "../db/schema/index.js";
import type { Tx } from "../db/open.js";
import type { DemoData } from "./generate.js";

export const demoCoordinator = {
  email: "coordinator@demo.sharedtable.org",
  name: "Ruth Castellanos",
  title: "State Sector Partnership Coordinator",
} as const;

/** The state touched by the most partnerships (ties: the lower FIPS code), or null without any. */
export function busiestState(data: Pick<DemoData, "partnershipCounties">): string | null {
  const byState = new Map<string, Set<string>>();
  for (const c of data.partnershipCounties) {
    const set = byState.get(c.stateFips) ?? new Set<string>();
    set.add(c.partnershipId);
    byState.set(c.stateFips, set);
  }
  const ranked = [...byState].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]));
  return ranked[0]?.[0] ?? null;
}

/** Inserts the coordinator's account, person and state scope, assigned by the demo admin. */
export async function insertCoordinatorDemo(
  tx: Tx,
  data: DemoData,
  passwordHash: string,
  adminEmail: string,
): Promise<void> {
  const stateFips = busiestState(data);
  if (!stateFips) return;
  const admin = data.users.find((u) => u.email === adminEmail);
  const [user] = await tx
    .insert(users)
    .values({ email: demoCoordinator.email, name: demoCoordinator.name, passwordHash })
    .returning({ id: users.id });
  await tx.insert(people).values({
    name: demoCoordinator.name,
    email: demoCoordinator.email,
    title: demoCoordinator.title,
    userId: user.id,
  });
  await tx
    .insert(coordinatorScopes)
    .values({ userId: user.id, kind: "state", stateFips, assignedBy: admin?.id ?? null });
}
