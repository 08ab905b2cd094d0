-- Store linking (WooCommerce app authorization) and webhooks.

-- The single-use state of a pending wc-auth flow: only a hash of its random part is kept.
ALTER TABLE sites
    ADD COLUMN link_state_hash        bytea,
    ADD COLUMN link_state_expires_at  timestamptz,
    ADD COLUMN key_permissions        varchar(20),
    ADD COLUMN linked_at              timestamptz;

-- The webhooks we registered on each store, to re-activate or re-create what WooCommerce disabled.
CREATE TABLE site_webhooks (
    id              uuid PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    site_id         uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    topic           varchar(40) NOT NULL,
    woo_webhook_id  bigint      NOT NULL,
    status          varchar(20) NOT NULL,
    checked_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (site_id, topic)
);
CREATE INDEX site_webhooks_tenant_idx ON site_webhooks (tenant_id);

-- Verified deliveries, kept as hints for the sync jobs ("resource X changed"); polling stays the backstop.
CREATE TABLE webhook_hints (
    id                 bigserial PRIMARY KEY,
    tenant_id          uuid         NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    site_id            uuid         NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    delivery_id        varchar(100),
    topic              varchar(60)  NOT NULL,
    resource_id        bigint       NOT NULL,
    -- date_modified_gmt as WooCommerce sent it, when the payload had one
    resource_modified  varchar(40),
    received_at        timestamptz  NOT NULL DEFAULT now(),
    consumed_at        timestamptz
);
CREATE UNIQUE INDEX webhook_hints_delivery_uq ON webhook_hints (site_id, delivery_id) WHERE delivery_id IS NOT NULL;
CREATE UNIQUE INDEX webhook_hints_version_uq ON webhook_hints (site_id, topic, resource_id, resource_modified)
    WHERE resource_modified IS NOT NULL;
CREATE INDEX webhook_hints_pending_idx ON webhook_hints (site_id, received_at) WHERE consumed_at IS NULL;
CREATE INDEX webhook_hints_tenant_idx ON webhook_hints (tenant_id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['site_webhooks', 'webhook_hints'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = app_current_tenant()) '
                       'WITH CHECK (tenant_id = app_current_tenant())', t || '_isolation', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON site_webhooks, webhook_hints TO ${approle};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${approle};
