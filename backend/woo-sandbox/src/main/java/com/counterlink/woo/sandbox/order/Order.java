package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A shop order with its items and computed totals. */
public final class Order {
    public long id;
    public long parentId;
    public String status = "pending";
    public String currency = "USD";
    public long customerId;
    public String orderKey;
    public ObjectNode billing;
    public ObjectNode shipping;
    public String paymentMethod = "";
    public String paymentMethodTitle = "";
    public String transactionId = "";
    public String customerIpAddress = "";
    public String customerUserAgent = "";
    public String createdVia = "rest-api";
    public String customerNote = "";
    public ArrayNode metaData = Json.array();
    public Instant dateCreated;
    public Instant dateModified;
    public Instant datePaid;
    public Instant dateCompleted;
    public boolean stockReduced;
    /** WooCommerce's _recorded_sales: the products' total_sales count this order. */
    public boolean salesRecorded;
    /** WooCommerce's _recorded_coupon_usage_counts: the coupons' usage_count and used_by count this order. */
    public boolean couponUsageRecorded;
    public final List<LineItem> lineItems = new ArrayList<>();
    public final List<ShippingLine> shippingLines = new ArrayList<>();
    public final List<FeeLine> feeLines = new ArrayList<>();
    public final List<CouponLine> couponLines = new ArrayList<>();
    public final List<TaxLine> taxLines = new ArrayList<>();
    public final List<OrderNote> notes = new ArrayList<>();
    public final List<Refund> refunds = new ArrayList<>();
    public BigDecimal discountTotal = BigDecimal.ZERO;
    public BigDecimal discountTax = BigDecimal.ZERO;
    public BigDecimal shippingTotal = BigDecimal.ZERO;
    public BigDecimal shippingTax = BigDecimal.ZERO;
    public BigDecimal cartTax = BigDecimal.ZERO;
    public BigDecimal total = BigDecimal.ZERO;
    public BigDecimal totalTax = BigDecimal.ZERO;

    /** Per-rate taxes of one item: rate id to {total, subtotal}. */
    public static final class Taxes extends LinkedHashMap<Long, BigDecimal[]> {
        public BigDecimal totalSum() { return values().stream().map(v -> v[0]).reduce(BigDecimal.ZERO, BigDecimal::add); }

        public BigDecimal subtotalSum() { return values().stream().map(v -> v[1] == null ? BigDecimal.ZERO : v[1]).reduce(BigDecimal.ZERO, BigDecimal::add); }
    }

    public static final class LineItem {
        public long id;
        public String name;
        public long productId;
        public long variationId;
        public int quantity;
        public String taxClass = "";
        public String taxStatus = "taxable";
        public BigDecimal subtotal;
        public BigDecimal total;
        public Taxes taxes = new Taxes();
        public ArrayNode metaData = Json.array();
        public String sku = "";
        public String parentName;
        public boolean virtual;
        public boolean downloadable;
        /** On a refund's copy of a line: the order line it gives back. */
        public long refundedItemId;

        /** WC_Order::needs_processing: a line without a product, or a virtual download, needs no processing. */
        public boolean needsProcessing() { return productId > 0 && !(virtual && downloadable); }
    }

    public static final class ShippingLine {
        public long id;
        public String methodTitle = "";
        public String methodId = "";
        public String instanceId = "";
        public BigDecimal total = BigDecimal.ZERO;
        public Taxes taxes = new Taxes();
        public ArrayNode metaData = Json.array();
    }

    public static final class FeeLine {
        public long id;
        public String name = "";
        public String taxClass = "";
        public String taxStatus = "taxable";
        public BigDecimal total = BigDecimal.ZERO;
        public Taxes taxes = new Taxes();
        public ArrayNode metaData = Json.array();
    }

    public static final class CouponLine {
        public long id;
        public long couponId;
        public String code;
        public String discountType;
        public BigDecimal nominalAmount;
        public boolean freeShipping;
        public BigDecimal discount = BigDecimal.ZERO;
        public BigDecimal discountTax = BigDecimal.ZERO;
        public ArrayNode metaData = Json.array();
    }

    public static final class TaxLine {
        public long id;
        public long rateId;
        public String rateCode;
        public String label;
        public boolean compound;
        public BigDecimal taxTotal = BigDecimal.ZERO;
        public BigDecimal shippingTaxTotal = BigDecimal.ZERO;
        public BigDecimal ratePercent;
    }

    public record OrderNote(long id, String author, Instant dateCreated, String note, boolean customerNote) {}

    /** Units of the line {@code itemId} given back by refunds so far. */
    public int quantityRefunded(long itemId) {
        return refunds.stream().mapToInt(r -> r.quantityRefunded(itemId)).sum();
    }

    public BigDecimal refundedTotal() {
        return refunds.stream().map(r -> r.amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** get_remaining_refund_amount: what refunds have not given back yet. */
    public BigDecimal remainingRefundAmount() { return total.subtract(refundedTotal()); }

    public boolean needsProcessing() { return lineItems.stream().anyMatch(LineItem::needsProcessing); }

    public LineItem lineItem(long itemId) {
        return lineItems.stream().filter(li -> li.id == itemId).findFirst().orElse(null);
    }

    public Map<String, Object> summary() {
        return Map.of("id", id, "status", status, "total", total.toPlainString());
    }
}
