-- The directory's cards (schema/partnerships.ts, directoryCards), kept by the triggers below.
CREATE TABLE "directory_cards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"setting" text NOT NULL,
	"stage" text NOT NULL,
	"launch_date" date,
	"updated_at" timestamp with time zone NOT NULL,
	"listed" boolean NOT NULL,
	"naics" text[] DEFAULT '{}' NOT NULL,
	"naics_keys" text[] DEFAULT '{}' NOT NULL,
	"counties" text[] DEFAULT '{}' NOT NULL,
	"state_fips" text[] DEFAULT '{}' NOT NULL,
	"business_count" integer DEFAULT 0 NOT NULL,
	"public_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_cards" ADD CONSTRAINT "directory_cards_id_partnerships_id_fk" FOREIGN KEY ("id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_cards_naics_keys_idx" ON "directory_cards" USING gin ("naics_keys");--> statement-breakpoint
CREATE INDEX "directory_cards_naics_idx" ON "directory_cards" USING gin ("naics");--> statement-breakpoint
CREATE INDEX "directory_cards_state_idx" ON "directory_cards" USING gin ("state_fips");--> statement-breakpoint
CREATE INDEX "directory_cards_counties_idx" ON "directory_cards" USING gin ("counties");--> statement-breakpoint
CREATE INDEX "directory_cards_name_idx" ON "directory_cards" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "directory_cards_updated_idx" ON "directory_cards" USING btree ("updated_at","id");--> statement-breakpoint
-- A partnership's card follows its row: inserted with it, changed with it (an unchanged card is
-- not written again: the search triggers of 0004 update every partnership whose industries or
-- counties change), and deleted with it by the foreign key.
CREATE FUNCTION directory_cards_on_partnerships() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO directory_cards AS c (id, slug, name, setting, stage, launch_date, updated_at, listed)
  SELECT p.id, p.slug, p.name, p.setting, p.stage, p.launch_date, p.updated_at, p.deleted_at IS NULL
    FROM changed p
  ON CONFLICT (id) DO UPDATE
    SET slug = excluded.slug, name = excluded.name, setting = excluded.setting, stage = excluded.stage,
        launch_date = excluded.launch_date, updated_at = excluded.updated_at, listed = excluded.listed
    WHERE (c.slug, c.name, c.setting, c.stage, c.launch_date, c.updated_at, c.listed)
          IS DISTINCT FROM (excluded.slug, excluded.name, excluded.setting, excluded.stage,
                            excluded.launch_date, excluded.updated_at, excluded.listed);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Industries: the codes in the convener's order and every leading part of each code of two or
-- more characters, read again for the partnerships the statement touched.
CREATE FUNCTION directory_cards_on_naics() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT partnership_id) INTO ids
      FROM (SELECT partnership_id FROM gone UNION ALL SELECT partnership_id FROM changed) both_sides;
  ELSE
    SELECT array_agg(DISTINCT partnership_id) INTO ids FROM changed;
  END IF;
  UPDATE directory_cards c
     SET naics = coalesce((SELECT array_agg(n.code ORDER BY n.position, n.code)
                             FROM partnership_naics n WHERE n.partnership_id = c.id), '{}'),
         naics_keys = coalesce((SELECT array_agg(DISTINCT left(n.code, k.len) ORDER BY left(n.code, k.len))
                                  FROM partnership_naics n, generate_series(2, length(n.code)) AS k(len)
                                 WHERE n.partnership_id = c.id), '{}')
   WHERE c.id = ANY (ids);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Places: the counties and the states they lie in.
CREATE FUNCTION directory_cards_on_counties() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT partnership_id) INTO ids
      FROM (SELECT partnership_id FROM gone UNION ALL SELECT partnership_id FROM changed) both_sides;
  ELSE
    SELECT array_agg(DISTINCT partnership_id) INTO ids FROM changed;
  END IF;
  UPDATE directory_cards c
     SET counties = coalesce((SELECT array_agg(pc.fips ORDER BY pc.fips)
                                FROM partnership_counties pc WHERE pc.partnership_id = c.id), '{}'),
         state_fips = coalesce((SELECT array_agg(DISTINCT pc.state_fips ORDER BY pc.state_fips)
                                  FROM partnership_counties pc WHERE pc.partnership_id = c.id), '{}')
   WHERE c.id = ANY (ids);
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Members: counts moved by what the statement added and took away (rows not removed, by kind),
-- so that loading a large data set, whose indexes are set aside meanwhile, never counts again.
CREATE FUNCTION directory_cards_on_organizations() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE directory_cards c
       SET business_count = c.business_count + d.business, public_count = c.public_count + d.public
      FROM (SELECT partnership_id, count(*) FILTER (WHERE kind = 'business') AS business,
                   count(*) FILTER (WHERE kind <> 'business') AS public
              FROM changed WHERE removed_at IS NULL GROUP BY partnership_id) d
     WHERE c.id = d.partnership_id;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE directory_cards c
       SET business_count = c.business_count - d.business, public_count = c.public_count - d.public
      FROM (SELECT partnership_id, count(*) FILTER (WHERE kind = 'business') AS business,
                   count(*) FILTER (WHERE kind <> 'business') AS public
              FROM gone WHERE removed_at IS NULL GROUP BY partnership_id) d
     WHERE c.id = d.partnership_id;
  ELSE
    UPDATE directory_cards c
       SET business_count = c.business_count + d.business, public_count = c.public_count + d.public
      FROM (SELECT partnership_id, coalesce(sum(sign) FILTER (WHERE kind = 'business'), 0) AS business,
                   coalesce(sum(sign) FILTER (WHERE kind <> 'business'), 0) AS public
              FROM (SELECT partnership_id, kind, 1 AS sign FROM changed WHERE removed_at IS NULL
                    UNION ALL
                    SELECT partnership_id, kind, -1 FROM gone WHERE removed_at IS NULL) moves
             GROUP BY partnership_id) d
     WHERE c.id = d.partnership_id
       AND (d.business <> 0 OR d.public <> 0);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER partnerships_card_insert AFTER INSERT ON partnerships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION directory_cards_on_partnerships();--> statement-breakpoint
CREATE TRIGGER partnerships_card_update AFTER UPDATE ON partnerships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION directory_cards_on_partnerships();--> statement-breakpoint
CREATE TRIGGER partnership_naics_card_insert AFTER INSERT ON partnership_naics
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION directory_cards_on_naics();--> statement-breakpoint
CREATE TRIGGER partnership_naics_card_update AFTER UPDATE ON partnership_naics
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION directory_cards_on_naics();--> statement-breakpoint
CREATE TRIGGER partnership_naics_card_delete AFTER DELETE ON partnership_naics
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION directory_cards_on_naics();--> statement-breakpoint
CREATE TRIGGER partnership_counties_card_insert AFTER INSERT ON partnership_counties
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION directory_cards_on_counties();--> statement-breakpoint
CREATE TRIGGER partnership_counties_card_update AFTER UPDATE ON partnership_counties
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION directory_cards_on_counties();--> statement-breakpoint
CREATE TRIGGER partnership_counties_card_delete AFTER DELETE ON partnership_counties
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION directory_cards_on_counties();--> statement-breakpoint
CREATE TRIGGER organizations_card_insert AFTER INSERT ON organizations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION directory_cards_on_organizations();--> statement-breakpoint
CREATE TRIGGER organizations_card_update AFTER UPDATE ON organizations
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION directory_cards_on_organizations();--> statement-breakpoint
CREATE TRIGGER organizations_card_delete AFTER DELETE ON organizations
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION directory_cards_on_organizations();--> statement-breakpoint
-- The cards of the partnerships already there.
INSERT INTO directory_cards (id, slug, name, setting, stage, launch_date, updated_at, listed,
                             naics, naics_keys, counties, state_fips, business_count, public_count)
SELECT p.id, p.slug, p.name, p.setting, p.stage, p.launch_date, p.updated_at, p.deleted_at IS NULL,
       coalesce((SELECT array_agg(n.code ORDER BY n.position, n.code)
                   FROM partnership_naics n WHERE n.partnership_id = p.id), '{}'),
       coalesce((SELECT array_agg(DISTINCT left(n.code, k.len) ORDER BY left(n.code, k.len))
                   FROM partnership_naics n, generate_series(2, length(n.code)) AS k(len)
                  WHERE n.partnership_id = p.id), '{}'),
       coalesce((SELECT array_agg(pc.fips ORDER BY pc.fips)
                   FROM partnership_counties pc WHERE pc.partnership_id = p.id), '{}'),
       coalesce((SELECT array_agg(DISTINCT pc.state_fips ORDER BY pc.state_fips)
                   FROM partnership_counties pc WHERE pc.partnership_id = p.id), '{}'),
       (SELECT count(*) FROM organizations o
         WHERE o.partnership_id = p.id AND o.kind = 'business' AND o.removed_at IS NULL),
       (SELECT count(*) FROM organizations o
         WHERE o.partnership_id = p.id AND o.kind <> 'business' AND o.removed_at IS NULL)
  FROM partnerships p;
