CREATE TABLE "benchmark_profile_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"content" jsonb NOT NULL,
	"edited_by" uuid,
	"edited_at" timestamp with time zone NOT NULL,
	"replaced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benchmark_profiles" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"motivations" text DEFAULT '' NOT NULL,
	"mechanisms" text DEFAULT '' NOT NULL,
	"moments" text DEFAULT '' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"ingredients" text DEFAULT '' NOT NULL,
	"plans" text DEFAULT '' NOT NULL,
	"indicator_keys" text[] DEFAULT '{}' NOT NULL,
	"story_ids" text[] DEFAULT '{}' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"visibility" text DEFAULT 'partnership' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "benchmark_profile_revisions" ADD CONSTRAINT "benchmark_profile_revisions_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_profile_revisions" ADD CONSTRAINT "benchmark_profile_revisions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_profiles" ADD CONSTRAINT "benchmark_profiles_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_profiles" ADD CONSTRAINT "benchmark_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "benchmark_profile_revisions_partnership_idx" ON "benchmark_profile_revisions" USING btree ("partnership_id","revision");--> statement-breakpoint
CREATE INDEX "benchmark_profiles_published_idx" ON "benchmark_profiles" USING btree ("status","visibility");