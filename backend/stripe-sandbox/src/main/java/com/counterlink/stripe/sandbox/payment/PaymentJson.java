package com.counterlink.stripe.sandbox.payment;

import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders payment methods and SetupIntents. */
public final class PaymentJson {
    private PaymentJson() {}

    public static ObjectNode paymentMethod(PaymentMethod pm) {
        ObjectNode o = Json.object();
        o.put("id", pm.id());
        o.put("object", "payment_method");
        o.put("allow_redisplay", "unspecified");
        ObjectNode billing = o.putObject("billing_details");
        ObjectNode address = billing.putObject("address");
        for (String f : new String[]{"city", "country", "line1", "line2", "postal_code", "state"}) address.putNull(f);
        billing.putNull("email");
        billing.putNull("name");
        billing.putNull("phone");
        billing.putNull("tax_id");
        ObjectNode card = o.putObject("card");
        card.put("brand", pm.card().brand());
        ObjectNode checks = card.putObject("checks");
        checks.putNull("address_line1_check");
        checks.putNull("address_postal_code_check");
        checks.put("cvc_check", "pass");
        card.put("country", "US");
        card.put("display_brand", pm.card().brand());
        card.put("exp_month", 12);
        card.put("exp_year", 2034);
        card.put("fingerprint", pm.fingerprint());
        card.put("funding", pm.card().funding());
        card.putNull("generated_from");
        card.put("last4", pm.card().last4());
        ObjectNode networks = card.putObject("networks");
        networks.putArray("available").add(pm.card().brand());
        networks.putNull("preferred");
        card.put("regulated_status", "unregulated");
        card.putObject("three_d_secure_usage").put("supported", true);
        card.putNull("wallet");
        o.put("created", pm.created());
        Json.putNullable(o, "customer", pm.customerId());
        o.put("livemode", false);
        o.set("metadata", Json.metadata(pm.metadata()));
        o.put("type", "card");
        return o;
    }

    public static ObjectNode setupIntent(SetupIntent si) {
        ObjectNode o = Json.object();
        o.put("id", si.id());
        o.put("object", "setup_intent");
        o.putNull("application");
        o.putNull("automatic_payment_methods");
        o.putNull("cancellation_reason");
        o.put("client_secret", si.id() + "_secret_" + si.id().substring(5));
        o.put("created", si.created());
        o.put("customer", si.customerId());
        o.putNull("description");
        o.putArray("flow_directions");
        o.putNull("last_setup_error");
        o.putNull("latest_attempt");
        o.put("livemode", false);
        o.putNull("mandate");
        o.putObject("metadata");
        o.putNull("next_action");
        o.putNull("on_behalf_of");
        o.put("payment_method", si.paymentMethodId());
        o.putArray("payment_method_types").add("card");
        o.putNull("single_use_mandate");
        o.put("status", si.status());
        o.put("usage", "off_session");
        return o;
    }
}
