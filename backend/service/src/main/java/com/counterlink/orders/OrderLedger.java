package com.counterlink.orders;

import com.counterlink.platform.db.TxSql;
import com.counterlink.orders.OrderViews.CustomerIdentity;
import com.counterlink.orders.OrderViews.ItemAllocation;
import com.counterlink.orders.OrderViews.OrderDetail;
import com.counterlink.orders.OrderViews.OrderLine;
import com.counterlink.orders.OrderViews.OrderSummary;
import com.counterlink.orders.OrderViews.Transition;
import com.counterlink.sync.ItemOutcome;
import com.counterlink.sync.catalog.CatalogLinks;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The order ledger, customer identities and allocations in PostgreSQL. Every method runs inside the
 * caller's tenant transaction; every state change records its transition with a reason.
 */
@Singleton
public class OrderLedger implements AllocationLedger {

    static final String SUMMARY_COLUMNS = "id, site_id, woo_order_id, woo_number, woo_status, state, reason, flag, total,"
            + " customer_email, cust_no, cp_doc_id, cp_ticket_no, cp_reference, received_at, updated_at";

    private final TxSql sql;
    private final CatalogLinks catalog;

    OrderLedger(TxSql sql, CatalogLinks catalog) {
        this.sql = sql;
        this.catalog = catalog;
    }

    /** The order key recorded in Counterpoint with the document: one per store and WooCommerce order. */
    static String orderKey(UUID siteId, long wooOrderId) {
        return "woo:" + siteId + ":" + wooOrderId;
    }

    /**
     * An order in the ledger, as the writer needs it. {@code taxableShipping} and {@code taxableFees} are the parts
     * WooCommerce charged tax on; null for orders taken in before the ledger kept them ({@link #chargeTaxesKnown()}).
     */
    record Stored(UUID id, UUID tenantId, UUID siteId, long wooOrderId, String wooNumber, String wooStatus,
                  OrderState state, String orderKey, BigDecimal total, BigDecimal totalTax, BigDecimal shippingTotal,
                  BigDecimal feeTotal, BigDecimal taxableShipping, BigDecimal taxableFees, String paymentMethod,
                  String email, long wooCustomerId, String billingJson, String custNo, List<OrderLine> lines) {

        boolean chargeTaxesKnown() {
            return taxableShipping != null && taxableFees != null;
        }
    }

    // ---- intake ----------------------------------------------------------------------------------

    /** Upserts one WooCommerce order (deduplicated by store and order id) and moves it on. */
    ItemOutcome ingest(UUID tenantId, UUID siteId, WooOrder order, OrderSettings settings, String source) {
        Optional<Stored> existing = find(siteId, order.id(), true);
        if (existing.isEmpty()) {
            UUID id = UUID.randomUUID();
            int inserted = sql.update("INSERT INTO web_orders (id, tenant_id, site_id, woo_order_id, woo_number, woo_status,"
                            + " woo_modified, state, reason, currency, total, total_tax, shipping_total, fee_total, taxable_shipping,"
                            + " taxable_fees, discount_total, payment_method, customer_email, woo_customer_id, billing, order_key,"
                            + " document_type, refunded_total, amounts_hash) VALUES (?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    id, tenantId, siteId, order.id(), order.number(), order.status(), order.modifiedGmt(),
                    "seen by " + source, order.currency(), order.total(), order.totalTax(), order.shippingTotal(),
                    order.feeTotal(), order.taxableShipping(), order.taxableFees(), order.discountTotal(),
                    order.paymentMethod(), order.email(), order.customerId(), order.billing().toString(),
                    orderKey(siteId, order.id()), settings.documentType(), order.refunded(), order.amountsHash());
            if (inserted == 0) {
                return ingest(tenantId, siteId, order, settings, source);
            }
            sql.update("INSERT INTO web_order_transitions (tenant_id, order_id, from_state, to_state, reason) VALUES (?, ?, NULL,"
                    + " 'RECEIVED', ?)", tenantId, id, "WooCommerce order " + order.number() + " (" + order.status()
                    + ") seen by " + source);
            insertLines(tenantId, id, order.lines());
            if (order.cancelled()) {
                transition(tenantId, id, OrderState.RECEIVED, OrderState.CANCELLED,
                        "already " + order.status() + " in WooCommerce when first seen; nothing allocated");
                return ItemOutcome.CREATED;
            }
            allocate(tenantId, siteId, id, order.lines());
            List<String> unmapped = order.lines().stream().filter(l -> l.itemNo() == null)
                    .map(l -> "line " + l.lineNo() + " (" + l.name() + ")").toList();
            if (!unmapped.isEmpty()) {
                transition(tenantId, id, OrderState.RECEIVED, OrderState.NEEDS_ATTENTION, String.join(", ", unmapped)
                        + " has no SKU: give the product its Counterpoint item number as SKU, then enter this line in"
                        + " Counterpoint by hand and resolve the order");
                return ItemOutcome.CREATED;
            }
            transition(tenantId, id, OrderState.RECEIVED, OrderState.ALLOCATED, "allocated " + order.lines().size()
                    + " line(s) against every store on this Counterpoint");
            if (order.status().equals(settings.sendStatus())) {
                transition(tenantId, id, OrderState.ALLOCATED, OrderState.READY, "WooCommerce status is " + order.status());
            }
            return ItemOutcome.CREATED;
        }
        Stored stored = existing.get();
        Money before = sql.queryOne("SELECT refunded_total, amounts_hash FROM web_orders WHERE id = ?",
                row -> new Money(row.getBigDecimal(1), row.getString(2)), stored.id()).orElseThrow();
        boolean statusChanged = !order.status().equals(stored.wooStatus());
        boolean refundedChanged = order.refunded().compareTo(before.refunded()) != 0;
        // orders seen before fingerprints existed get theirs now, without acting on it
        boolean amountsChanged = before.hash() != null && !before.hash().equals(order.amountsHash());
        boolean changed = statusChanged || refundedChanged || amountsChanged;
        sql.update("UPDATE web_orders SET woo_status = ?, woo_modified = ?, refunded_total = ?, amounts_hash = ?,"
                + " updated_at = CASE WHEN ? THEN now() ELSE updated_at END WHERE id = ?", order.status(), order.modifiedGmt(),
                order.refunded(), order.amountsHash(), changed, stored.id());
        if (!changed) {
            return ItemOutcome.UNCHANGED;
        }
        OrderState state = stored.state();
        if (order.cancelled()) {
            if (state.beforeWriting()) {
                release(stored.id(), order.status() + " in WooCommerce before it was written");
                transition(tenantId, stored.id(), state, OrderState.CANCELLED, order.status()
                        + " in WooCommerce before it was written to Counterpoint; allocation released");
            } else if (state != OrderState.CANCELLED) {
                flag(stored, "Order " + stored.wooNumber() + " was " + order.status() + " in WooCommerce after it was written"
                        + " to Counterpoint: void the ticket there if it is not posted, else make a return ticket (see"
                        + " docs/orders.md), then resolve the order");
            }
            return ItemOutcome.UPDATED;
        }
        if (refundedChanged && order.refunded().signum() > 0) {
            if (state.beforeWriting()) {
                if (state != OrderState.NEEDS_ATTENTION) {
                    transition(tenantId, stored.id(), state, OrderState.NEEDS_ATTENTION, "partly refunded in WooCommerce ("
                            + order.refunded() + " of " + order.total() + ") before it was written: enter what was sold in"
                            + " Counterpoint by hand, then resolve the order (which releases its allocation)");
                }
            } else if (state != OrderState.CANCELLED) {
                flag(stored, "Order " + stored.wooNumber() + " was partly refunded in WooCommerce (" + order.refunded()
                        + " of " + order.total() + ") after it was written to Counterpoint: make a return ticket for the"
                        + " refunded items or amount there (see docs/orders.md), then resolve the order");
            }
            return ItemOutcome.UPDATED;
        }
        if (amountsChanged) {
            if (state.beforeWriting()) {
                retake(tenantId, siteId, stored.id(), order);
                sql.update("INSERT INTO web_order_transitions (tenant_id, order_id, from_state, to_state, reason)"
                        + " VALUES (?, ?, ?, ?, ?)", tenantId, stored.id(), state.name(), state.name(),
                        "edited in WooCommerce before it was written: lines, amounts and allocation taken again (total "
                                + order.total() + ")");
            } else if (state != OrderState.CANCELLED) {
                flag(stored, "Order " + stored.wooNumber() + " was edited in WooCommerce after it was written to Counterpoint"
                        + " (its total is now " + order.total() + "; Counterpoint has " + stored.total() + "): change or void"
                        + " the document there to match (see docs/orders.md), then resolve the order");
            }
        }
        if (state == OrderState.ALLOCATED && order.status().equals(settings.sendStatus())) {
            transition(tenantId, stored.id(), state, OrderState.READY, "WooCommerce status is now " + order.status());
        } else if (state == OrderState.READY && !order.status().equals(settings.sendStatus())) {
            transition(tenantId, stored.id(), state, OrderState.ALLOCATED, "WooCommerce status went back to "
                    + order.status() + "; waiting for " + settings.sendStatus());
        }
        return ItemOutcome.UPDATED;
    }

    private record Money(BigDecimal refunded, String hash) {
    }

    private void flag(Stored order, String flag) {
        sql.update("UPDATE web_orders SET flag = ? WHERE id = ?", flag, order.id());
    }

    private void insertLines(UUID tenantId, UUID orderId, List<WooOrder.Line> lines) {
        for (WooOrder.Line line : lines) {
            sql.update("INSERT INTO web_order_lines (tenant_id, order_id, line_no, woo_line_id, name, sku, item_no, cell,"
                            + " qty, subtotal, discount, total, tax) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    tenantId, orderId, line.lineNo(), line.wooLineId(), line.name(), line.sku(), line.itemNo(), line.cell(),
                    line.qty(), line.subtotal(), line.discount(), line.total(), line.tax());
        }
    }

    /** An order edited before it was written: its amounts, lines and allocation become the new ones. */
    private void retake(UUID tenantId, UUID siteId, UUID orderId, WooOrder order) {
        sql.update("UPDATE web_orders SET total = ?, total_tax = ?, shipping_total = ?, fee_total = ?, taxable_shipping = ?,"
                        + " taxable_fees = ?, discount_total = ? WHERE id = ?", order.total(), order.totalTax(),
                order.shippingTotal(), order.feeTotal(), order.taxableShipping(), order.taxableFees(), order.discountTotal(),
                orderId);
        sql.update("DELETE FROM web_order_lines WHERE order_id = ?", orderId);
        insertLines(tenantId, orderId, order.lines());
        boolean open = sql.queryOne("SELECT COUNT(*) FROM allocations WHERE order_id = ? AND released_at IS NULL",
                row -> row.getLong(1), orderId).orElse(0L) > 0;
        if (open) {
            sql.update("DELETE FROM allocations WHERE order_id = ? AND released_at IS NULL", orderId);
            allocate(tenantId, siteId, orderId, order.lines());
        }
    }

    /** Holds the lines' quantities, except of items the store sells without stock (Counterpoint tracks none of them). */
    private void allocate(UUID tenantId, UUID siteId, UUID orderId, List<WooOrder.Line> lines) {
        Set<String> withoutStock = catalog.withoutStock(siteId, lines.stream().map(WooOrder.Line::itemNo)
                .filter(java.util.Objects::nonNull).distinct().toList());
        Map<String, BigDecimal> byCell = new LinkedHashMap<>();
        for (WooOrder.Line line : lines) {
            if (line.itemNo() != null && !withoutStock.contains(line.itemNo())) {
                byCell.merge(line.itemNo() + "\u0000" + line.cell(), line.qty(), BigDecimal::add);
            }
        }
        byCell.forEach((key, qty) -> {
            String[] parts = key.split("\u0000");
            sql.update("INSERT INTO allocations (tenant_id, order_id, item_no, cell, qty) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING", tenantId, orderId, parts[0], parts[1], qty);
        });
    }

    void release(UUID orderId, String reason) {
        sql.update("UPDATE allocations SET released_at = now(), release_reason = ? WHERE order_id = ? AND released_at IS NULL",
                reason, orderId);
    }

    void transition(UUID tenantId, UUID orderId, OrderState from, OrderState to, String reason) {
        sql.update("UPDATE web_orders SET state = ?, reason = ?, updated_at = now() WHERE id = ?", to.name(), reason, orderId);
        sql.update("INSERT INTO web_order_transitions (tenant_id, order_id, from_state, to_state, reason) VALUES (?, ?, ?, ?, ?)",
                tenantId, orderId, from == null ? null : from.name(), to.name(), reason);
    }

    /** Moves the order only if it is still in {@code from} (answers false when someone else moved it). */
    boolean transitionIf(UUID tenantId, UUID orderId, OrderState from, OrderState to, String reason) {
        int moved = sql.update("UPDATE web_orders SET state = ?, reason = ?, updated_at = now() WHERE id = ? AND state = ?",
                to.name(), reason, orderId, from.name());
        if (moved == 1) {
            sql.update("INSERT INTO web_order_transitions (tenant_id, order_id, from_state, to_state, reason)"
                    + " VALUES (?, ?, ?, ?, ?)", tenantId, orderId, from.name(), to.name(), reason);
        }
        return moved == 1;
    }

    // ---- writing and posting ---------------------------------------------------------------------

    List<UUID> inState(UUID siteId, OrderState state, int limit) {
        return sql.query("SELECT id FROM web_orders WHERE site_id = ? AND state = ? ORDER BY received_at LIMIT ?",
                row -> row.getObject(1, UUID.class), siteId, state.name(), limit);
    }

    Optional<Stored> find(UUID siteId, long wooOrderId, boolean lock) {
        return sql.queryOne("SELECT id FROM web_orders WHERE site_id = ? AND woo_order_id = ?" + (lock ? " FOR UPDATE" : ""),
                row -> row.getObject(1, UUID.class), siteId, wooOrderId).flatMap(this::load);
    }

    Optional<Stored> load(UUID id) {
        return sql.queryOne("SELECT id, tenant_id, site_id, woo_order_id, woo_number, woo_status, state, order_key, total,"
                        + " total_tax, shipping_total, fee_total, taxable_shipping, taxable_fees, payment_method, customer_email,"
                        + " woo_customer_id, billing::text, cust_no FROM web_orders WHERE id = ?",
                row -> new Stored(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                        row.getLong(4), row.getString(5), row.getString(6), OrderState.valueOf(row.getString(7)),
                        row.getString(8), row.getBigDecimal(9), row.getBigDecimal(10), row.getBigDecimal(11),
                        row.getBigDecimal(12), row.getBigDecimal(13), row.getBigDecimal(14), row.getString(15),
                        row.getString(16), row.getLong(17), row.getString(18), row.getString(19), lines(id)), id);
    }

    /**
     * Keeps what WooCommerce charged tax on for an order taken in before the ledger kept it, if its amounts are still
     * the ones it was taken in with (an edit retakes them all).
     */
    void keepChargeTaxes(UUID orderId, WooOrder order) {
        sql.update("UPDATE web_orders SET taxable_shipping = COALESCE(taxable_shipping, ?), taxable_fees = COALESCE(taxable_fees,"
                + " ?) WHERE id = ? AND amounts_hash = ?", order.taxableShipping(), order.taxableFees(), orderId,
                order.amountsHash());
    }

    List<OrderLine> lines(UUID orderId) {
        return sql.query("SELECT line_no, name, sku, item_no, cell, qty, subtotal, discount, total, tax FROM web_order_lines"
                        + " WHERE order_id = ? ORDER BY line_no",
                row -> new OrderLine(row.getInt(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getBigDecimal(6), row.getBigDecimal(7), row.getBigDecimal(8), row.getBigDecimal(9),
                        row.getBigDecimal(10)), orderId);
    }

    void setCustomer(UUID orderId, String custNo) {
        sql.update("UPDATE web_orders SET cust_no = ? WHERE id = ?", custNo, orderId);
    }

    /**
     * The order is in Counterpoint as {@code documentType}. An open order ('O') commits its quantities when it is
     * written (Counterpoint raises {@code IM_INV.QTY_COMMIT}, so {@code QTY_AVAIL} already leaves them out): its hold
     * is released now, or every store would subtract the same units twice. A ticket ('T') touches no quantity until it
     * is posted, so its hold stays until then.
     */
    boolean markWritten(UUID tenantId, UUID orderId, String custNo, long docId, String ticketNo, boolean firstWrite,
                        char documentType, String reference) {
        sql.update("UPDATE web_orders SET cust_no = ?, cp_doc_id = ?, cp_ticket_no = ?, document_type = ?, cp_reference = ?,"
                + " written_at = now() WHERE id = ?", custNo, docId, ticketNo, String.valueOf(documentType), reference, orderId);
        boolean openOrder = documentType == 'O';
        boolean moved = transitionIf(tenantId, orderId, OrderState.READY, OrderState.WRITTEN, (firstWrite ? "written" : "already written")
                + " to Counterpoint as " + (openOrder ? "open order" : "document") + " " + docId + ", ticket " + ticketNo
                + ", customer " + custNo + (openOrder ? "; stock hold released: Counterpoint's committed quantity holds it now" : ""));
        if (moved && openOrder) {
            release(orderId, COMMITTED_BY_COUNTERPOINT);
        }
        return moved;
    }

    static final String COMMITTED_BY_COUNTERPOINT = "written as an open order: Counterpoint commits its quantities (QTY_COMMIT)";

    /**
     * Open orders written before their hold was released at writing (an earlier version kept it until posting):
     * released now, answering their items. Call inside the tenant's transaction.
     */
    List<String> releaseWrittenOpenOrders(UUID siteId) {
        return sql.query("UPDATE allocations a SET released_at = now(), release_reason = ? FROM web_orders o"
                        + " WHERE o.id = a.order_id AND o.site_id = ? AND o.state = 'WRITTEN' AND o.document_type = 'O'"
                        + " AND a.released_at IS NULL RETURNING a.item_no",
                row -> row.getString(1), COMMITTED_BY_COUNTERPOINT, siteId);
    }

    record Written(UUID id, String orderKey) {
    }

    List<Written> written(UUID siteId, int limit) {
        return sql.query("SELECT id, order_key FROM web_orders WHERE site_id = ? AND state = 'WRITTEN' ORDER BY written_at LIMIT ?",
                row -> new Written(row.getObject(1, UUID.class), row.getString(2)), siteId, limit);
    }

    void markPosted(UUID tenantId, UUID orderId, String ticketNo) {
        if (transitionIf(tenantId, orderId, OrderState.WRITTEN, OrderState.POSTED, "ticket " + ticketNo
                + " posted in Counterpoint (in PS_TKT_HIST)")) {
            sql.update("UPDATE web_orders SET posted_at = now() WHERE id = ?", orderId);
            release(orderId, "posted in Counterpoint");
            transition(tenantId, orderId, OrderState.POSTED, OrderState.RELEASED,
                    "allocation released: Counterpoint's quantities include the sale");
        }
    }

    // ---- customers -------------------------------------------------------------------------------

    Optional<String> identity(String identityKey) {
        return sql.queryOne("SELECT cust_no FROM customer_identities WHERE identity_key = ?", row -> row.getString(1),
                identityKey);
    }

    /** Stores the link unless one exists; answers the stored CUST_NO either way. */
    String link(UUID tenantId, UUID siteId, String identityKey, String email, long wooCustomerId, String custNo, String how) {
        sql.update("INSERT INTO customer_identities (id, tenant_id, site_id, identity_key, email_normalized, woo_customer_id,"
                        + " cust_no, linked_how) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, identity_key) DO NOTHING",
                UUID.randomUUID(), tenantId, siteId, identityKey, email, wooCustomerId, custNo, how);
        return identity(identityKey).orElseThrow();
    }

    List<CustomerIdentity> identities(String email) {
        return sql.query("SELECT id, site_id, identity_key, email_normalized, woo_customer_id, cust_no, linked_how, linked_at,"
                        + " linked_by FROM customer_identities WHERE (?::text IS NULL OR email_normalized = lower(trim(?::text)))"
                        + " ORDER BY linked_at DESC LIMIT 500",
                row -> new CustomerIdentity(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                        row.getString(4), row.getLong(5), row.getString(6), row.getString(7),
                        TxSql.instant(row, "linked_at"), row.getString(9)), email, email);
    }

    Optional<CustomerIdentity> identityById(UUID identityId) {
        return identities(null).stream().filter(i -> i.id().equals(identityId)).findFirst();
    }

    /** The billing address (JSON) of the identity's most recent order: per store and WooCommerce id, or a guest's e-mail. */
    Optional<String> latestBilling(CustomerIdentity identity) {
        boolean registered = identity.wooCustomerId() > 0 && identity.siteId() != null;
        return sql.queryOne("SELECT billing::text FROM web_orders WHERE "
                        + (registered ? "site_id = ? AND woo_customer_id = ?" : "woo_customer_id = 0 AND customer_email = ?")
                        + " ORDER BY received_at DESC LIMIT 1", row -> row.getString(1),
                registered ? new Object[]{identity.siteId(), identity.wooCustomerId()} : new Object[]{identity.email()});
    }

    Optional<CustomerIdentity> relink(UUID identityId, String custNo, String by) {
        sql.update("UPDATE customer_identities SET cust_no = ?, linked_how = 'MANUAL', linked_at = now(), linked_by = ?"
                + " WHERE id = ?", custNo, by, identityId);
        return identities(null).stream().filter(i -> i.id().equals(identityId)).findFirst();
    }

    // ---- allocations -----------------------------------------------------------------------------

    /** Allocations are always recorded; they count in the inventory formula only while the tenant has them on. */
    boolean allocationEnabled(UUID tenantId) {
        return sql.queryOne("SELECT allocation_enabled FROM order_tenant_settings WHERE tenant_id = ?",
                row -> row.getBoolean(1), tenantId).orElse(true);
    }

    void setAllocationEnabled(UUID tenantId, boolean enabled) {
        sql.update("INSERT INTO order_tenant_settings (tenant_id, allocation_enabled) VALUES (?, ?) ON CONFLICT (tenant_id)"
                + " DO UPDATE SET allocation_enabled = EXCLUDED.allocation_enabled, updated_at = now()", tenantId, enabled);
    }

    @Override
    public BigDecimal allocated(UUID tenantId, String itemNo, String cell) {
        if (!allocationEnabled(tenantId)) {
            return BigDecimal.ZERO;
        }
        return sql.queryOne("SELECT COALESCE(SUM(qty), 0) FROM allocations WHERE tenant_id = ? AND item_no = ? AND cell = ?"
                + " AND released_at IS NULL", row -> row.getBigDecimal(1), tenantId, itemNo, cell).orElse(BigDecimal.ZERO);
    }

    @Override
    public BigDecimal allocated(UUID tenantId, String itemNo) {
        if (!allocationEnabled(tenantId)) {
            return BigDecimal.ZERO;
        }
        return sql.queryOne("SELECT COALESCE(SUM(qty), 0) FROM allocations WHERE tenant_id = ? AND item_no = ?"
                + " AND released_at IS NULL", row -> row.getBigDecimal(1), tenantId, itemNo).orElse(BigDecimal.ZERO);
    }

    /** Open allocations of these items, or none while allocation is off for the tenant. */
    List<ItemAllocation> openAllocations(UUID tenantId, List<String> itemNos) {
        if (!allocationEnabled(tenantId)) {
            return List.of();
        }
        return sql.query("SELECT item_no, cell, SUM(qty), COUNT(DISTINCT order_id) FROM allocations WHERE tenant_id = ?"
                        + " AND released_at IS NULL AND item_no = ANY (?) GROUP BY item_no, cell",
                row -> new ItemAllocation(row.getString(1), row.getString(2), row.getBigDecimal(3), row.getInt(4)),
                tenantId, itemNos.toArray(new String[0]));
    }

    /**
     * Web orders of every store hold more of an item (cell) than Counterpoint has at a store's locations:
     * walking the open allocations in the order they arrived, the store's orders beyond what Counterpoint
     * has get a flag saying what to do. The order keeps its state and allocation; a person decides.
     */
    void flagOversold(UUID siteId, String storeName, String itemNo, String cell, BigDecimal available) {
        record Held(UUID orderId, UUID siteId, String wooNumber, BigDecimal qty, String flag) {
        }
        List<Held> held = sql.query("""
                SELECT o.id, o.site_id, o.woo_number, a.qty, o.flag FROM allocations a JOIN web_orders o ON o.id = a.order_id
                 WHERE a.released_at IS NULL AND a.item_no = ? AND a.cell = ?
                 ORDER BY o.received_at, o.id""",
                row -> new Held(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                        row.getBigDecimal(4), row.getString(5)), itemNo, cell);
        BigDecimal total = held.stream().map(Held::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal running = BigDecimal.ZERO;
        String what = itemNo + ("*|*|*".equals(cell) ? "" : " (" + cell.replace("|*", "").replace('|', '/') + ")");
        for (Held order : held) {
            running = running.add(order.qty());
            if (running.compareTo(available) > 0 && order.siteId().equals(siteId) && order.flag() == null) {
                sql.update("UPDATE web_orders SET flag = ?, updated_at = now() WHERE id = ? AND flag IS NULL",
                        "Oversold: Counterpoint has " + available.stripTrailingZeros().toPlainString() + " of " + what
                                + " at the locations of " + storeName + ", while web orders of your stores hold "
                                + total.stripTrailingZeros().toPlainString() + "; this order came last. Cancel or refund it in"
                                + " WooCommerce, or make sure Counterpoint can fulfil it, then resolve the order with a note.",
                        order.orderId());
            }
        }
    }

    List<ItemAllocation> openAllocations(String itemNo) {
        return sql.query("SELECT item_no, cell, SUM(qty), COUNT(DISTINCT order_id) FROM allocations WHERE released_at IS NULL"
                        + " AND (?::text IS NULL OR item_no = ?::text) GROUP BY item_no, cell ORDER BY item_no, cell",
                row -> new ItemAllocation(row.getString(1), row.getString(2), row.getBigDecimal(3), row.getInt(4)),
                itemNo, itemNo);
    }

    // ---- API views -------------------------------------------------------------------------------

    List<OrderSummary> list(OrderState state, UUID siteId, String search, int limit) {
        return sql.query("SELECT " + SUMMARY_COLUMNS + " FROM web_orders WHERE (?::text IS NULL OR state = ?::text)"
                        + " AND (?::uuid IS NULL OR site_id = ?::uuid) AND (?::text IS NULL OR woo_number = ?::text"
                        + " OR lower(cp_reference) = lower(?::text) OR customer_email = lower(?::text) OR cust_no = ?::text)"
                        + " ORDER BY received_at DESC LIMIT ?",
                OrderLedger::summary, state == null ? null : state.name(), state == null ? null : state.name(), siteId, siteId,
                search, search, search, search, search, limit);
    }

    Optional<OrderDetail> detail(UUID id) {
        return sql.queryOne("SELECT " + SUMMARY_COLUMNS + ", order_key, document_type, payment_method, currency, total_tax,"
                        + " shipping_total, fee_total, discount_total FROM web_orders WHERE id = ?",
                row -> new OrderDetail(summary(row), row.getString("order_key"), row.getString("document_type"),
                        row.getString("payment_method"), row.getString("currency"), row.getBigDecimal("total_tax"),
                        row.getBigDecimal("shipping_total"), row.getBigDecimal("fee_total"),
                        row.getBigDecimal("discount_total"), List.of(), List.of(), List.of()), id)
                .map(d -> new OrderDetail(d.order(), d.orderKey(), d.documentType(), d.paymentMethod(), d.currency(),
                        d.totalTax(), d.shippingTotal(), d.feeTotal(), d.discountTotal(), lines(id), transitions(id),
                        allocations(id)));
    }

    List<Transition> transitions(UUID orderId) {
        return sql.query("SELECT from_state, to_state, reason, at FROM web_order_transitions WHERE order_id = ? ORDER BY id",
                row -> new Transition(row.getString(1) == null ? null : OrderState.valueOf(row.getString(1)),
                        OrderState.valueOf(row.getString(2)), row.getString(3), TxSql.instant(row, "at")), orderId);
    }

    List<OrderViews.Allocation> allocations(UUID orderId) {
        return sql.query("SELECT item_no, cell, qty, created_at, released_at, release_reason FROM allocations WHERE order_id = ?"
                        + " ORDER BY id", row -> new OrderViews.Allocation(row.getString(1), row.getString(2), row.getBigDecimal(3),
                        TxSql.instant(row, "created_at"), TxSql.instant(row, "released_at"), row.getString(6)), orderId);
    }

    private static OrderSummary summary(ResultSet row) throws SQLException {
        long docId = row.getLong("cp_doc_id");
        return new OrderSummary(row.getObject("id", UUID.class), row.getObject("site_id", UUID.class),
                row.getLong("woo_order_id"), row.getString("woo_number"), row.getString("woo_status"),
                OrderState.valueOf(row.getString("state")), row.getString("reason"), row.getString("flag"),
                row.getBigDecimal("total"), row.getString("customer_email"), row.getString("cust_no"),
                row.wasNull() ? null : docId, row.getString("cp_ticket_no"), row.getString("cp_reference"),
                TxSql.instant(row, "received_at"),
                TxSql.instant(row, "updated_at"));
    }

    // ---- polling watermark -----------------------------------------------------------------------

    Optional<Instant> watermark(UUID siteId) {
        return sql.queryOne("SELECT modified_after FROM order_watermarks WHERE site_id = ?",
                row -> TxSql.instant(row, "modified_after"), siteId);
    }

    void saveWatermark(UUID tenantId, UUID siteId, Instant modifiedAfter) {
        sql.update("INSERT INTO order_watermarks (site_id, tenant_id, modified_after, polled_at) VALUES (?, ?, ?, now())"
                + " ON CONFLICT (site_id) DO UPDATE SET modified_after = GREATEST(order_watermarks.modified_after,"
                + " EXCLUDED.modified_after), polled_at = now()", siteId, tenantId, modifiedAfter);
    }

    /** An order as the ledger last read it from WooCommerce. */
    record Seen(String wooStatus, String wooModifiedGmt) {
    }

    /** What the ledger knows of these WooCommerce orders of the store (absent: not seen yet). */
    Map<Long, Seen> seen(UUID siteId, List<Long> wooOrderIds) {
        Map<Long, Seen> seen = new LinkedHashMap<>();
        if (!wooOrderIds.isEmpty()) {
            sql.query("SELECT woo_order_id, woo_status, woo_modified FROM web_orders WHERE site_id = ? AND woo_order_id = ANY (?)",
                    row -> Map.entry(row.getLong(1), new Seen(row.getString(2), row.getString(3))), siteId,
                    wooOrderIds.toArray(new Long[0])).forEach(entry -> seen.put(entry.getKey(), entry.getValue()));
        }
        return seen;
    }

    record Hint(long id, long resourceId) {
    }

    List<Hint> pendingOrderHints(UUID siteId) {
        return sql.query("SELECT id, resource_id FROM webhook_hints WHERE site_id = ? AND consumed_at IS NULL"
                        + " AND topic LIKE 'order.%' ORDER BY received_at LIMIT 500",
                row -> new Hint(row.getLong(1), row.getLong(2)), siteId);
    }

    void consumeHints(List<Long> ids) {
        for (Long id : ids) {
            sql.update("UPDATE webhook_hints SET consumed_at = now() WHERE id = ?", id);
        }
    }

    static List<List<Written>> batches(List<Written> all, int size) {
        List<List<Written>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            batches.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return batches;
    }
}
