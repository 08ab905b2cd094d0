package com.counterlink.stripe.sandbox.customer;

import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** Renders a Customer as the 2026-07-29.dahlia API does (the keys of {@code fixtures/stripe/customer.json}). */
public final class CustomerJson {
    private static final List<String> ADDRESS_FIELDS = List.of("city", "country", "line1", "line2", "postal_code", "state");

    private CustomerJson() {}

    public static ObjectNode render(Customer c) {
        ObjectNode o = Json.object();
        if (c.deleted()) {
            o.put("id", c.id());
            o.put("object", "customer");
            o.put("deleted", true);
            return o;
        }
        if (c.address() == null) o.putNull("address"); else o.set("address", address(c.address()));
        o.put("balance", c.balance());
        o.put("created", c.created());
        Json.putNullable(o, "currency", c.currency());
        o.putNull("default_source");
        o.put("delinquent", c.delinquent());
        Json.putNullable(o, "description", c.description());
        o.putNull("discount");
        Json.putNullable(o, "email", c.email());
        o.put("id", c.id());
        o.put("invoice_prefix", c.invoicePrefix());
        ObjectNode settings = o.putObject("invoice_settings");
        settings.putNull("custom_fields");
        Json.putNullable(settings, "default_payment_method", c.defaultPaymentMethod());
        settings.putNull("footer");
        settings.putNull("rendering_options");
        o.put("livemode", false);
        o.set("metadata", Json.metadata(c.metadata()));
        Json.putNullable(o, "name", c.name());
        o.put("next_invoice_sequence", c.nextInvoiceSequence());
        o.put("object", "customer");
        Json.putNullable(o, "phone", c.phone());
        o.putArray("preferred_locales");
        o.putNull("shipping");
        o.put("tax_exempt", c.taxExempt());
        Json.putNullable(o, "test_clock", c.testClockId());
        return o;
    }

    public static ObjectNode address(java.util.Map<String, String> address) {
        ObjectNode a = Json.object();
        for (String f : ADDRESS_FIELDS) Json.putNullable(a, f, address.get(f));
        return a;
    }

    static List<String> addressFields() { return ADDRESS_FIELDS; }
}
