package com.counterlink.stripe.sandbox.invoice;

import com.counterlink.stripe.sandbox.api.ListPage;
import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * Renders invoices, their lines and invoice items as the 2026-07-29.dahlia API does: the subscription link is
 * {@code parent.subscription_details.subscription} (the top-level {@code subscription} left in basil), and a line's
 * proration flag sits under its {@code parent} branch.
 */
public final class InvoiceJson {
    static final int EMBEDDED_LINES = 10;

    private InvoiceJson() {}

    public static ObjectNode invoice(Invoice inv) {
        ObjectNode o = Json.object();
        o.put("account_country", "US");
        o.put("account_name", "Counterlink (Stripe sandbox)");
        o.putNull("account_tax_ids");
        o.put("amount_due", inv.status() == InvoiceStatus.DRAFT ? Math.max(0, inv.total()) : inv.amountDue());
        o.put("amount_paid", inv.amountPaid());
        o.put("amount_remaining", inv.status() == InvoiceStatus.DRAFT ? Math.max(0, inv.total()) : inv.amountRemaining());
        o.put("amount_shipping", 0);
        o.putNull("application");
        o.put("attempt_count", inv.attemptCount());
        o.put("attempted", inv.attempted());
        o.put("auto_advance", inv.autoAdvance());
        ObjectNode tax = o.putObject("automatic_tax");
        tax.put("enabled", false);
        tax.putNull("liability");
        tax.putNull("status");
        tax.putNull("disabled_reason");
        tax.putNull("provider");
        o.put("billing_reason", inv.billingReason());
        o.put("collection_method", "charge_automatically");
        o.put("created", inv.created());
        o.put("currency", inv.currency());
        o.putNull("custom_fields");
        o.put("customer", inv.customerId());
        Invoice.CustomerSnapshot c = inv.customer();
        if (c == null || c.address() == null) o.putNull("customer_address");
        else o.set("customer_address", com.counterlink.stripe.sandbox.customer.CustomerJson.address(c.address()));
        Json.putNullable(o, "customer_email", c == null ? null : c.email());
        Json.putNullable(o, "customer_name", c == null ? null : c.name());
        Json.putNullable(o, "customer_phone", c == null ? null : c.phone());
        o.putNull("customer_shipping");
        o.put("customer_tax_exempt", c == null ? "none" : c.taxExempt());
        o.putArray("customer_tax_ids");
        o.putNull("default_payment_method");
        o.putNull("default_source");
        o.putArray("default_tax_rates");
        o.putNull("description");
        o.putArray("discounts");
        o.putNull("due_date");
        Json.putNullable(o, "effective_at", inv.finalizedAt());
        Json.putNullable(o, "ending_balance", inv.endingBalance());
        o.putNull("footer");
        o.putNull("from_invoice");
        Json.putNullable(o, "hosted_invoice_url", inv.hostedInvoiceUrl());
        o.put("id", inv.id());
        Json.putNullable(o, "invoice_pdf", inv.invoicePdf());
        o.putObject("issuer").put("type", "self");
        o.putNull("last_finalization_error");
        o.putNull("latest_revision");
        o.set("lines", ListPage.embedded(inv.lines(), InvoiceJson::line, EMBEDDED_LINES, "/v1/invoices/" + inv.id() + "/lines"));
        o.put("livemode", false);
        o.set("metadata", Json.metadata(inv.metadata()));
        Json.putNullable(o, "next_payment_attempt", inv.nextPaymentAttempt());
        Json.putNullable(o, "number", inv.number());
        o.put("object", "invoice");
        o.putNull("on_behalf_of");
        ObjectNode payment = o.putObject("payment_settings");
        payment.putNull("default_mandate");
        payment.putNull("payment_method_options");
        payment.putNull("payment_method_types");
        o.put("period_end", inv.periodEnd());
        o.put("period_start", inv.periodStart());
        o.put("post_payment_credit_notes_amount", 0);
        o.put("pre_payment_credit_notes_amount", 0);
        o.putNull("receipt_number");
        ObjectNode rendering = o.putObject("rendering");
        rendering.putNull("amount_tax_display");
        rendering.putObject("pdf").put("page_size", "auto");
        rendering.putNull("template");
        rendering.putNull("template_version");
        o.putNull("shipping_cost");
        o.putNull("shipping_details");
        o.put("starting_balance", inv.startingBalance());
        o.putNull("statement_descriptor");
        o.put("status", inv.status().wire());
        ObjectNode transitions = o.putObject("status_transitions");
        Json.putNullable(transitions, "finalized_at", inv.finalizedAt());
        Json.putNullable(transitions, "marked_uncollectible_at", inv.markedUncollectibleAt());
        Json.putNullable(transitions, "paid_at", inv.paidAt());
        Json.putNullable(transitions, "voided_at", inv.voidedAt());
        o.put("subtotal", inv.subtotal());
        o.put("subtotal_excluding_tax", inv.subtotal());
        Json.putNullable(o, "test_clock", inv.testClockId());
        o.put("total", inv.total());
        o.putArray("total_discount_amounts");
        o.put("total_excluding_tax", inv.total());
        Json.putNullable(o, "webhooks_delivered_at", inv.isPreview() ? null : inv.created());
        Json.putNullable(o, "automatically_finalizes_at", inv.automaticallyFinalizesAt());
        o.putArray("total_pretax_credit_amounts");
        o.putArray("total_taxes");
        o.put("amount_overpaid", 0);
        o.put("amount_paid_off_stripe", 0);
        if (inv.subscriptionId() == null) {
            o.putNull("parent");
        } else {
            ObjectNode parent = o.putObject("parent");
            parent.putNull("quote_details");
            ObjectNode details = parent.putObject("subscription_details");
            details.set("metadata", inv.subscriptionMetadata() == null ? null : Json.metadata(new java.util.TreeMap<>(inv.subscriptionMetadata())));
            details.put("subscription", inv.subscriptionId());
            if (inv.subscriptionProrationDate() != null) details.put("subscription_proration_date", inv.subscriptionProrationDate());
            parent.put("type", "subscription_details");
        }
        o.putNull("customer_account");
        return o;
    }

    public static ObjectNode line(InvoiceLine line) {
        Charged ch = line.charged();
        ObjectNode o = Json.object();
        o.put("amount", ch.amount());
        o.put("currency", ch.currency());
        o.put("description", ch.description());
        o.putArray("discount_amounts");
        o.put("discountable", !ch.proration());
        o.putArray("discounts");
        o.put("id", line.id());
        o.put("invoice", line.invoiceId());
        o.put("livemode", false);
        o.putObject("metadata");
        o.put("object", "line_item");
        period(o, ch);
        o.put("quantity", ch.quantity());
        Json.putNullable(o, "subscription", ch.subscriptionId());
        o.putArray("pretax_credit_amounts");
        o.putArray("taxes");
        ObjectNode parent = o.putObject("parent");
        if (line.source() == LineSource.INVOICE_ITEM) {
            ObjectNode d = parent.putObject("invoice_item_details");
            d.put("invoice_item", line.invoiceItemId());
            d.put("proration", ch.proration());
            d.putObject("proration_details").putNull("credited_items");
            Json.putNullable(d, "subscription", ch.subscriptionId());
            parent.putNull("subscription_item_details");
        } else {
            parent.putNull("invoice_item_details");
            ObjectNode d = parent.putObject("subscription_item_details");
            d.putNull("invoice_item");
            d.put("proration", ch.proration());
            d.putObject("proration_details").putNull("credited_items");
            d.put("subscription", ch.subscriptionId());
            d.put("subscription_item", ch.subscriptionItemId());
        }
        parent.put("type", line.source().wire());
        pricing(o, ch);
        o.put("subtotal", ch.amount());
        o.put("quantity_decimal", Long.toString(ch.quantity()));
        return o;
    }

    public static ObjectNode item(InvoiceItem item) {
        Charged ch = item.charged();
        ObjectNode o = Json.object();
        o.put("amount", ch.amount());
        o.put("currency", ch.currency());
        o.put("customer", item.customerId());
        o.put("date", item.date());
        o.put("description", ch.description());
        o.put("discountable", !ch.proration());
        o.putArray("discounts");
        o.put("id", item.id());
        Json.putNullable(o, "invoice", item.invoiceId());
        o.put("livemode", false);
        o.set("metadata", Json.metadata(item.metadata()));
        o.put("object", "invoiceitem");
        period(o, ch);
        o.put("proration", ch.proration());
        o.put("quantity", ch.quantity());
        o.putArray("tax_rates");
        Json.putNullable(o, "test_clock", item.testClockId());
        if (ch.subscriptionId() == null) {
            o.putNull("parent");
        } else {
            ObjectNode parent = o.putObject("parent");
            ObjectNode details = parent.putObject("subscription_details");
            details.put("subscription", ch.subscriptionId());
            Json.putNullable(details, "subscription_item", ch.subscriptionItemId());
            parent.put("type", "subscription_details");
        }
        pricing(o, ch);
        o.put("net_amount", ch.amount());
        o.putNull("customer_account");
        o.put("quantity_decimal", Long.toString(ch.quantity()));
        ObjectNode proration = o.putObject("proration_details");
        proration.putNull("credited_items");
        proration.putArray("discount_amounts");
        return o;
    }

    private static void period(ObjectNode o, Charged ch) {
        ObjectNode period = o.putObject("period");
        period.put("end", ch.periodEnd());
        period.put("start", ch.periodStart());
    }

    private static void pricing(ObjectNode o, Charged ch) {
        ObjectNode pricing = o.putObject("pricing");
        ObjectNode details = pricing.putObject("price_details");
        details.put("price", ch.priceId());
        details.put("product", ch.productId());
        pricing.put("type", "price_details");
        pricing.put("unit_amount_decimal", ch.unitAmountDecimal());
    }

}
