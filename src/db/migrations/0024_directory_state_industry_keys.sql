-- Each state of a card with each of its industry keys ("48:31"), written by PostgreSQL into the
-- generated column below whenever the triggers of migration 0022 move either array: a state's
-- industry is then one overlap on one index (schema/partnerships.ts, stateIndustryKeys).
CREATE FUNCTION directory_state_industry_keys(states text[], industries text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(s || ':' || i ORDER BY s, i), '{}')
    FROM unnest(states) AS s, unnest(industries) AS i
$$;--> statement-breakpoint
ALTER TABLE "directory_cards" ADD COLUMN "state_industry_keys" text[] GENERATED ALWAYS AS (directory_state_industry_keys(state_fips, naics_keys)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "directory_cards_state_industry_idx" ON "directory_cards" USING gin ("state_industry_keys");