package com.counterlink.stripe.sandbox.checkout;

import com.counterlink.stripe.sandbox.api.ApiCall;
import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ApiRouter;
import com.counterlink.stripe.sandbox.api.ListPage;
import com.counterlink.stripe.sandbox.api.ParamNames;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.api.Renderers;
import com.counterlink.stripe.sandbox.core.TimeSource;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.customer.Customers;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/checkout/sessions}: setup mode only (saving a card for later invoices). */
public final class CheckoutEndpoints {
    private static final long MIN_EXPIRY = 30 * 60;
    private static final long MAX_EXPIRY = 24 * 3600;
    private static final Set<String> CREATE = ParamNames.of("mode", "customer", "currency", "success_url", "cancel_url", "client_reference_id",
            "metadata", "expires_at", "payment_method_types", "ui_mode", "setup_intent_data");
    private static final Set<String> UNIMPLEMENTED = ParamNames.of("line_items", "subscription_data", "payment_intent_data",
            "customer_email", "customer_creation", "allow_promotion_codes", "discounts", "automatic_tax", "locale", "consent_collection",
            "custom_fields", "custom_text", "billing_address_collection", "shipping_address_collection", "phone_number_collection",
            "tax_id_collection", "payment_method_collection", "return_url", "redirect_on_completion", "customer_update", "saved_payment_method_options");

    private final CheckoutSessions sessions;
    private final Customers customers;
    private final TimeSource time;

    public CheckoutEndpoints(CheckoutSessions sessions, Customers customers, TimeSource time) {
        this.sessions = sessions;
        this.customers = customers;
        this.time = time;
    }

    public void register(ApiRouter router, Renderers renderers) {
        router.post("/v1/checkout/sessions", this::create);
        router.get("/v1/checkout/sessions", this::list);
        router.get("/v1/checkout/sessions/{id}", c -> sessions.render(session(c)));
        router.post("/v1/checkout/sessions/{id}/expire", c -> {
            c.params().allow(ParamNames.of());
            CheckoutSession s = session(c);
            if (s.status() != CheckoutSession.Status.OPEN) {
                throw ApiError.invalidRequest("Only Checkout Sessions with a status of open can be expired.");
            }
            sessions.expire(s, sessions.now(s));
            return sessions.render(s);
        });
        renderers.register("cs_", id -> sessions.find(id).map(sessions::render));
    }

    private ObjectNode create(ApiCall c) {
        Params p = c.params().refuseUnimplemented(UNIMPLEMENTED).allow(CREATE);
        String mode = p.oneOf("mode", List.of("payment", "setup", "subscription")).orElseThrow(() -> ApiError.missing("mode"));
        if (!mode.equals("setup")) throw ApiError.notImplemented("mode=" + mode);
        String uiMode = p.oneOf("ui_mode", List.of("hosted_page", "embedded_page", "elements", "form")).orElse("hosted_page");
        if (!uiMode.equals("hosted_page")) throw ApiError.notImplemented("ui_mode=" + uiMode);
        String customerId = p.nonEmptyString("customer").orElseThrow(() -> ApiError.notImplemented("setup mode without customer"));
        Customer customer = customers.require(customerId, "customer");
        List<String> methodTypes = p.strings("payment_method_types");
        for (String t : methodTypes) if (!t.equals("card")) throw ApiError.notImplemented("payment_method_types[]=" + t);
        Optional<String> currency = p.nonEmptyString("currency");
        if (currency.isEmpty() && methodTypes.isEmpty()) throw ApiError.missing("currency");
        String successUrl = p.requireString("success_url");
        validateUrl(successUrl, "success_url");
        Optional<String> cancelUrl = p.nonEmptyString("cancel_url");
        cancelUrl.ifPresent(u -> validateUrl(u, "cancel_url"));
        p.object("setup_intent_data").ifPresent(d -> d.allow(ParamNames.of("metadata", "description")));
        long now = time.now(customer.testClockId());
        long expiresAt = p.longValue("expires_at").orElse(now + MAX_EXPIRY);
        if (expiresAt < now + MIN_EXPIRY || expiresAt > now + MAX_EXPIRY) {
            throw ApiError.invalid("expires_at", "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.");
        }
        CheckoutSession s = sessions.create(now, expiresAt, customer.id(), currency.orElse(customer.currency() == null ? "usd" : customer.currency()),
                successUrl, cancelUrl.orElse(null), p.nonEmptyString("client_reference_id").orElse(null));
        p.applyMetadata(s.metadata());
        return sessions.render(s);
    }

    private ObjectNode list(ApiCall c) {
        Params p = c.params().allow(ParamNames.union(ListPage.PARAMS, ParamNames.of("customer", "status")));
        Optional<String> customer = p.nonEmptyString("customer");
        Optional<String> status = p.oneOf("status", List.of("open", "complete", "expired"));
        List<CheckoutSession> matching = sessions.newestFirst().stream()
                .filter(s -> customer.map(s.customerId()::equals).orElse(true))
                .filter(s -> status.map(s.status().wire()::equals).orElse(true)).toList();
        return ListPage.of(matching, CheckoutSession::id, sessions::render, p, "/v1/checkout/sessions", "checkout.session");
    }

    private static void validateUrl(String url, String param) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw ApiError.invalid(param, "Not a valid URL");
        }
    }

    private CheckoutSession session(ApiCall c) {
        return sessions.find(c.path("id")).orElseThrow(() -> ApiError.noSuchInPath("checkout.session", c.path("id")));
    }
}
