package com.counterlink.stripe.sandbox.portal;

import com.counterlink.stripe.sandbox.api.ApiCall;
import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ApiRouter;
import com.counterlink.stripe.sandbox.api.ParamNames;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.core.Ids;
import com.counterlink.stripe.sandbox.core.TimeSource;
import com.counterlink.stripe.sandbox.customer.Customer;
import com.counterlink.stripe.sandbox.customer.Customers;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code POST /v1/billing_portal/sessions}: a link to the sandbox's portal page for one customer. */
public final class Portal {
    private final Map<String, PortalSession> sessions = new LinkedHashMap<>();
    private final Customers customers;
    private final TimeSource time;
    private final Supplier<String> baseUrl;
    private final String defaultConfiguration = "bpc_" + Ids.random(24);

    public Portal(Customers customers, TimeSource time, Supplier<String> baseUrl) {
        this.customers = customers;
        this.time = time;
        this.baseUrl = baseUrl;
    }

    public void register(ApiRouter router) { router.post("/v1/billing_portal/sessions", this::create); }

    private ObjectNode create(ApiCall c) {
        Params p = c.params().refuseUnimplemented(ParamNames.of("on_behalf_of", "customer_account"))
                .allow(ParamNames.of("customer", "return_url", "configuration", "locale", "flow_data"));
        Customer customer = customers.require(p.requireString("customer"), "customer");
        Optional<String> configuration = p.nonEmptyString("configuration");
        configuration.filter(id -> !id.equals(defaultConfiguration)).ifPresent(id -> {
            throw ApiError.noSuchParam("billing_portal.configuration", id, "configuration");
        });
        Optional<String> returnUrl = p.nonEmptyString("return_url");
        returnUrl.filter(u -> !u.startsWith("http://") && !u.startsWith("https://")).ifPresent(u -> {
            throw ApiError.invalid("return_url", "Not a valid URL");
        });
        String flowType = p.object("flow_data").map(f -> f.refuseUnimplemented(ParamNames.of("after_completion", "subscription_cancel",
                "subscription_update", "subscription_update_confirm")).allow(ParamNames.of("type"))
                .oneOf("type", List.of("payment_method_update", "subscription_cancel", "subscription_update", "subscription_update_confirm"))
                .orElseThrow(() -> ApiError.missing("flow_data[type]"))).orElse(null);
        if (flowType != null && !flowType.equals("payment_method_update")) throw ApiError.notImplemented("flow_data[type]=" + flowType);
        PortalSession s = new PortalSession("bps_" + Ids.random(24), time.now(customer.testClockId()), customer.id(), returnUrl.orElse(null),
                defaultConfiguration, flowType);
        sessions.put(s.id(), s);
        return PortalJson.render(s, url(s));
    }

    String url(PortalSession s) { return baseUrl.get() + "/p/session/" + s.id(); }

    Optional<PortalSession> find(String id) { return Optional.ofNullable(sessions.get(id)); }

}
