package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.product.ProductJson;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

/** Renders orders exactly as GET /wc/v3/orders/{id} (also the webhook payload). Lock held by callers. */
public final class OrderJson {
    private static final Set<String> EDITABLE = Set.of("pending", "on-hold", "auto-draft", "checkout-draft");

    private OrderJson() {}

    public static ObjectNode render(Store store, Order o) {
        ObjectNode n = Json.object();
        n.put("id", o.id);
        n.put("parent_id", o.parentId);
        n.put("status", o.status);
        n.put("currency", o.currency);
        n.put("version", "10.0.2");
        n.put("prices_include_tax", false);
        n.put("date_created", WpFormat.date(o.dateCreated));
        n.put("date_modified", WpFormat.date(o.dateModified));
        n.put("discount_total", WpFormat.money(o.discountTotal));
        n.put("discount_tax", WpFormat.money(o.discountTax));
        n.put("shipping_total", WpFormat.money(o.shippingTotal));
        n.put("shipping_tax", WpFormat.money(o.shippingTax));
        n.put("cart_tax", WpFormat.money(o.cartTax));
        n.put("total", WpFormat.money(o.total));
        n.put("total_tax", WpFormat.money(o.totalTax));
        n.put("customer_id", o.customerId);
        n.put("order_key", o.orderKey);
        n.set("billing", o.billing.deepCopy());
        n.set("shipping", o.shipping.deepCopy());
        n.put("payment_method", o.paymentMethod);
        n.put("payment_method_title", o.paymentMethodTitle);
        n.put("transaction_id", o.transactionId);
        n.put("customer_ip_address", o.customerIpAddress);
        n.put("customer_user_agent", o.customerUserAgent);
        n.put("created_via", o.createdVia);
        n.put("customer_note", o.customerNote);
        n.put("date_completed", WpFormat.date(o.dateCompleted));
        n.put("date_paid", WpFormat.date(o.datePaid));
        n.put("cart_hash", "");
        n.put("number", String.valueOf(o.id));
        n.set("meta_data", o.metaData.deepCopy());
        ArrayNode items = n.putArray("line_items");
        for (Order.LineItem li : o.lineItems) items.add(lineItem(li));
        ArrayNode taxLines = n.putArray("tax_lines");
        for (Order.TaxLine t : o.taxLines) taxLines.add(taxLine(t));
        ArrayNode shipping = n.putArray("shipping_lines");
        for (Order.ShippingLine sl : o.shippingLines) shipping.add(shippingLine(sl));
        ArrayNode fees = n.putArray("fee_lines");
        for (Order.FeeLine f : o.feeLines) fees.add(feeLine(f));
        ArrayNode coupons = n.putArray("coupon_lines");
        for (Order.CouponLine c : o.couponLines) {
            ObjectNode cn = coupons.addObject();
            cn.put("id", c.id);
            cn.put("code", c.code);
            cn.put("discount", WpFormat.trimmedDecimal(c.discount));
            cn.put("discount_tax", WpFormat.money(c.discountTax));
            cn.set("meta_data", c.metaData.deepCopy());
            cn.put("discount_type", c.discountType);
            cn.put("nominal_amount", plainNumber(c.nominalAmount));
            cn.put("free_shipping", c.freeShipping);
        }
        ArrayNode refunds = n.putArray("refunds");
        // newest first, the total negative, as WooCommerce lists an order's refunds
        for (int i = o.refunds.size() - 1; i >= 0; i--) {
            Refund r = o.refunds.get(i);
            refunds.addObject().put("id", r.id).put("reason", r.reason).put("total", "-" + WpFormat.money(r.amount));
        }
        n.put("payment_url", store.siteUrl() + "/checkout/order-pay/" + o.id + "/?pay_for_order=true&key=" + o.orderKey);
        n.put("is_editable", EDITABLE.contains(o.status));
        n.put("needs_payment", Set.of("pending", "failed").contains(o.status) && o.total.signum() > 0);
        n.put("needs_processing", o.needsProcessing());
        n.put("date_created_gmt", WpFormat.date(o.dateCreated));
        n.put("date_modified_gmt", WpFormat.date(o.dateModified));
        n.put("date_completed_gmt", WpFormat.date(o.dateCompleted));
        n.put("date_paid_gmt", WpFormat.date(o.datePaid));
        n.put("currency_symbol", WpFormat.currencySymbolText(o.currency));
        ObjectNode links = n.putObject("_links");
        links.set("self", ProductJson.selfLink(store.apiUrl() + "/orders/" + o.id));
        links.set("collection", ProductJson.link(store.apiUrl() + "/orders"));
        ArrayNode email = links.putArray("email_templates");
        email.addObject().put("embeddable", true).put("href", store.apiUrl() + "/orders/" + o.id + "/actions/email_templates");
        return n;
    }

    static ObjectNode taxLine(Order.TaxLine t) {
        ObjectNode tn = Json.object();
        tn.put("id", t.id);
        tn.put("rate_code", t.rateCode);
        tn.put("rate_id", t.rateId);
        tn.put("label", t.label);
        tn.put("compound", t.compound);
        tn.put("tax_total", WpFormat.money(t.taxTotal));
        tn.put("shipping_tax_total", WpFormat.money(t.shippingTaxTotal));
        tn.put("rate_percent", plainNumber(t.ratePercent));
        tn.putArray("meta_data");
        return tn;
    }

    static ObjectNode shippingLine(Order.ShippingLine s) {
        ObjectNode sn = Json.object();
        sn.put("id", s.id);
        sn.put("method_title", s.methodTitle);
        sn.put("method_id", s.methodId);
        sn.put("instance_id", s.instanceId);
        sn.put("total", WpFormat.money(s.total));
        sn.put("total_tax", WpFormat.money(s.taxes.totalSum()));
        sn.set("taxes", taxes(s.taxes, false));
        sn.put("tax_status", "taxable");
        sn.set("meta_data", s.metaData.deepCopy());
        return sn;
    }

    static ObjectNode feeLine(Order.FeeLine f) {
        ObjectNode fn = Json.object();
        fn.put("id", f.id);
        fn.put("name", f.name);
        fn.put("tax_class", f.taxClass);
        fn.put("tax_status", f.taxStatus);
        fn.put("amount", "");
        fn.put("total", WpFormat.money(f.total));
        fn.put("total_tax", WpFormat.money(f.taxes.totalSum()));
        fn.set("taxes", taxes(f.taxes, false));
        fn.set("meta_data", f.metaData.deepCopy());
        return fn;
    }

    static ObjectNode lineItem(Order.LineItem li) {
        ObjectNode n = Json.object();
        n.put("id", li.id);
        n.put("name", li.name);
        n.put("product_id", li.productId);
        n.put("variation_id", li.variationId);
        n.put("quantity", li.quantity);
        n.put("tax_class", li.taxClass);
        n.put("subtotal", WpFormat.money(li.subtotal));
        n.put("subtotal_tax", WpFormat.money(li.taxes.subtotalSum()));
        n.put("total", WpFormat.money(li.total));
        n.put("total_tax", WpFormat.money(li.taxes.totalSum()));
        n.set("taxes", taxes(li.taxes, true));
        n.set("meta_data", li.metaData.deepCopy());
        n.put("sku", li.sku);
        // WooCommerce returns the unit price as an unrounded JSON number (total / quantity; 0 without a quantity).
        n.put("price", li.quantity == 0 ? BigDecimal.ZERO : plainNumber(li.total.divide(BigDecimal.valueOf(li.quantity), 6, RoundingMode.HALF_UP)));
        ObjectNode image = n.putObject("image");
        if (li.variationId > 0) image.put("id", 0); else image.put("id", "");
        image.put("src", "");
        if (li.parentName == null) n.putNull("parent_name"); else n.put("parent_name", li.parentName);
        return n;
    }

    private static ArrayNode taxes(Order.Taxes taxes, boolean withSubtotal) {
        ArrayNode arr = Json.array();
        for (Map.Entry<Long, BigDecimal[]> e : taxes.entrySet()) {
            ObjectNode t = arr.addObject();
            t.put("id", e.getKey());
            t.put("total", WpFormat.money(e.getValue()[0]));
            t.put("subtotal", withSubtotal && e.getValue()[1] != null ? WpFormat.money(e.getValue()[1]) : "");
        }
        return arr;
    }

    static BigDecimal plainNumber(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public static ObjectNode note(Store store, Order o, Order.OrderNote note) {
        ObjectNode n = Json.object();
        n.put("id", note.id());
        n.put("author", note.author());
        n.put("date_created", WpFormat.date(note.dateCreated()));
        n.put("date_created_gmt", WpFormat.date(note.dateCreated()));
        n.put("note", note.note());
        n.put("customer_note", note.customerNote());
        ObjectNode links = n.putObject("_links");
        links.set("self", ProductJson.selfLink(store.apiUrl() + "/orders/" + o.id + "/notes/" + note.id()));
        links.set("collection", ProductJson.link(store.apiUrl() + "/orders/" + o.id + "/notes"));
        links.set("up", ProductJson.link(store.apiUrl() + "/orders/" + o.id));
        return n;
    }
}
