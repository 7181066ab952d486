CREATE TABLE "sign_in_link_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sign_in_links" ADD COLUMN "purpose" text DEFAULT 'locked' NOT NULL;--> statement-breakpoint
ALTER TABLE "sign_in_links" ADD COLUMN "next_path" text;--> statement-breakpoint
ALTER TABLE "sign_in_links" ADD COLUMN "browser_hash" text;--> statement-breakpoint
ALTER TABLE "sign_in_links" ADD COLUMN "requested_from" text;--> statement-breakpoint
CREATE INDEX "sign_in_link_requests_email_idx" ON "sign_in_link_requests" USING btree ("email","created_at");--> statement-breakpoint
CREATE INDEX "sign_in_link_requests_ip_idx" ON "sign_in_link_requests" USING btree ("ip","created_at");