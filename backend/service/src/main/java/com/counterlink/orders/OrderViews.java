package com.counterlink.orders;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the order, customer and allocation APIs answer. */
public final class OrderViews {

    private OrderViews() {
    }

    @Serdeable
    public record OrderSummary(UUID id, UUID siteId, long wooOrderId, String wooNumber, String wooStatus, OrderState state,
                               String reason, String flag, BigDecimal total, String customerEmail, String custNo,
                               Long cpDocId, String cpTicketNo, String cpReference, Instant receivedAt, Instant updatedAt) {
    }

    @Serdeable
    public record OrderLine(int lineNo, String name, String sku, String itemNo, String cell, BigDecimal qty,
                            BigDecimal subtotal, BigDecimal discount, BigDecimal total, BigDecimal tax) {
    }

    @Serdeable
    public record Transition(OrderState from, OrderState to, String reason, Instant at) {
    }

    @Serdeable
    public record Allocation(String itemNo, String cell, BigDecimal qty, Instant createdAt, Instant releasedAt,
                             String releaseReason) {
    }

    @Serdeable
    public record OrderDetail(OrderSummary order, String orderKey, String documentType, String paymentMethod,
                              String currency, BigDecimal totalTax, BigDecimal shippingTotal, BigDecimal feeTotal,
                              BigDecimal discountTotal, List<OrderLine> lines, List<Transition> transitions,
                              List<Allocation> allocations) {
    }

    @Serdeable
    public record CustomerIdentity(UUID id, UUID siteId, String identityKey, String email, long wooCustomerId,
                                   String custNo, String linkedHow, Instant linkedAt, String linkedBy) {
    }

    @Serdeable
    public record ItemAllocation(String itemNo, String cell, BigDecimal allocated, int openOrders) {
    }

    /**
     * One item or grid cell ("" for a simple item, else "DIM1|DIM2|DIM3"): what open web orders hold
     * ({@code counted} false while allocation is off for the company), and per store its stock figures.
     */
    @Serdeable
    public record ItemStock(String itemNo, String cell, BigDecimal allocated, boolean counted, int openOrders,
                            List<StoreStock> stores) {
    }

    /**
     * A store's view of an item: Counterpoint's available quantity over the store's locations (null unless
     * {@code counterpoint} is READ; else BRIDGE_OFFLINE, COUNTERPOINT_UNREACHABLE, NOT_READ or NO_LOCATIONS), its safety buffer, the web
     * quantity they give now (available − allocated − buffer, whole units, at least 0), and the quantity
     * WooCommerce last accepted from us (null if never sent or the store does not sell the item).
     */
    @Serdeable
    public record StoreStock(UUID siteId, String storeName, List<String> locations, String counterpoint,
                             BigDecimal counterpointAvailable, int safetyBuffer, Integer webQuantity, Integer lastSentQty,
                             boolean sells) {
    }

    /**
     * A Counterpoint customer a person might link a web customer to: how likely (0–100) and why, and
     * whether it is the one the web customer is linked to now.
     */
    @Serdeable
    public record CustomerMatch(String custNo, String name, String email, String phone, String address1, String city,
                                String zip, int percent, List<String> reasons, boolean linked) {
    }

    /** The web customer compared, the Counterpoint customer linked now, and the possible matches, best first. */
    @Serdeable
    public record CustomerMatches(UUID identityId, String linkedCustNo, WebCustomer webCustomer,
                                  List<CustomerMatch> matches) {
    }

    @Serdeable
    @Introspected
    public record RelinkCommand(String custNo) {
    }

    @Serdeable
    @Introspected
    public record ResolveCommand(String note) {
    }
}
