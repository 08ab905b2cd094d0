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
                               Long cpDocId, String cpTicketNo, Instant receivedAt, Instant updatedAt) {
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

    @Serdeable
    @Introspected
    public record RelinkCommand(String custNo) {
    }

    @Serdeable
    @Introspected
    public record ResolveCommand(String note) {
    }
}
