-- Billing per connected store (docs/retailer-guide.md "Billing", docs/operations.md "Billing").

-- Each store's billable state, append-only: a row whenever it changes (keys saved, a job switched on or off,
-- settings saved, the store removed), recorded by the billing meter from the change's event, and a correcting
-- row (reason RECONCILE) when the daily reconcile derives another state from the tables than the last row says.
-- A store without rows has never been billable. `state` keeps what the state was derived from, to explain it.
CREATE TABLE billing_store_states (
    id          bigserial PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    site_id     uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    changed_at  timestamptz NOT NULL,
    billable    boolean     NOT NULL,
    reason      varchar(30) NOT NULL CHECK (reason IN ('STORE_LINKED', 'KEYS_SAVED', 'JOB_SWITCHED_ON',
                                                        'JOB_SWITCHED_OFF', 'SETTINGS_SAVED', 'STORE_REMOVED',
                                                        'RECONCILE')),
    state       jsonb       NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX billing_store_states_site_idx ON billing_store_states (tenant_id, site_id, changed_at, id);
CREATE INDEX billing_store_states_billable_idx ON billing_store_states (tenant_id, changed_at) WHERE billable;

ALTER TABLE billing_store_states ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_store_states FORCE ROW LEVEL SECURITY;
CREATE POLICY billing_store_states_isolation ON billing_store_states
    USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
-- append-only for the application: a month's count can always be rebuilt from it
GRANT SELECT, INSERT ON billing_store_states TO ${approle};
GRANT USAGE ON SEQUENCE billing_store_states_id_seq TO ${approle};

-- The daily reconcile lists every tenant's id, in transactions the application marks as the billing meter only.
CREATE FUNCTION app_billing_meter() RETURNS boolean
    LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.billing_meter', true), '') = 'on' $$;
GRANT EXECUTE ON FUNCTION app_billing_meter() TO ${approle};
CREATE POLICY tenants_billing_meter ON tenants FOR SELECT USING (app_billing_meter());

-- The price per connected store per month, the trial and the grace period for failed payments, as our admins
-- set them: one row per change, never changed afterwards. A month is priced by the newest row effective at its
-- start, so a change reaches only later months.
CREATE TABLE billing_plans (
    id                bigserial PRIMARY KEY,
    effective_from    timestamptz  NOT NULL,
    currency          char(3)      NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    unit_amount       bigint       NOT NULL CHECK (unit_amount BETWEEN 0 AND 99999999),
    trial_days        integer      NOT NULL CHECK (trial_days BETWEEN 0 AND 365),
    grace_days        integer      NOT NULL CHECK (grace_days BETWEEN 0 AND 90),
    created_at        timestamptz  NOT NULL DEFAULT now(),
    created_by        varchar(255) NOT NULL,
    created_by_email  varchar(320)
);
CREATE INDEX billing_plans_effective_idx ON billing_plans (effective_from DESC, id DESC);

ALTER TABLE billing_plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE billing_plans FORCE ROW LEVEL SECURITY;
-- every tenant's usage is priced from it; only transactions opened for our (role-checked) staff add to it
CREATE POLICY billing_plans_read ON billing_plans FOR SELECT USING (true);
CREATE POLICY billing_plans_staff_add ON billing_plans FOR INSERT WITH CHECK (app_vendor_staff());
GRANT SELECT, INSERT ON billing_plans TO ${approle};
GRANT USAGE ON SEQUENCE billing_plans_id_seq TO ${approle};
