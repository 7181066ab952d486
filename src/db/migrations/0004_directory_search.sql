-- Directory search over what a partnership is known by: its name, the titles of its industries
-- and of their parents at every NAICS level ("food manufacturing" finds a bakery partnership
-- registered as 3118), its counties, states and metro or micro areas, and its description.
-- Kept in one indexed column, refreshed by triggers whatever writes the rows (the app, the demo
-- and national data sets, imports), so that a search is one index lookup.
ALTER TABLE "partnerships" ADD COLUMN "search_document" tsvector;--> statement-breakpoint
CREATE FUNCTION partnership_search_document(pid uuid, pname text, pdescription text) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  select setweight(to_tsvector('english', coalesce(pname, '')), 'A')
      || setweight(to_tsvector('english', coalesce((
           select string_agg(distinct t.title, ' ')
             from partnership_naics n
             -- The code and its parents, each found by the primary key: 3118, 311, 31-33.
             join naics_codes t
               on t.code in (n.code, left(n.code, 3), left(n.code, 4), left(n.code, 5),
                             case left(n.code, 2)
                               when '31' then '31-33' when '32' then '31-33' when '33' then '31-33'
                               when '44' then '44-45' when '45' then '44-45'
                               when '48' then '48-49' when '49' then '48-49'
                               else left(n.code, 2) end)
            where n.partnership_id = pid), '')), 'B')
      || setweight(to_tsvector('english', coalesce((
           select string_agg(distinct concat_ws(' ',
                    c.name || case when s.abbr = 'LA' then ' Parish' else ' County' end,
                    s.name, s.abbr, c.cbsa_title), ' ')
             from partnership_counties pc
             join counties c on c.fips = pc.fips
             left join states s on s.fips = pc.state_fips
            where pc.partnership_id = pid), '')), 'C')
      || setweight(to_tsvector('english', coalesce(pdescription, '')), 'D')
$$;--> statement-breakpoint
CREATE FUNCTION partnership_search_on_write() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_document := partnership_search_document(NEW.id, NEW.name, NEW.description);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE FUNCTION partnership_search_on_children() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE partnerships p SET search_document = partnership_search_document(p.id, p.name, p.description)
   WHERE p.id IN (SELECT DISTINCT partnership_id FROM changed);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER partnerships_search_insert BEFORE INSERT ON partnerships
  FOR EACH ROW EXECUTE FUNCTION partnership_search_on_write();--> statement-breakpoint
CREATE TRIGGER partnerships_search_update BEFORE UPDATE OF name, description ON partnerships
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.description IS DISTINCT FROM NEW.description)
  EXECUTE FUNCTION partnership_search_on_write();--> statement-breakpoint
CREATE TRIGGER partnership_naics_search_insert AFTER INSERT ON partnership_naics
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION partnership_search_on_children();--> statement-breakpoint
CREATE TRIGGER partnership_naics_search_delete AFTER DELETE ON partnership_naics
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION partnership_search_on_children();--> statement-breakpoint
CREATE TRIGGER partnership_counties_search_insert AFTER INSERT ON partnership_counties
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION partnership_search_on_children();--> statement-breakpoint
CREATE TRIGGER partnership_counties_search_delete AFTER DELETE ON partnership_counties
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION partnership_search_on_children();--> statement-breakpoint
UPDATE partnerships SET search_document = partnership_search_document(id, name, description);--> statement-breakpoint
CREATE INDEX "partnerships_search_idx" ON "partnerships" USING gin ("search_document");
