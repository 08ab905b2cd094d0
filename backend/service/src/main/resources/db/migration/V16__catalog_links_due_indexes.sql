-- An incremental inventory or pricing run asks for the store's rows still to send and for the rows of the
-- products WooCommerce hinted at: these indexes answer with the rows asked for instead of a scan of the
-- store's whole catalog (rows created with their stock and prices never enter the partial ones).
CREATE INDEX catalog_links_stock_unsent_idx ON catalog_links (site_id) WHERE NOT stock_managed OR sent_qty IS NULL;
CREATE INDEX catalog_links_prices_unsent_idx ON catalog_links (site_id) WHERE sent_regular IS NULL;
CREATE INDEX catalog_links_parent_idx ON catalog_links (site_id, woo_parent_id) WHERE woo_parent_id IS NOT NULL;
