package com.counterlink.stripe.sandbox.portal;

import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@code billing_portal.session}. */
final class PortalJson {
    private PortalJson() {}

    static ObjectNode render(PortalSession s, String url) {
        ObjectNode o = Json.object();
        o.put("configuration", s.configuration());
        o.put("created", s.created());
        o.put("customer", s.customerId());
        if (s.flowType() == null) {
            o.putNull("flow");
        } else {
            ObjectNode flow = o.putObject("flow");
            ObjectNode after = flow.putObject("after_completion");
            after.putNull("hosted_confirmation");
            after.putNull("redirect");
            after.put("type", "portal_homepage");
            flow.putNull("subscription_cancel");
            flow.putNull("subscription_update");
            flow.putNull("subscription_update_confirm");
            flow.put("type", s.flowType());
        }
        o.put("id", s.id());
        o.put("livemode", false);
        o.putNull("locale");
        o.put("object", "billing_portal.session");
        o.putNull("on_behalf_of");
        Json.putNullable(o, "return_url", s.returnUrl());
        o.put("url", url);
        o.putNull("customer_account");
        return o;
    }
}
