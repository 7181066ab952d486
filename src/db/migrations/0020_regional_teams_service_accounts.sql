CREATE TABLE "regional_team_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"naics_code" text NOT NULL,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"added_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regional_team_counties" (
	"team_id" uuid NOT NULL,
	"fips" text NOT NULL,
	"state_fips" text NOT NULL,
	CONSTRAINT "regional_team_counties_team_id_fips_pk" PRIMARY KEY("team_id","fips")
);
--> statement-breakpoint
CREATE TABLE "regional_team_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "regional_team_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "regional_team_organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "regional_team_steps" (
	"team_id" uuid NOT NULL,
	"step_key" text NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "regional_team_steps_team_id_step_key_pk" PRIMARY KEY("team_id","step_key")
);
--> statement-breakpoint
CREATE TABLE "regional_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"region_name" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"cbsa_code" text,
	"state_fips" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "regional_teams_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "is_service" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "regional_team_id" uuid;--> statement-breakpoint
ALTER TABLE "regional_team_candidates" ADD CONSTRAINT "regional_team_candidates_team_id_regional_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."regional_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_team_candidates" ADD CONSTRAINT "regional_team_candidates_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_team_counties" ADD CONSTRAINT "regional_team_counties_team_id_regional_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."regional_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_team_members" ADD CONSTRAINT "regional_team_members_team_id_regional_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."regional_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_team_members" ADD CONSTRAINT "regional_team_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_team_members" ADD CONSTRAINT "regional_team_members_organization_id_regional_team_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."regional_team_organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_team_notes" ADD CONSTRAINT "regional_team_notes_team_id_regional_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."regional_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_team_notes" ADD CONSTRAINT "regional_team_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_team_organizations" ADD CONSTRAINT "regional_team_organizations_team_id_regional_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."regional_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_team_steps" ADD CONSTRAINT "regional_team_steps_team_id_regional_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."regional_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_team_steps" ADD CONSTRAINT "regional_team_steps_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regional_teams" ADD CONSTRAINT "regional_teams_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "regional_team_candidates_code_idx" ON "regional_team_candidates" USING btree ("team_id","naics_code");--> statement-breakpoint
CREATE INDEX "regional_team_counties_fips_idx" ON "regional_team_counties" USING btree ("fips");--> statement-breakpoint
CREATE UNIQUE INDEX "regional_team_members_person_team_idx" ON "regional_team_members" USING btree ("team_id","person_id");--> statement-breakpoint
CREATE INDEX "regional_team_members_person_idx" ON "regional_team_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "regional_team_notes_team_idx" ON "regional_team_notes" USING btree ("team_id","created_at");--> statement-breakpoint
CREATE INDEX "regional_team_organizations_team_idx" ON "regional_team_organizations" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "partnerships_regional_team_idx" ON "partnerships" USING btree ("regional_team_id");--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_regional_team_id_regional_teams_id_fk" FOREIGN KEY ("regional_team_id") REFERENCES "public"."regional_teams"("id") ON DELETE set null ON UPDATE no action;
