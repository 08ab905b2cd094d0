package com.counterlink.stripe.sandbox.catalog;

import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders products, prices and the legacy {@code plan} a subscription item still carries. */
public final class CatalogJson {
    private CatalogJson() {}

    public static ObjectNode product(Product p) {
        ObjectNode o = Json.object();
        o.put("active", p.active());
        o.put("created", p.created());
        Json.putNullable(o, "default_price", p.defaultPrice());
        Json.putNullable(o, "description", p.description());
        o.put("id", p.id());
        o.putArray("images");
        o.put("livemode", false);
        o.putArray("marketing_features");
        o.set("metadata", Json.metadata(p.metadata()));
        o.put("name", p.name());
        o.put("object", "product");
        o.putNull("package_dimensions");
        o.putNull("shippable");
        Json.putNullable(o, "statement_descriptor", p.statementDescriptor());
        o.putNull("tax_code");
        Json.putNullable(o, "unit_label", p.unitLabel());
        o.put("updated", p.updated());
        o.putNull("url");
        o.put("type", "service");
        return o;
    }

    public static ObjectNode price(Price p) {
        ObjectNode o = Json.object();
        o.put("active", p.active());
        o.put("billing_scheme", "per_unit");
        o.put("created", p.created());
        o.put("currency", p.currency());
        o.putNull("custom_unit_amount");
        o.put("id", p.id());
        o.put("livemode", false);
        Json.putNullable(o, "lookup_key", p.lookupKey());
        o.set("metadata", Json.metadata(p.metadata()));
        Json.putNullable(o, "nickname", p.nickname());
        o.put("object", "price");
        o.put("product", p.productId());
        if (p.recurring() == null) {
            o.putNull("recurring");
        } else {
            ObjectNode r = o.putObject("recurring");
            r.put("interval", p.recurring().interval());
            r.put("interval_count", p.recurring().intervalCount());
            r.putNull("meter");
            r.put("usage_type", p.recurring().usageType());
            Json.putNullable(r, "trial_period_days", p.recurring().trialPeriodDays());
        }
        Json.putNullable(o, "tax_behavior", p.taxBehavior());
        o.putNull("tiers_mode");
        o.putNull("transform_quantity");
        o.put("type", p.recurring() == null ? "one_time" : "recurring");
        o.put("unit_amount", p.unitAmount());
        o.put("unit_amount_decimal", Long.toString(p.unitAmount()));
        return o;
    }

    /** The legacy Plan view of a recurring price, still embedded in subscription items. */
    public static ObjectNode plan(Price p) {
        ObjectNode o = Json.object();
        o.put("active", p.active());
        o.put("amount", p.unitAmount());
        o.put("amount_decimal", Long.toString(p.unitAmount()));
        o.put("billing_scheme", "per_unit");
        o.put("created", p.created());
        o.put("currency", p.currency());
        o.put("id", p.id());
        o.put("interval", p.recurring().interval());
        o.put("interval_count", p.recurring().intervalCount());
        o.put("livemode", false);
        o.set("metadata", Json.metadata(p.metadata()));
        o.putNull("meter");
        Json.putNullable(o, "nickname", p.nickname());
        o.put("object", "plan");
        o.put("product", p.productId());
        o.putNull("tiers_mode");
        o.putNull("transform_usage");
        Json.putNullable(o, "trial_period_days", p.recurring().trialPeriodDays());
        o.put("usage_type", p.recurring().usageType());
        return o;
    }
}
