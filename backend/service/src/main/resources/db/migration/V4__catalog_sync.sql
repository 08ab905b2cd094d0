-- Catalog sync: each store's catalog settings, the item <-> WooCommerce mapping with the values last
-- sent, and the watermarks that say how far each job has read Counterpoint's changes.

CREATE TABLE catalog_settings (
    site_id     uuid        PRIMARY KEY REFERENCES sites (id) ON DELETE CASCADE,
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    settings    jsonb       NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per item (cell '') and, for gridded items, one per grid cell ('DIM1|DIM2|DIM3').
CREATE TABLE catalog_links (
    tenant_id        uuid          NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    site_id          uuid          NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    item_no          varchar(20)   NOT NULL,
    cell             varchar(100)  NOT NULL DEFAULT '',
    sku              varchar(255)  NOT NULL,
    woo_id           bigint        NOT NULL,
    woo_parent_id    bigint,
    gridded          boolean       NOT NULL DEFAULT false,
    category_code    varchar(20),
    published        boolean       NOT NULL DEFAULT true,
    status_before_unpublish varchar(20),
    stock_managed    boolean       NOT NULL DEFAULT false,
    sent_qty         integer,
    sent_regular     numeric(14, 4),
    sent_sale        numeric(14, 4),
    sent_sale_from   timestamp,
    sent_sale_to     timestamp,
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, item_no, cell)
);
CREATE INDEX catalog_links_woo_idx ON catalog_links (site_id, woo_id);

-- Keyset position (RS_UTC_DT, ITEM_NO) of the last change the store accepted, per store and job.
CREATE TABLE sync_watermarks (
    tenant_id   uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    site_id     uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    job_type    varchar(20) NOT NULL,
    changed_at  timestamp   NOT NULL,
    item_no     varchar(20) NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, job_type)
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['catalog_settings', 'catalog_links', 'sync_watermarks'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (tenant_id = app_current_tenant()) '
                       'WITH CHECK (tenant_id = app_current_tenant())', t || '_isolation', t);
    END LOOP;
END $$;

GRANT SELECT, INSERT, UPDATE, DELETE ON catalog_settings, catalog_links, sync_watermarks TO ${approle};
