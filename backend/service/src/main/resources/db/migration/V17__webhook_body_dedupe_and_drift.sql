-- WooCommerce forms X-WC-Webhook-Delivery-ID as wp_hash(webhook id . current second): every delivery of one
-- webhook within a second shares it, so it cannot tell deliveries apart. The topic header is not signed, so
-- it cannot either. A delivery is now known by what the signature covers: the SHA-256 of its raw body, per
-- store. Rows from before keep NULL and stay out of the index.
ALTER TABLE webhook_hints ADD COLUMN body_sha256 bytea;
CREATE UNIQUE INDEX webhook_hints_body_uq ON webhook_hints (site_id, body_sha256) WHERE body_sha256 IS NOT NULL;
DROP INDEX webhook_hints_delivery_uq;
DROP INDEX webhook_hints_version_uq;

-- What WooCommerce showed instead of the stock or prices last sent (a change by hand there), while the
-- row's sent value is unknown (NULL) and not put back yet: the job that puts it back says why, whichever
-- catalog job saw the drift.
ALTER TABLE catalog_links ADD COLUMN stock_drift text;
ALTER TABLE catalog_links ADD COLUMN price_drift text;
