package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.api.ListPage;
import com.counterlink.stripe.sandbox.catalog.Catalog;
import com.counterlink.stripe.sandbox.catalog.CatalogJson;
import com.counterlink.stripe.sandbox.catalog.Price;
import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders subscriptions and their items as the 2026-07-29.dahlia API does (periods on the items). */
public final class SubscriptionJson {
    private final Catalog catalog;

    public SubscriptionJson(Catalog catalog) { this.catalog = catalog; }

    public ObjectNode subscription(Subscription s) {
        ObjectNode o = Json.object();
        o.putNull("application");
        o.putNull("application_fee_percent");
        ObjectNode tax = o.putObject("automatic_tax");
        tax.put("enabled", false);
        tax.putNull("liability");
        tax.putNull("disabled_reason");
        o.put("billing_cycle_anchor", s.billingCycleAnchor());
        o.putNull("billing_cycle_anchor_config");
        Json.putNullable(o, "cancel_at", s.cancelAt());
        Json.putNullable(o, "canceled_at", s.canceledAt());
        ObjectNode cancellation = o.putObject("cancellation_details");
        Json.putNullable(cancellation, "comment", s.cancellationComment());
        Json.putNullable(cancellation, "feedback", s.cancellationFeedback());
        Json.putNullable(cancellation, "reason", s.cancellationReason());
        o.put("collection_method", "charge_automatically");
        o.put("created", s.created());
        o.put("currency", s.currency());
        o.put("customer", s.customerId());
        o.putNull("days_until_due");
        Json.putNullable(o, "default_payment_method", s.defaultPaymentMethod());
        o.putNull("default_source");
        o.putArray("default_tax_rates");
        Json.putNullable(o, "description", s.description());
        o.putArray("discounts");
        Json.putNullable(o, "ended_at", s.endedAt());
        o.put("id", s.id());
        ObjectNode invoiceSettings = o.putObject("invoice_settings");
        invoiceSettings.putNull("account_tax_ids");
        invoiceSettings.putObject("issuer").put("type", "self");
        invoiceSettings.putNull("custom_fields");
        invoiceSettings.putNull("description");
        invoiceSettings.putNull("footer");
        o.set("items", ListPage.embedded(s.items(), this::item, 10, "/v1/subscription_items?subscription=" + s.id()));
        Json.putNullable(o, "latest_invoice", s.latestInvoice());
        o.put("livemode", false);
        o.set("metadata", Json.metadata(s.metadata()));
        o.putNull("next_pending_invoice_item_invoice");
        o.put("object", "subscription");
        o.putNull("on_behalf_of");
        o.putNull("pause_collection");
        ObjectNode payment = o.putObject("payment_settings");
        payment.putNull("payment_method_options");
        payment.putNull("payment_method_types");
        payment.put("save_default_payment_method", "off");
        o.putNull("pending_invoice_item_interval");
        o.putNull("pending_setup_intent");
        o.putNull("pending_update");
        o.putNull("schedule");
        o.put("start_date", s.created());
        o.put("status", s.status().wire());
        Json.putNullable(o, "test_clock", s.testClockId());
        o.putNull("transfer_data");
        Json.putNullable(o, "trial_end", s.trialEnd());
        o.putObject("trial_settings").putObject("end_behavior").put("missing_payment_method", s.missingPaymentMethod());
        Json.putNullable(o, "trial_start", s.trialStart());
        o.put("cancel_at_period_end", s.cancelAtPeriodEnd());
        o.putNull("billing_thresholds");
        ObjectNode mode = o.putObject("billing_mode");
        mode.put("type", s.billingMode());
        if (s.billingMode().equals("flexible")) mode.putObject("flexible").put("proration_discounts", "included");
        else mode.putNull("flexible");
        mode.put("updated_at", s.created());
        o.putNull("customer_account");
        o.putObject("managed_payments").put("enabled", false);
        o.putArray("billing_schedules");
        return o;
    }

    public ObjectNode item(SubscriptionItem i) {
        Price price = catalog.price(i.priceId()).orElseThrow();
        ObjectNode o = Json.object();
        o.put("created", i.created());
        o.putArray("discounts");
        o.put("id", i.id());
        o.set("metadata", Json.metadata(i.metadata()));
        o.put("object", "subscription_item");
        o.set("price", CatalogJson.price(price));
        o.put("quantity", i.quantity());
        o.put("subscription", i.subscriptionId());
        o.putArray("tax_rates");
        o.set("plan", CatalogJson.plan(price));
        o.put("current_period_end", i.currentPeriodEnd());
        o.put("current_period_start", i.currentPeriodStart());
        o.putNull("billing_thresholds");
        return o;
    }
}
