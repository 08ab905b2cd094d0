package com.counterlink.stripe.sandbox.checkout;

import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a setup-mode {@code checkout.session} (the keys of {@code fixtures/stripe/checkout.session.json}). */
final class CheckoutJson {
    private CheckoutJson() {}

    static ObjectNode render(CheckoutSession s, Customer customer, String pageUrl) {
        ObjectNode o = Json.object();
        o.putNull("after_expiration");
        o.putNull("allow_promotion_codes");
        o.putNull("amount_subtotal");
        o.putNull("amount_total");
        ObjectNode tax = o.putObject("automatic_tax");
        tax.put("enabled", false);
        tax.putNull("liability");
        tax.putNull("status");
        tax.putNull("provider");
        o.putNull("billing_address_collection");
        Json.putNullable(o, "cancel_url", s.cancelUrl());
        Json.putNullable(o, "client_reference_id", s.clientReferenceId());
        o.putNull("client_secret");
        o.putNull("consent");
        o.putNull("consent_collection");
        o.put("created", s.created());
        o.put("currency", s.currency());
        o.putArray("custom_fields");
        ObjectNode text = o.putObject("custom_text");
        text.putNull("after_submit");
        text.putNull("shipping_address");
        text.putNull("submit");
        text.putNull("terms_of_service_acceptance");
        o.put("customer", s.customerId());
        o.putNull("customer_creation");
        if (s.status() == CheckoutSession.Status.COMPLETE) {
            ObjectNode details = o.putObject("customer_details");
            details.putNull("address");
            Json.putNullable(details, "email", customer.email());
            Json.putNullable(details, "name", customer.name());
            Json.putNullable(details, "phone", customer.phone());
            details.put("tax_exempt", customer.taxExempt());
            details.putNull("tax_ids");
            details.putNull("business_name");
            details.putNull("individual_name");
        } else {
            o.putNull("customer_details");
        }
        o.putNull("customer_email");
        o.put("expires_at", s.expiresAt());
        o.put("id", s.id());
        o.putNull("invoice");
        o.putNull("invoice_creation");
        o.put("livemode", false);
        o.putNull("locale");
        o.set("metadata", Json.metadata(s.metadata()));
        o.put("mode", "setup");
        o.put("object", "checkout.session");
        o.putNull("payment_intent");
        o.putNull("payment_link");
        o.putNull("payment_method_collection");
        o.putNull("payment_method_configuration_details");
        o.putObject("payment_method_options");
        o.putArray("payment_method_types").add("card");
        o.put("payment_status", "no_payment_required");
        o.putObject("phone_number_collection").put("enabled", false);
        o.putNull("recovered_from");
        o.putNull("saved_payment_method_options");
        Json.putNullable(o, "setup_intent", s.setupIntentId());
        o.putNull("shipping_address_collection");
        o.putNull("shipping_cost");
        o.putArray("shipping_options");
        o.put("status", s.status().wire());
        o.putNull("submit_type");
        o.putNull("subscription");
        o.put("success_url", s.successUrl());
        o.putNull("total_details");
        o.put("ui_mode", "hosted_page");
        Json.putNullable(o, "url", s.status() == CheckoutSession.Status.OPEN ? pageUrl : null);
        o.putNull("adaptive_pricing");
        o.putNull("discounts");
        o.putNull("collected_information");
        o.putNull("permissions");
        o.putNull("wallet_options");
        o.putNull("origin_context");
        o.putNull("currency_conversion");
        o.putNull("customer_account");
        o.putNull("integration_identifier");
        o.putNull("managed_payments");
        return o;
    }
}
