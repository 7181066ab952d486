CREATE TABLE "industry_shortlist_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shortlist_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "industry_shortlist_members" (
	"shortlist_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "industry_shortlist_members_shortlist_id_user_id_pk" PRIMARY KEY("shortlist_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "industry_shortlists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"region_name" text DEFAULT '' NOT NULL,
	"counties" text[] NOT NULL,
	"cbsa_code" text,
	"naics_level" text NOT NULL,
	"year" integer NOT NULL,
	"ownership" text DEFAULT 'private' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "industry_shortlist_items" ADD CONSTRAINT "industry_shortlist_items_shortlist_id_industry_shortlists_id_fk" FOREIGN KEY ("shortlist_id") REFERENCES "public"."industry_shortlists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_shortlist_members" ADD CONSTRAINT "industry_shortlist_members_shortlist_id_industry_shortlists_id_fk" FOREIGN KEY ("shortlist_id") REFERENCES "public"."industry_shortlists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_shortlist_members" ADD CONSTRAINT "industry_shortlist_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "industry_shortlists" ADD CONSTRAINT "industry_shortlists_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "industry_shortlist_items_code_idx" ON "industry_shortlist_items" USING btree ("shortlist_id","code");--> statement-breakpoint
CREATE INDEX "industry_shortlist_members_user_idx" ON "industry_shortlist_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "industry_shortlists_owner_idx" ON "industry_shortlists" USING btree ("owner_id");