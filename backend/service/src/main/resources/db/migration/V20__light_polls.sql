-- Light polls: a cheap, frequent look at a store between its job's runs (the orders light poll of stores that
-- share stock with another store). One row per store and job: when it is next due, its current interval (longer
-- while the store is idle or failing), what it has seen, and the lease of the replica polling it right now, so
-- several replicas never poll one store at once and none holds a connection between polls.
CREATE TABLE light_polls (
    site_id       uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    job_type      varchar(20) NOT NULL CHECK (job_type IN ('PRODUCTS', 'INVENTORY', 'PRICING', 'ORDERS')),
    tenant_id     uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    next_poll_at  timestamptz NOT NULL DEFAULT now(),
    interval_ms   integer     NOT NULL CHECK (interval_ms > 0),
    seen_until    timestamptz,
    failures      integer     NOT NULL DEFAULT 0,
    last_error    text,
    polled_at     timestamptz,
    leased_by     varchar(64),
    leased_until  timestamptz,
    PRIMARY KEY (site_id, job_type)
);
CREATE INDEX light_polls_due_idx ON light_polls (next_poll_at);
CREATE INDEX light_polls_tenant_idx ON light_polls (tenant_id);

ALTER TABLE light_polls ENABLE ROW LEVEL SECURITY;
ALTER TABLE light_polls FORCE ROW LEVEL SECURITY;
CREATE POLICY light_polls_isolation ON light_polls USING (tenant_id = app_current_tenant())
    WITH CHECK (tenant_id = app_current_tenant());

-- The poller finds the due rows of every tenant in one query: open only in transactions the application marks
-- as the light poller, and only this table (it holds no more than store ids and timings).
CREATE FUNCTION app_light_poller() RETURNS boolean
    LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.light_poller', true), '') = 'on' $$;
GRANT EXECUTE ON FUNCTION app_light_poller() TO ${approle};
CREATE POLICY light_polls_poller ON light_polls USING (app_light_poller()) WITH CHECK (app_light_poller());

GRANT SELECT, INSERT, UPDATE, DELETE ON light_polls TO ${approle};
