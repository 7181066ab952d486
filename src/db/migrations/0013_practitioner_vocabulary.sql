ALTER TABLE "people" ADD COLUMN "seniority" text;--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "theme" text;--> statement-breakpoint
ALTER TABLE "priorities" ADD COLUMN "theme" text;