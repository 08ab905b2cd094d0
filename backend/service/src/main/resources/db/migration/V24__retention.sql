-- Retention: an hourly pass deletes history past its age (docs/operations.md, "Retention"), tenant by tenant and
-- in small batches. Every delete finds its rows through one of these indexes, never by scanning a table.

-- A run's items had no time of their own. Rows from before this version take the migration's time (PostgreSQL
-- stores the default once, without rewriting the table), so they go one retention period after the upgrade.
ALTER TABLE sync_run_items ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX sync_run_items_created_idx ON sync_run_items (tenant_id, created_at);

CREATE INDEX sync_runs_started_idx ON sync_runs (tenant_id, started_at);

-- Only finished tasks are ever deleted; the index holds nothing else. It replaces the one on finished_at alone,
-- which no query used and which cannot be narrowed to one tenant.
CREATE INDEX bridge_tasks_finished_tenant_idx ON bridge_tasks (tenant_id, finished_at) WHERE state IN ('DONE', 'FAILED');
DROP INDEX bridge_tasks_finished_idx;

-- Only consumed hints are ever deleted (an unconsumed one is work still to do).
CREATE INDEX webhook_hints_consumed_idx ON webhook_hints (tenant_id, received_at) WHERE consumed_at IS NOT NULL;

CREATE INDEX staff_audit_events_occurred_idx ON staff_audit_events (occurred_at);
-- bridge_nonces (tenant_id, seen_at) and audit_events (tenant_id, occurred_at DESC) already have theirs.

-- Row-level security is forced on the owner too, so the owner sees nothing without a tenant either. The pass runs
-- each tenant's deletes inside that tenant; these policies open, to the owner login only and only in
-- transactions marked as the retention pass, the list of tenant ids and the staff audit trail (which belongs to
-- no tenant). The application login gains nothing: the audit trails stay append-only for it.
CREATE FUNCTION app_retention() RETURNS boolean
    LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.retention', true), '') = 'on' $$;

CREATE POLICY tenants_retention ON tenants FOR SELECT TO CURRENT_USER USING (app_retention());
CREATE POLICY staff_audit_events_retention_read ON staff_audit_events FOR SELECT TO CURRENT_USER USING (app_retention());
CREATE POLICY staff_audit_events_retention ON staff_audit_events FOR DELETE TO CURRENT_USER USING (app_retention());
