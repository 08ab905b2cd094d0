-- Items a store's inventory or pricing run must read again although Counterpoint's change feed may
-- not name them: web orders allocated or released stock, or the products job created them with the
-- stock and prices it read (a change between that read and the create would otherwise be missed).
ALTER TABLE stock_rechecks RENAME TO catalog_rechecks;
ALTER POLICY stock_rechecks_isolation ON catalog_rechecks RENAME TO catalog_rechecks_isolation;
ALTER TABLE catalog_rechecks ADD COLUMN job_type varchar(20) NOT NULL DEFAULT 'INVENTORY'
    CHECK (job_type IN ('INVENTORY', 'PRICING'));
ALTER TABLE catalog_rechecks ALTER COLUMN job_type DROP DEFAULT;
ALTER TABLE catalog_rechecks DROP CONSTRAINT stock_rechecks_pkey;
ALTER TABLE catalog_rechecks ADD PRIMARY KEY (site_id, job_type, item_no);
