-- Tenancy and audit, applied after the numbered migrations on every `linia migrate` / start.
-- It is idempotent and discovers tables by their columns, so a table a later migration adds
-- is covered without anyone remembering to: that is what "scoping in one place" means here.
--
-- * Role linia_app: every request runs `SET LOCAL ROLE linia_app` inside its transaction, so
--   row-level security applies even when Linia connects as a superuser (PGlite always does).
-- * Every table with a tenant_id column gets the policy tenant_isolation: rows of the tenant
--   named by the transaction setting linia.tenant_id, for reading and for writing.
-- * Every table with a client_id column (and `clients` itself) gets a restrictive read policy:
--   when linia.client_id is set (a client viewer), only that client's rows are visible.
-- * Every tenant table except the excluded ones gets the linia_audit trigger: each insert,
--   update and delete lands in audit_log with the actor from the transaction settings.

DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'linia_app') THEN
    CREATE ROLE linia_app NOLOGIN;
  END IF;
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT linia_app TO %I', current_user);
  END IF;
END $$;

-- Row security lets the planner use an index only for quals it knows cannot leak rows of other
-- tenants (LEAKPROOF functions). Full-text match (@@) and LIKE are not marked so, which turns every
-- search into a sequential scan of all tenants' rows. They only compare their arguments (no
-- errors or side effects that depend on a row), so mark them, where we may (superuser: PGlite
-- always, PostgreSQL when Linia's user is one). Otherwise searches still work, only slower.
DO $$ BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER FUNCTION ts_match_vq(tsvector, tsquery) LEAKPROOF;
    ALTER FUNCTION textlike(text, text) LEAKPROOF;
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO linia_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO linia_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO linia_app;
-- The journal of changes is append-only for the application.
REVOKE UPDATE, DELETE ON audit_log FROM linia_app;

CREATE OR REPLACE FUNCTION linia_setting(name text) RETURNS text LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting(name, true), '') $$;

CREATE OR REPLACE FUNCTION linia_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- secrets never reach the log; bookkeeping columns alone do not make a change worth logging
  -- `routing` is the engine's working copy of a contact in the ACD, rewritten at every step
  ignored text[] := ARRAY['password_hash', 'secret_hash', 'token_hash', 'signing_secret', 'routing', 'last_login_at', 'last_used_at', 'tenant_id', 'search'];
  b jsonb;
  a jsonb;
BEGIN
  -- Changes whose own journal is the record (the ACD writing its decisions: routing_decisions
  -- holds each one with its time, contact and agent) say so with linia.audit = off
  -- (db/tenancy.ts `unaudited`); copying each row twice more into audit_log doubled the ACD's
  -- hottest writes.
  IF linia_setting('linia.audit') = 'off' THEN RETURN NULL; END IF;
  IF TG_OP <> 'INSERT' THEN b := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN a := to_jsonb(NEW); END IF;
  IF TG_OP = 'UPDATE' AND (a - ignored) = (b - ignored) THEN RETURN NULL; END IF;
  INSERT INTO audit_log (tenant_id, actor_kind, actor_id, actor_name, request_id, action, entity, entity_id, before, after)
  VALUES (
    coalesce(a->>'tenant_id', b->>'tenant_id')::uuid,
    coalesce(linia_setting('linia.actor_kind'), 'system'),
    linia_setting('linia.actor_id')::uuid,
    linia_setting('linia.actor_name'),
    linia_setting('linia.request_id'),
    CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END,
    TG_ARGV[0],
    coalesce(a->>'id', b->>'id'),
    b - ignored,
    a - ignored
  );
  RETURN NULL;
END $$;

DO $$
DECLARE
  t record;
  -- attachment bytes: their description row is audited; copying megabytes into the log is not.
  -- webhook deliveries: a machine's log of its own attempts (it is the record already).
  -- routing decisions, agent states, KPI cells: the ACD's own append-only records, written on
  -- every routing event — auditing them would double every write of the hottest path.
  -- planning history: imported interval figures, tens of thousands of rows per import.
  -- quality rollups: derived sums of the (audited) evaluations, rebuilt from them at will.
  not_audited text[] := ARRAY['audit_log', 'sessions', 'idempotency_keys', 'contact_attachment_data', 'webhook_deliveries',
    'routing_decisions', 'agent_state_log', 'kpi_intervals', 'planning_history',
    'quality_rollup_state', 'quality_score_rollups', 'quality_criterion_rollups'];
BEGIN
  ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
  DROP POLICY IF EXISTS tenant_isolation ON tenants;
  CREATE POLICY tenant_isolation ON tenants TO linia_app
    USING (id = linia_setting('linia.tenant_id')::uuid) WITH CHECK (id = linia_setting('linia.tenant_id')::uuid);

  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND tb.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.table_name);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t.table_name);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I TO linia_app USING (tenant_id = linia_setting(''linia.tenant_id'')::uuid) '
      'WITH CHECK (tenant_id = linia_setting(''linia.tenant_id'')::uuid)', t.table_name);
    IF NOT t.table_name = ANY (not_audited) THEN
      EXECUTE format('DROP TRIGGER IF EXISTS linia_audit ON %I', t.table_name);
      EXECUTE format(
        'CREATE TRIGGER linia_audit AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION linia_audit(%L)',
        t.table_name, regexp_replace(t.table_name, 's$', ''));
    ELSE
      -- a table taken off the audit later loses its trigger too
      EXECUTE format('DROP TRIGGER IF EXISTS linia_audit ON %I', t.table_name);
    END IF;
  END LOOP;

  FOR t IN
    SELECT table_name, CASE WHEN table_name = 'clients' THEN 'id' ELSE 'client_id' END AS col
    FROM information_schema.columns
    WHERE table_schema = 'public' AND (column_name = 'client_id' OR (table_name = 'clients' AND column_name = 'id'))
      AND table_name <> 'users'
  LOOP
    EXECUTE format('DROP POLICY IF EXISTS client_scope ON %I', t.table_name);
    EXECUTE format(
      'CREATE POLICY client_scope ON %I AS RESTRICTIVE FOR SELECT TO linia_app '
      'USING (linia_setting(''linia.client_id'') IS NULL OR %I = linia_setting(''linia.client_id'')::uuid)',
      t.table_name, t.col);
  END LOOP;
END $$;
