-- OpsDesk on PostgreSQL: what the app's roles may do. Run it in the OpsDesk database as the
-- owner of its tables (or a superuser) after the tables exist, and again after every
-- schema upgrade (it is idempotent):   psql -d opsdesk -U opsdesk_owner -f grants.sql
--
-- Roles (made by the superuser, see README "Team server"):
--   opsdesk_app       everyone's everyday work: read everything; write tasks, comments, KPI
--                     values, plans …; sign in (the wrong-password counter). It cannot
--                     create, alter or drop tables; cannot UPDATE users.password_hash or
--                     users.is_manager, nor add a person who is a manager or has a password;
--                     cannot UPDATE or DELETE the change log (changes: INSERT and SELECT
--                     only; a logged row in change_rows cannot be changed once it is claimed).
--   opsdesk_managers  a member of opsdesk_app that may also set passwords and the manager
--                     flag: grant it to the logins of the people who manage the team.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'opsdesk_app') THEN
    CREATE ROLE opsdesk_app NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'opsdesk_managers') THEN
    CREATE ROLE opsdesk_managers NOLOGIN;
  END IF;
END $$;
GRANT opsdesk_app TO opsdesk_managers;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO opsdesk_app;

-- Start from nothing, then grant what the app uses.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM opsdesk_app, opsdesk_managers;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM opsdesk_app, opsdesk_managers;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO opsdesk_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO opsdesk_app;

-- The schema version: read only (only the owner migrates).
REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM opsdesk_app;

-- The change log is append-only.
REVOKE UPDATE, DELETE ON changes FROM opsdesk_app;

-- The row log (the before/after of each action's rows, written by triggers): new rows are
-- written with no change_id, then claimed by the action's log entry or, when it logged
-- nothing, deleted, in the same transaction. Once claimed a row cannot be changed.
REVOKE UPDATE, DELETE ON change_rows FROM opsdesk_app;
GRANT UPDATE (change_id), DELETE ON change_rows TO opsdesk_app;
ALTER TABLE change_rows ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS opsdesk_read ON change_rows;
DROP POLICY IF EXISTS opsdesk_add ON change_rows;
DROP POLICY IF EXISTS opsdesk_claim ON change_rows;
DROP POLICY IF EXISTS opsdesk_drop_unclaimed ON change_rows;
CREATE POLICY opsdesk_read ON change_rows FOR SELECT TO opsdesk_app USING (true);
CREATE POLICY opsdesk_add ON change_rows FOR INSERT TO opsdesk_app
    WITH CHECK (change_id IS NULL);
CREATE POLICY opsdesk_claim ON change_rows FOR UPDATE TO opsdesk_app
    USING (change_id IS NULL) WITH CHECK (true);
CREATE POLICY opsdesk_drop_unclaimed ON change_rows FOR DELETE TO opsdesk_app
    USING (change_id IS NULL);

-- People: every column but the password hash and the manager flag may be updated (names,
-- roles, active, the wrong-password counter and lock); only opsdesk_managers set those two,
-- and a person added by the plain app role is staff without a password.
REVOKE UPDATE ON users FROM opsdesk_app;
DO $$
DECLARE cols text;
BEGIN
  SELECT string_agg(quote_ident(column_name), ', ') INTO cols
    FROM information_schema.columns
   WHERE table_schema = 'public' AND table_name = 'users'
     AND column_name NOT IN ('password_hash', 'is_manager');
  EXECUTE 'GRANT UPDATE (' || cols || ') ON users TO opsdesk_app';
END $$;
GRANT UPDATE (password_hash, is_manager) ON users TO opsdesk_managers;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS opsdesk_read ON users;
DROP POLICY IF EXISTS opsdesk_edit ON users;
DROP POLICY IF EXISTS opsdesk_remove ON users;
DROP POLICY IF EXISTS opsdesk_add_staff ON users;
DROP POLICY IF EXISTS opsdesk_managers_add ON users;
CREATE POLICY opsdesk_read ON users FOR SELECT TO opsdesk_app USING (true);
CREATE POLICY opsdesk_edit ON users FOR UPDATE TO opsdesk_app USING (true) WITH CHECK (true);
CREATE POLICY opsdesk_remove ON users FOR DELETE TO opsdesk_app USING (true);
CREATE POLICY opsdesk_add_staff ON users FOR INSERT TO opsdesk_app
    WITH CHECK (NOT is_manager AND password_hash IS NULL);
CREATE POLICY opsdesk_managers_add ON users FOR INSERT TO opsdesk_managers WITH CHECK (true);
