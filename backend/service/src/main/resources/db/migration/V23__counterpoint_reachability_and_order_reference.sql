-- Counterpoint's database not answering the bridge is a state of its own, not a failure (docs/dashboard.md):
-- the bridge's heartbeat says since when; runs that need Counterpoint wait for it.
ALTER TABLE bridges ADD COLUMN counterpoint_unreachable_since timestamptz;

ALTER TABLE sync_runs ALTER COLUMN status TYPE varchar(30);
ALTER TABLE sync_runs DROP CONSTRAINT sync_runs_status_check;
ALTER TABLE sync_runs ADD CONSTRAINT sync_runs_status_check
    CHECK (status IN ('RUNNING', 'SUCCEEDED', 'PARTIAL', 'FAILED', 'WAITING_FOR_BRIDGE', 'WAITING_FOR_COUNTERPOINT'));

-- The reference written to Counterpoint (PS_DOC_HDR.REF: the store's reference prefix and the web order number), so
-- the order ledger finds an order by it (docs/orders.md). NULL for orders written before: their REF was the number.
ALTER TABLE web_orders ADD COLUMN cp_reference varchar(20);
CREATE INDEX web_orders_cp_reference ON web_orders (tenant_id, lower(cp_reference)) WHERE cp_reference IS NOT NULL;
