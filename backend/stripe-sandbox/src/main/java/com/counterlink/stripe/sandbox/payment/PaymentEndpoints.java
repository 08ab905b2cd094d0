package com.counterlink.stripe.sandbox.payment;

import com.counterlink.stripe.sandbox.api.ApiCall;
import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ApiRouter;
import com.counterlink.stripe.sandbox.api.ListPage;
import com.counterlink.stripe.sandbox.api.ParamNames;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.api.Renderers;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.customer.Customers;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** {@code /v1/payment_methods}, {@code /v1/customers/{id}/payment_methods} and {@code GET /v1/setup_intents/{id}}. */
public final class PaymentEndpoints {
    private final Payments payments;
    private final Customers customers;

    public PaymentEndpoints(Payments payments, Customers customers) {
        this.payments = payments;
        this.customers = customers;
    }

    public void register(ApiRouter router, Renderers renderers) {
        router.get("/v1/payment_methods/{id}", c -> PaymentJson.paymentMethod(method(c)));
        router.get("/v1/payment_methods", c -> {
            Params p = c.params().allow(ParamNames.union(ListPage.PARAMS, ParamNames.of("customer", "type")));
            String customer = p.requireString("customer");
            return list(customers.require(customer, "customer"), p, "/v1/payment_methods");
        });
        router.get("/v1/customers/{id}/payment_methods", c -> {
            Customer customer = customers.find(c.path("id")).filter(x -> !x.deleted())
                    .orElseThrow(() -> ApiError.noSuchInPath("customer", c.path("id")));
            Params p = c.params().allow(ParamNames.union(ListPage.PARAMS, ParamNames.of("type", "allow_redisplay")));
            return list(customer, p, "/v1/customers/" + customer.id() + "/payment_methods");
        });
        router.post("/v1/payment_methods/{id}/attach", c -> {
            Params p = c.params().allow(ParamNames.of("customer"));
            Customer customer = customers.require(p.requireString("customer"), "customer");
            String id = c.path("id");
            if (payments.method(id).isEmpty() && TestCard.forToken(id).isEmpty()) throw ApiError.noSuchInPath("payment_method", id);
            return PaymentJson.paymentMethod(payments.attachMethod(id, customer, "payment_method"));
        });
        router.post("/v1/payment_methods/{id}/detach", c -> {
            c.params().allow(ParamNames.of());
            PaymentMethod pm = method(c);
            if (pm.customerId() == null) {
                throw ApiError.invalidRequest("The payment method " + pm.id() + " is not attached to a customer so detachment is impossible.");
            }
            payments.detach(pm);
            return PaymentJson.paymentMethod(pm);
        });
        router.get("/v1/setup_intents/{id}", c -> PaymentJson.setupIntent(payments.setupIntent(c.path("id"))
                .orElseThrow(() -> ApiError.noSuchInPath("setupintent", c.path("id")))));
        renderers.register("pm_", id -> payments.method(id).map(PaymentJson::paymentMethod));
        renderers.register("seti_", id -> payments.setupIntent(id).map(PaymentJson::setupIntent));
    }

    private ObjectNode list(Customer customer, Params p, String url) {
        p.oneOf("type", List.of("card"));
        return ListPage.of(payments.methodsOf(customer.id()), PaymentMethod::id, PaymentJson::paymentMethod, p, url, "payment_method");
    }

    private PaymentMethod method(ApiCall c) {
        return payments.method(c.path("id")).orElseThrow(() -> ApiError.noSuchInPath("payment_method", c.path("id")));
    }
}
