CREATE TABLE "measurement_deletions" (
	"measurement_id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"visibility" text NOT NULL,
	"deleted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "measurement_deletions_deleted_at_idx" ON "measurement_deletions" USING btree ("deleted_at");--> statement-breakpoint
CREATE INDEX "partnerships_updated_at_idx" ON "partnerships" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "measurements_entered_at_idx" ON "measurements" USING btree ("entered_at","id");