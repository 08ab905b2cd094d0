package com.counterlink.woo.sandbox.tax;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.product.ProductJson;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.RoundingMode;

/** Renders tax rates as /wc/v3/taxes does. */
public final class TaxJson {
    private TaxJson() {}

    public static ObjectNode render(Store store, TaxRate t) {
        ObjectNode o = Json.object();
        o.put("id", t.id);
        o.put("country", t.country);
        o.put("state", t.state);
        o.put("postcode", t.postcode);
        o.put("city", t.city);
        o.put("rate", t.rate.setScale(4, RoundingMode.HALF_UP).toPlainString());
        o.put("name", t.name);
        o.put("priority", t.priority);
        o.put("compound", t.compound);
        o.put("shipping", t.shipping);
        o.put("order", t.order);
        o.put("class", t.taxClass);
        ArrayNode postcodes = o.putArray("postcodes");
        if (!t.postcode.isEmpty()) for (String p : t.postcode.split(";")) postcodes.add(p);
        ArrayNode cities = o.putArray("cities");
        if (!t.city.isEmpty()) for (String c : t.city.split(";")) cities.add(c);
        ObjectNode links = o.putObject("_links");
        links.set("self", ProductJson.selfLink(store.apiUrl() + "/taxes/" + t.id));
        links.set("collection", ProductJson.link(store.apiUrl() + "/taxes"));
        return o;
    }
}
