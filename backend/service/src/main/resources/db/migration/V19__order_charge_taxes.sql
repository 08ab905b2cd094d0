-- The parts of an order's shipping and fees WooCommerce charged tax on (its lines with a non-zero total_tax), so the
-- Counterpoint document's taxable base is the one the tax was levied on. NULL for orders taken in before this
-- version: the orders job reads such an order again from WooCommerce before writing it.
ALTER TABLE web_orders ADD COLUMN taxable_shipping numeric(14, 2);
ALTER TABLE web_orders ADD COLUMN taxable_fees numeric(14, 2);
