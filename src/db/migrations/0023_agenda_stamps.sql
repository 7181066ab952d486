-- Change counts of what each partnership's action plan shows (schema/agenda.ts, agendaStamps),
-- moved by the statement triggers below.
CREATE TABLE "agenda_stamps" (
	"partnership_id" uuid PRIMARY KEY NOT NULL,
	"stamp" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agenda_stamps" ADD CONSTRAINT "agenda_stamps_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Every partnership has its count from the start: the triggers below only move counts, so that
-- a change cascading from a partnership being deleted never inserts a row for it.
CREATE FUNCTION agenda_stamps_on_partnerships() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO agenda_stamps (partnership_id) SELECT id FROM changed ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- Moves the counts of the partnerships named; in their order, so that two statements moving
-- several counts at once take their row locks in the same order.
CREATE FUNCTION bump_agenda_stamps(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE agenda_stamps s SET stamp = s.stamp + 1
    FROM (SELECT DISTINCT id FROM unnest(ids) AS u(id) WHERE id IS NOT NULL ORDER BY id) named
   WHERE s.partnership_id = named.id
$$;--> statement-breakpoint
-- Tables with the partnership on each row: priorities, action teams, actions, memberships and
-- organizations (a member's organization name is on the plan).
CREATE FUNCTION agenda_stamps_by_partnership() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_agenda_stamps(ARRAY(SELECT partnership_id FROM changed));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_agenda_stamps(ARRAY(SELECT partnership_id FROM gone));
  ELSE
    PERFORM bump_agenda_stamps(ARRAY(SELECT partnership_id FROM changed
                                     UNION SELECT partnership_id FROM gone));
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A team's people: their partnership is their team's.
CREATE FUNCTION agenda_stamps_by_team() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_agenda_stamps(ARRAY(SELECT t.partnership_id FROM changed m
                                       JOIN action_teams t ON t.id = m.team_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_agenda_stamps(ARRAY(SELECT t.partnership_id FROM gone m
                                       JOIN action_teams t ON t.id = m.team_id));
  ELSE
    PERFORM bump_agenda_stamps(ARRAY(SELECT t.partnership_id
                                       FROM (SELECT team_id FROM changed UNION SELECT team_id FROM gone) m
                                       JOIN action_teams t ON t.id = m.team_id));
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- An action's updates (the plan counts them): their partnership is their action's.
CREATE FUNCTION agenda_stamps_by_action() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM bump_agenda_stamps(ARRAY(SELECT a.partnership_id FROM changed u
                                       JOIN actions a ON a.id = u.action_id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM bump_agenda_stamps(ARRAY(SELECT a.partnership_id FROM gone u
                                       JOIN actions a ON a.id = u.action_id));
  ELSE
    PERFORM bump_agenda_stamps(ARRAY(SELECT a.partnership_id
                                       FROM (SELECT action_id FROM changed UNION SELECT action_id FROM gone) u
                                       JOIN actions a ON a.id = u.action_id));
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- A person's name is on the plans of every partnership they are or were a member of.
CREATE FUNCTION agenda_stamps_by_person() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM bump_agenda_stamps(ARRAY(SELECT ms.partnership_id
                                     FROM changed c JOIN gone g ON g.id = c.id
                                     JOIN memberships ms ON ms.person_id = c.id
                                    WHERE c.name IS DISTINCT FROM g.name));
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER partnerships_agenda_stamp AFTER INSERT ON partnerships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_on_partnerships();--> statement-breakpoint
CREATE TRIGGER priorities_agenda_stamp_insert AFTER INSERT ON priorities
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER priorities_agenda_stamp_update AFTER UPDATE ON priorities
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER priorities_agenda_stamp_delete AFTER DELETE ON priorities
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER action_teams_agenda_stamp_insert AFTER INSERT ON action_teams
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER action_teams_agenda_stamp_update AFTER UPDATE ON action_teams
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER action_teams_agenda_stamp_delete AFTER DELETE ON action_teams
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER actions_agenda_stamp_insert AFTER INSERT ON actions
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER actions_agenda_stamp_update AFTER UPDATE ON actions
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER actions_agenda_stamp_delete AFTER DELETE ON actions
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER memberships_agenda_stamp_insert AFTER INSERT ON memberships
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER memberships_agenda_stamp_update AFTER UPDATE ON memberships
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER memberships_agenda_stamp_delete AFTER DELETE ON memberships
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER organizations_agenda_stamp_insert AFTER INSERT ON organizations
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER organizations_agenda_stamp_update AFTER UPDATE ON organizations
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER organizations_agenda_stamp_delete AFTER DELETE ON organizations
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_partnership();--> statement-breakpoint
CREATE TRIGGER action_team_members_agenda_stamp_insert AFTER INSERT ON action_team_members
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_team();--> statement-breakpoint
CREATE TRIGGER action_team_members_agenda_stamp_update AFTER UPDATE ON action_team_members
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_team();--> statement-breakpoint
CREATE TRIGGER action_team_members_agenda_stamp_delete AFTER DELETE ON action_team_members
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_team();--> statement-breakpoint
CREATE TRIGGER action_updates_agenda_stamp_insert AFTER INSERT ON action_updates
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_action();--> statement-breakpoint
CREATE TRIGGER action_updates_agenda_stamp_update AFTER UPDATE ON action_updates
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_action();--> statement-breakpoint
CREATE TRIGGER action_updates_agenda_stamp_delete AFTER DELETE ON action_updates
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_action();--> statement-breakpoint
CREATE TRIGGER people_agenda_stamp_update AFTER UPDATE ON people
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION agenda_stamps_by_person();--> statement-breakpoint
-- The counts of the partnerships already there.
INSERT INTO agenda_stamps (partnership_id) SELECT id FROM partnerships;
