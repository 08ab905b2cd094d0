package com.counterlink.orders;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a WooCommerce order (GET /wc/v3/orders/{id}) the connector uses. {@code taxableShipping} and
 * {@code taxableFees} are the parts of the shipping and fee totals WooCommerce charged tax on.
 */
record WooOrder(long id, String number, String status, String modifiedGmt, String currency, BigDecimal total,
                BigDecimal totalTax, BigDecimal shippingTotal, BigDecimal feeTotal, BigDecimal taxableShipping,
                BigDecimal taxableFees, BigDecimal discountTotal,
                String paymentMethod, long customerId, String email, JsonNode billing, List<Line> lines,
                BigDecimal refunded) {

    /** A line item; {@code itemNo} null when its SKU is empty. SKUs are ITEM_NO or ITEM_NO|DIM1|DIM2|DIM3. */
    record Line(int lineNo, long wooLineId, String name, String sku, String itemNo, String cell, BigDecimal qty,
                BigDecimal subtotal, BigDecimal total, BigDecimal tax) {

        BigDecimal discount() {
            return subtotal.subtract(total);
        }
    }

    static WooOrder parse(JsonNode n) {
        List<Line> lines = new ArrayList<>();
        int lineNo = 1;
        for (JsonNode li : n.path("line_items")) {
            String sku = li.path("sku").asText("").strip();
            String itemNo = null;
            String cell = "*|*|*";
            if (!sku.isEmpty()) {
                String[] parts = sku.split("\\|", -1);
                itemNo = parts[0];
                if (parts.length > 1) {
                    String[] dims = {"*", "*", "*"};
                    for (int i = 1; i < parts.length && i <= 3; i++) {
                        dims[i - 1] = parts[i].isEmpty() ? "*" : parts[i];
                    }
                    cell = String.join("|", dims);
                }
            }
            lines.add(new Line(lineNo++, li.path("id").asLong(), li.path("name").asText(null), sku.isEmpty() ? null : sku,
                    itemNo, cell, new BigDecimal(li.path("quantity").asText("0")), money(li, "subtotal"), money(li, "total"),
                    money(li, "total_tax")));
        }
        BigDecimal fees = BigDecimal.ZERO.setScale(2);
        for (JsonNode fee : n.path("fee_lines")) {
            fees = fees.add(money(fee, "total"));
        }
        BigDecimal shipping = money(n, "shipping_total");
        BigDecimal taxableShipping = n.path("shipping_lines").isEmpty()
                ? (money(n, "shipping_tax").signum() != 0 ? shipping : BigDecimal.ZERO.setScale(2))
                : taxed(n.path("shipping_lines"));
        BigDecimal refunded = BigDecimal.ZERO.setScale(2);
        for (JsonNode refund : n.path("refunds")) {
            refunded = refunded.add(money(refund, "total").abs());
        }
        String email = n.path("billing").path("email").asText("").strip();
        return new WooOrder(n.path("id").asLong(), n.path("number").asText(String.valueOf(n.path("id").asLong())),
                n.path("status").asText(), n.path("date_modified_gmt").asText(null), n.path("currency").asText(null),
                money(n, "total"), money(n, "total_tax"), shipping, fees, taxableShipping, taxed(n.path("fee_lines")),
                money(n, "discount_total"),
                n.path("payment_method").asText(null), n.path("customer_id").asLong(0),
                email.isEmpty() ? null : email.toLowerCase(Locale.ROOT), n.path("billing"), lines, refunded);
    }

    /** A fingerprint of what the document is made of: totals and every line's SKU, quantity and amounts. */
    String amountsHash() {
        StringBuilder text = new StringBuilder().append(total).append('|').append(totalTax).append('|').append(shippingTotal)
                .append('|').append(feeTotal);
        for (Line line : lines) {
            text.append('|').append(line.sku()).append(':').append(line.qty().stripTrailingZeros().toPlainString())
                    .append(':').append(line.subtotal()).append(':').append(line.total());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Instant modifiedInstant() {
        if (modifiedGmt == null || modifiedGmt.isBlank()) {
            return null;
        }
        String value = modifiedGmt.endsWith("Z") ? modifiedGmt.substring(0, modifiedGmt.length() - 1) : modifiedGmt;
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
    }

    boolean cancelled() {
        return status.equals("cancelled") || status.equals("refunded") || status.equals("failed") || status.equals("trash");
    }

    /**
     * The summed totals of the shipping or fee lines WooCommerce charged tax on (a non-zero {@code total_tax}):
     * what it charged, whatever a line's tax status or the store's settings say.
     */
    private static BigDecimal taxed(JsonNode lines) {
        BigDecimal taxed = BigDecimal.ZERO.setScale(2);
        for (JsonNode line : lines) {
            if (money(line, "total_tax").signum() != 0) {
                taxed = taxed.add(money(line, "total"));
            }
        }
        return taxed;
    }

    private static BigDecimal money(JsonNode n, String field) {
        String value = n.path(field).asText("");
        return (value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value)).setScale(2, RoundingMode.HALF_UP);
    }
}
