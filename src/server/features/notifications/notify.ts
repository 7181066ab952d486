import type { Executor } from "../../../db/open.js";
import { notifications } from "../../../db/schema/index.js";

export interface NotificationInput {
  userId: string;
  kind: string;
  title: string;
  link?: string;
}

/** Adds in-app notifications inside the caller's transaction (nothing if the write fails). */
export async function notify(tx: Executor, items: NotificationInput | NotificationInput[]): Promise<void> {
  const rows = (Array.isArray(items) ? items : [items]).map((n) => ({ ...n, link: n.link ?? "" }));
  if (rows.length) await tx.insert(notifications).values(rows);
}
