-- Items that track no stock in Counterpoint (IM_ITEM.ITEM_TYP other than 'I': non-inventory and service items,
-- e.g. admissions) are sold without WooCommerce stock management; their rows say so, and the inventory job and
-- web orders' allocations leave them alone. Rows made before this are taken to track stock until the products
-- job next reads their item (at the latest the nightly reconcile), which sets it from the item type.
ALTER TABLE catalog_links ADD COLUMN tracks_stock boolean NOT NULL DEFAULT true;

DROP INDEX catalog_links_stock_unsent_idx;
CREATE INDEX catalog_links_stock_unsent_idx ON catalog_links (site_id)
    WHERE tracks_stock AND (NOT stock_managed OR sent_qty IS NULL);
