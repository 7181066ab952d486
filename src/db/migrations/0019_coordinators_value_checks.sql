CREATE TABLE "employer_value_answers" (
	"check_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"worth" integer NOT NULL,
	"changed" text DEFAULT '' NOT NULL,
	"to_change" text DEFAULT '' NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employer_value_answers_check_id_person_id_pk" PRIMARY KEY("check_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "employer_value_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by" uuid,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "coordinator_access_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"partnership_id" uuid NOT NULL,
	"what" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coordinator_scope_counties" (
	"scope_id" uuid NOT NULL,
	"county_fips" text NOT NULL,
	CONSTRAINT "coordinator_scope_counties_scope_id_county_fips_pk" PRIMARY KEY("scope_id","county_fips")
);
--> statement-breakpoint
CREATE TABLE "coordinator_scopes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state_fips" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"cbsa_code" text,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "funding_source" text;--> statement-breakpoint
ALTER TABLE "employer_value_answers" ADD CONSTRAINT "employer_value_answers_check_id_employer_value_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."employer_value_checks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_value_checks" ADD CONSTRAINT "employer_value_checks_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_value_checks" ADD CONSTRAINT "employer_value_checks_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordinator_access_log" ADD CONSTRAINT "coordinator_access_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordinator_access_log" ADD CONSTRAINT "coordinator_access_log_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordinator_scope_counties" ADD CONSTRAINT "coordinator_scope_counties_scope_id_coordinator_scopes_id_fk" FOREIGN KEY ("scope_id") REFERENCES "public"."coordinator_scopes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordinator_scopes" ADD CONSTRAINT "coordinator_scopes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coordinator_scopes" ADD CONSTRAINT "coordinator_scopes_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employer_value_checks_year_idx" ON "employer_value_checks" USING btree ("partnership_id","year");--> statement-breakpoint
CREATE INDEX "coordinator_access_log_partnership_idx" ON "coordinator_access_log" USING btree ("partnership_id","at");--> statement-breakpoint
CREATE INDEX "coordinator_scope_counties_county_idx" ON "coordinator_scope_counties" USING btree ("county_fips");--> statement-breakpoint
CREATE INDEX "coordinator_scopes_user_idx" ON "coordinator_scopes" USING btree ("user_id");