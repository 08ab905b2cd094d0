-- A run asked for while the same job of the same store is running (on any replica) is not dropped:
-- it is kept here and the running one starts it when it finishes. One row per store and job; a
-- fuller request (full resync, reconcile, then preview) replaces a lighter one (a change).
CREATE TABLE sync_follow_ups (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    site_id      uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    job_type     varchar(20) NOT NULL CHECK (job_type IN ('PRODUCTS', 'INVENTORY', 'PRICING', 'ORDERS')),
    run_trigger  varchar(20) NOT NULL CHECK (run_trigger IN ('CHANGE', 'FULL_RESYNC', 'RECONCILE', 'PREVIEW')),
    requested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, job_type)
);

ALTER TABLE sync_follow_ups ENABLE ROW LEVEL SECURITY;
ALTER TABLE sync_follow_ups FORCE ROW LEVEL SECURITY;
CREATE POLICY sync_follow_ups_isolation ON sync_follow_ups USING (tenant_id = app_current_tenant())
    WITH CHECK (tenant_id = app_current_tenant());
GRANT SELECT, INSERT, UPDATE, DELETE ON sync_follow_ups TO ${approle};
