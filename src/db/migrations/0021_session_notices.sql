-- Server processes on PostgreSQL remember who a session cookie stands for, so that a signed-in
-- request does not ask the database first. They must forget it the moment the session ends or
-- the person behind it changes, whichever code or tool made the change: triggers announce the
-- user ids concerned on the channel shared_table_sessions (delivered on commit, and only then).
-- More than 100 users at once (an expiry sweep, an import) is announced as '' = forget everyone.
CREATE FUNCTION announce_session_users() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
  id text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT user_id::text) INTO ids FROM gone WHERE user_id IS NOT NULL;
  ELSE
    SELECT array_agg(DISTINCT user_id::text) INTO ids
      FROM (SELECT user_id FROM gone UNION ALL SELECT user_id FROM changed) both_sides
     WHERE user_id IS NOT NULL;
  END IF;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  IF cardinality(ids) > 100 THEN
    PERFORM pg_notify('shared_table_sessions', '');
  ELSE
    FOREACH id IN ARRAY ids LOOP
      PERFORM pg_notify('shared_table_sessions', id);
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- The same for users, whose own id is the user id (a changed name, e-mail, admin right).
CREATE FUNCTION announce_changed_users() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ids text[];
  id text;
BEGIN
  SELECT array_agg(DISTINCT gone.id::text) INTO ids FROM gone;
  IF ids IS NULL THEN
    RETURN NULL;
  END IF;
  IF cardinality(ids) > 100 THEN
    PERFORM pg_notify('shared_table_sessions', '');
  ELSE
    FOREACH id IN ARRAY ids LOOP
      PERFORM pg_notify('shared_table_sessions', id);
    END LOOP;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER sessions_announce_delete AFTER DELETE ON sessions
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION announce_session_users();--> statement-breakpoint
CREATE TRIGGER sessions_announce_update AFTER UPDATE ON sessions
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION announce_session_users();--> statement-breakpoint
CREATE TRIGGER users_announce_update AFTER UPDATE ON users
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION announce_changed_users();--> statement-breakpoint
CREATE TRIGGER users_announce_delete AFTER DELETE ON users
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION announce_changed_users();--> statement-breakpoint
-- A person row names the user it belongs to (the actor's person id). PostgreSQL allows no column
-- list beside transition tables, so every update of people announces its users.
CREATE TRIGGER people_announce_update AFTER UPDATE ON people
  REFERENCING OLD TABLE AS gone NEW TABLE AS changed FOR EACH STATEMENT
  EXECUTE FUNCTION announce_session_users();--> statement-breakpoint
CREATE TRIGGER people_announce_delete AFTER DELETE ON people
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT
  EXECUTE FUNCTION announce_session_users();
