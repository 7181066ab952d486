import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { partnerships } from "./partnerships.js";
import { users } from "./accounts.js";

/** Checklist steps a convener ticked off; the steps themselves are defined in core/stages.ts. */
export const stageSteps = pgTable(
  "stage_steps",
  {
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    stepKey: text("step_key").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }).notNull().defaultNow(),
    doneBy: uuid("done_by").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.stepKey] })],
);
