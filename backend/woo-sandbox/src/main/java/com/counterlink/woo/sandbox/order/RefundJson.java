package com.counterlink.woo.sandbox.order;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.product.ProductJson;
import com.counterlink.woo.sandbox.store.Store;
import com.counterlink.woo.sandbox.store.WpFormat;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders refunds as GET /orders/{id}/refunds/{refund} (WC_REST_Order_Refunds_V2_Controller::get_formatted_item_data). */
final class RefundJson {
    private RefundJson() {}

    static ObjectNode render(Store store, Refund r) {
        ObjectNode n = Json.object();
        n.put("id", r.id);
        n.put("date_created", WpFormat.date(r.dateCreated));
        n.put("date_created_gmt", WpFormat.date(r.dateCreated));
        n.put("amount", WpFormat.money(r.amount));
        n.put("reason", r.reason);
        n.put("refunded_by", 1);
        n.put("refunded_payment", r.refundedPayment);
        n.set("meta_data", r.metaData.deepCopy());
        ArrayNode items = n.putArray("line_items");
        r.lineItems.forEach(li -> items.add(OrderJson.lineItem(li)));
        ArrayNode shipping = n.putArray("shipping_lines");
        r.shippingLines.forEach(s -> shipping.add(OrderJson.shippingLine(s)));
        ArrayNode taxes = n.putArray("tax_lines");
        r.taxLines.forEach(t -> taxes.add(OrderJson.taxLine(t)));
        ArrayNode fees = n.putArray("fee_lines");
        r.feeLines.forEach(f -> fees.add(OrderJson.feeLine(f)));
        String collection = store.apiUrl() + "/orders/" + r.orderId + "/refunds";
        ObjectNode links = n.putObject("_links");
        ArrayNode self = links.putArray("self");
        ArrayNode allow = self.addObject().put("href", collection + "/" + r.id).putObject("targetHints").putArray("allow");
        allow.add("GET").add("DELETE");
        links.set("collection", ProductJson.link(collection));
        links.set("up", ProductJson.link(store.apiUrl() + "/orders/" + r.orderId));
        return n;
    }
}
