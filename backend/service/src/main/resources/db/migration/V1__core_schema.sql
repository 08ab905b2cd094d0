-- Core multi-tenant schema. Every tenant-owned table carries tenant_id and is guarded by a
-- row-level-security policy that applies to the application role (FORCE: owners too).
-- The application connects as ${approle}: not the owner, not a superuser, no BYPASSRLS.

CREATE FUNCTION app_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION app_current_subject() RETURNS text
    LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.subject', true), '') $$;

CREATE TABLE tenants (
    id          uuid PRIMARY KEY,
    name        varchar(120) NOT NULL,
    slug        varchar(140) NOT NULL,
    status      varchar(20)  NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED', 'CLOSED')),
    created_at  timestamptz  NOT NULL DEFAULT now(),
    created_by  varchar(255) NOT NULL
);
CREATE UNIQUE INDEX tenants_slug_uq ON tenants (slug);

CREATE TABLE members (
    id            uuid PRIMARY KEY,
    tenant_id     uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    subject       varchar(255) NOT NULL,
    email         varchar(320),
    display_name  varchar(255),
    role          varchar(20)  NOT NULL CHECK (role IN ('OWNER', 'MEMBER')),
    joined_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, subject)
);
CREATE INDEX members_subject_idx ON members (subject);

CREATE TABLE sites (
    id                   uuid PRIMARY KEY,
    tenant_id            uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name                 varchar(120)  NOT NULL,
    base_url             varchar(2048) NOT NULL,
    status               varchar(20)   NOT NULL DEFAULT 'PENDING'
                         CHECK (status IN ('PENDING', 'ACTIVE', 'PAUSED', 'DISCONNECTED', 'REMOVED')),
    status_reason        text,
    consumer_key_enc     bytea,
    consumer_secret_enc  bytea,
    webhook_secret_enc   bytea,
    settings             jsonb         NOT NULL DEFAULT '{}'::jsonb,
    created_at           timestamptz   NOT NULL DEFAULT now(),
    updated_at           timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX sites_tenant_idx ON sites (tenant_id);
CREATE UNIQUE INDEX sites_tenant_url_uq ON sites (tenant_id, base_url) WHERE status <> 'REMOVED';

CREATE TABLE bridges (
    id            uuid PRIMARY KEY,
    tenant_id     uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name          varchar(120) NOT NULL,
    status        varchar(20)  NOT NULL DEFAULT 'ENROLLED' CHECK (status IN ('ENROLLED', 'REVOKED')),
    public_key    text         NOT NULL,
    version       varchar(40),
    last_seen_at  timestamptz,
    latency_ms    integer,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    revoked_at    timestamptz
);
CREATE INDEX bridges_tenant_idx ON bridges (tenant_id);

CREATE TABLE job_settings (
    tenant_id         uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    site_id           uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    job_type          varchar(20) NOT NULL CHECK (job_type IN ('PRODUCTS', 'INVENTORY', 'PRICING', 'ORDERS')),
    enabled           boolean     NOT NULL DEFAULT true,
    interval_seconds  integer     NOT NULL CHECK (interval_seconds BETWEEN 10 AND 86400),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, job_type)
);

CREATE TABLE sync_runs (
    id               uuid PRIMARY KEY,
    tenant_id        uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    site_id          uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    job_type         varchar(20) NOT NULL,
    run_trigger      varchar(20) NOT NULL CHECK (run_trigger IN ('SCHEDULE', 'CHANGE', 'MANUAL', 'FULL_RESYNC', 'RECONCILE', 'PREVIEW')),
    status           varchar(20) NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'WAITING_FOR_BRIDGE')),
    status_reason    text,
    started_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    items_read       integer     NOT NULL DEFAULT 0,
    items_created    integer     NOT NULL DEFAULT 0,
    items_updated    integer     NOT NULL DEFAULT 0,
    items_unchanged  integer     NOT NULL DEFAULT 0,
    items_failed     integer     NOT NULL DEFAULT 0
);
CREATE INDEX sync_runs_site_job_idx ON sync_runs (site_id, job_type, started_at DESC);

CREATE TABLE sync_run_items (
    id          bigserial PRIMARY KEY,
    tenant_id   uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    run_id      uuid         NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
    item_key    varchar(255) NOT NULL,
    outcome     varchar(20)  NOT NULL CHECK (outcome IN ('CREATED', 'UPDATED', 'UNCHANGED', 'ADOPTED', 'FAILED', 'SKIPPED')),
    error_code  varchar(60),
    reason      text,
    action_hint text
);
CREATE INDEX sync_run_items_run_idx ON sync_run_items (run_id);

CREATE TABLE audit_events (
    id               bigserial PRIMARY KEY,
    tenant_id        uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    occurred_at      timestamptz  NOT NULL DEFAULT now(),
    actor_subject    varchar(255) NOT NULL,
    actor_email      varchar(320),
    -- set when our support staff act as the tenant: the tenant-side identity they act for
    on_behalf_of     varchar(255),
    action           varchar(80)  NOT NULL,
    target_type      varchar(40),
    target_id        varchar(255),
    detail           jsonb        NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_tenant_idx ON audit_events (tenant_id, occurred_at DESC);

-- Row-level security -------------------------------------------------------------------------

ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
-- A person sees the tenants they belong to (to choose one), and works inside the one set.
CREATE POLICY tenants_isolation ON tenants
    USING (id = app_current_tenant()
           OR id IN (SELECT m.tenant_id FROM members m WHERE m.subject = app_current_subject()))
    WITH CHECK (id = app_current_tenant());

ALTER TABLE members ENABLE ROW LEVEL SECURITY;
ALTER TABLE members FORCE ROW LEVEL SECURITY;
CREATE POLICY members_isolation ON members
    USING (tenant_id = app_current_tenant() OR subject = app_current_subject())
    WITH CHECK (tenant_id = app_current_tenant());

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['sites', 'bridges', 'job_settings', 'sync_runs', 'sync_run_items', 'audit_events'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = app_current_tenant()) '
                       'WITH CHECK (tenant_id = app_current_tenant())', t || '_isolation', t);
    END LOOP;
END $$;

-- Privileges of the application role ----------------------------------------------------------

GRANT USAGE ON SCHEMA public TO ${approle};
GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, members, sites, bridges, job_settings,
      sync_runs, sync_run_items TO ${approle};
-- the audit log is append-only for the application
GRANT SELECT, INSERT ON audit_events TO ${approle};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${approle};
GRANT EXECUTE ON FUNCTION app_current_tenant(), app_current_subject() TO ${approle};
