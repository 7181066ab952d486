CREATE TABLE "directory_card_keys" (
	"key" text NOT NULL,
	"name" text NOT NULL,
	"id" uuid NOT NULL,
	CONSTRAINT "directory_card_keys_key_name_id_pk" PRIMARY KEY("key","name","id")
);
--> statement-breakpoint
ALTER TABLE "directory_card_keys" ADD CONSTRAINT "directory_card_keys_id_directory_cards_id_fk" FOREIGN KEY ("id") REFERENCES "public"."directory_cards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_card_keys_id_idx" ON "directory_card_keys" USING btree ("id");--> statement-breakpoint
-- The keys follow their cards (schema/partnerships.ts, directoryCardKeys): written for a listed
-- card as it is inserted, written again when its name, listing or keys change, and deleted with
-- it by the foreign key. Statement triggers, as the cards' own: a bulk load writes each batch once.
CREATE FUNCTION directory_card_keys_on_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO directory_card_keys (key, name, id)
  SELECT DISTINCT k, c.name, c.id FROM inserted c, unnest(c.state_industry_keys) AS k WHERE c.listed;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE FUNCTION directory_card_keys_on_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Only the cards whose name, listing or keys moved (a card's counts change far more often).
  DELETE FROM directory_card_keys k
   USING updated n JOIN previous o ON o.id = n.id
   WHERE k.id = n.id
     AND (n.name, n.listed, n.state_industry_keys) IS DISTINCT FROM (o.name, o.listed, o.state_industry_keys);
  INSERT INTO directory_card_keys (key, name, id)
  SELECT DISTINCT k, n.name, n.id
    FROM updated n JOIN previous o ON o.id = n.id, unnest(n.state_industry_keys) AS k
   WHERE n.listed
     AND (n.name, n.listed, n.state_industry_keys) IS DISTINCT FROM (o.name, o.listed, o.state_industry_keys);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER directory_card_keys_inserted AFTER INSERT ON directory_cards
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION directory_card_keys_on_insert();--> statement-breakpoint
CREATE TRIGGER directory_card_keys_updated AFTER UPDATE ON directory_cards
  REFERENCING OLD TABLE AS previous NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION directory_card_keys_on_update();--> statement-breakpoint
INSERT INTO directory_card_keys (key, name, id)
SELECT DISTINCT k, c.name, c.id FROM directory_cards c, unnest(c.state_industry_keys) AS k WHERE c.listed;
