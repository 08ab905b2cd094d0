-- The inventory job follows Counterpoint's stock changes (IM_INV / IM_INV_CELL): its watermark is the
-- item position plus the location and the cell. item_no is NULL for "before every row stamped at
-- changed_at", the position a full read leaves behind.
ALTER TABLE sync_watermarks
    ALTER COLUMN item_no DROP NOT NULL,
    ADD COLUMN location_id varchar(10),
    ADD COLUMN dim_1       varchar(15),
    ADD COLUMN dim_2       varchar(15),
    ADD COLUMN dim_3       varchar(15);

-- Items whose web quantity a store must recompute although Counterpoint's stock did not move (web
-- orders allocated or released them); the store's next inventory run reads them and clears them.
CREATE TABLE stock_rechecks (
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    site_id      uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    item_no      varchar(20) NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, item_no)
);

ALTER TABLE stock_rechecks ENABLE ROW LEVEL SECURITY;
ALTER TABLE stock_rechecks FORCE ROW LEVEL SECURITY;
CREATE POLICY stock_rechecks_isolation ON stock_rechecks USING (tenant_id = app_current_tenant())
    WITH CHECK (tenant_id = app_current_tenant());

GRANT SELECT, INSERT, UPDATE, DELETE ON stock_rechecks TO ${approle};

-- Per store, the WooCommerce product category each Counterpoint web category (EC_CATEG) became or
-- was matched to; products are put in those.
CREATE TABLE catalog_categories (
    tenant_id  uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    site_id    uuid        NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    categ_id   integer     NOT NULL,
    woo_id     bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, categ_id)
);

ALTER TABLE catalog_categories ENABLE ROW LEVEL SECURITY;
ALTER TABLE catalog_categories FORCE ROW LEVEL SECURITY;
CREATE POLICY catalog_categories_isolation ON catalog_categories USING (tenant_id = app_current_tenant())
    WITH CHECK (tenant_id = app_current_tenant());

GRANT SELECT, INSERT, UPDATE, DELETE ON catalog_categories TO ${approle};
