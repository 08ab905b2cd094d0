-- The bridge channel: one-time enrollment tokens, replay protection for signed requests, and the
-- task queue any backend replica can serve. All tenant-owned, all under forced row-level security.

-- The bridge process currently polling: a restarted process takes over, and the server-side long
-- polls of a process that died (they run on until they time out) stop handing out tasks.
ALTER TABLE bridges ADD COLUMN session_id uuid;

CREATE TABLE bridge_enrollment_tokens (
    id           uuid PRIMARY KEY,
    tenant_id    uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    -- SHA-256 of the token's secret; the secret itself is shown once and never stored
    secret_hash  varchar(64)  NOT NULL,
    created_by   varchar(255) NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    expires_at   timestamptz  NOT NULL,
    used_at      timestamptz,
    bridge_id    uuid REFERENCES bridges (id) ON DELETE SET NULL
);
CREATE UNIQUE INDEX bridge_enrollment_tokens_hash_uq ON bridge_enrollment_tokens (tenant_id, secret_hash);

CREATE TABLE bridge_nonces (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    bridge_id  uuid        NOT NULL REFERENCES bridges (id) ON DELETE CASCADE,
    nonce      varchar(64) NOT NULL,
    seen_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (bridge_id, nonce)
);
CREATE INDEX bridge_nonces_seen_idx ON bridge_nonces (tenant_id, seen_at);

CREATE TABLE bridge_tasks (
    id                uuid PRIMARY KEY,
    tenant_id         uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    operation         varchar(40)  NOT NULL,
    params            jsonb        NOT NULL,
    state             varchar(10)  NOT NULL DEFAULT 'QUEUED' CHECK (state IN ('QUEUED', 'LEASED', 'DONE', 'FAILED')),
    reason_code       varchar(40),
    reason            text,
    result            jsonb,
    attempts          integer      NOT NULL DEFAULT 0,
    leased_by         uuid,
    lease_expires_at  timestamptz,
    created_at        timestamptz  NOT NULL DEFAULT clock_timestamp(),
    -- after this nobody waits for the answer any more: the task is not handed out
    deadline_at       timestamptz  NOT NULL,
    finished_at       timestamptz
);
CREATE INDEX bridge_tasks_open_idx ON bridge_tasks (tenant_id, created_at) WHERE state IN ('QUEUED', 'LEASED');
CREATE INDEX bridge_tasks_finished_idx ON bridge_tasks (finished_at) WHERE finished_at IS NOT NULL;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['bridge_enrollment_tokens', 'bridge_nonces', 'bridge_tasks'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = app_current_tenant()) '
                       'WITH CHECK (tenant_id = app_current_tenant())', t || '_isolation', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON bridge_enrollment_tokens, bridge_nonces, bridge_tasks TO ${approle};
