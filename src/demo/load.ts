import type { Db } from "../db/open.js";

export const demoPassword = "demo-password-1";
export const demoSignIns = [
  { role: "Community admin", email: "admin@demo.sharedtable.org", password: demoPassword },
  { role: "Convener", email: "convener@demo.sharedtable.org", password: demoPassword },
  { role: "Business champion", email: "champion@demo.sharedtable.org", password: demoPassword },
];

/** Placeholder until the generator lands: loads nothing. */
export async function loadDemoData(_db: Db): Promise<void> {}
