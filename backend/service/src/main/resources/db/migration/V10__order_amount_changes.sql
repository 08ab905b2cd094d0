-- What the order ledger needs to notice a WooCommerce order changing money after it was seen: the sum of its
-- refunds and a fingerprint of its amounts and lines (NULL for orders seen before this version: set on next sight).
ALTER TABLE web_orders ADD COLUMN refunded_total numeric(14, 2) NOT NULL DEFAULT 0;
ALTER TABLE web_orders ADD COLUMN amounts_hash varchar(64);
