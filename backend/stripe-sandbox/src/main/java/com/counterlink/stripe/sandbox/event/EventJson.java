package com.counterlink.stripe.sandbox.event;

import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders an Event envelope as the 2026-07-29.dahlia API does. */
public final class EventJson {
    /** The API version the sandbox speaks; stripe-java 33.2.0 only types {@code data.object} for a {@code .dahlia} event. */
    public static final String API_VERSION = "2026-07-29.dahlia";

    private EventJson() {}

    public static ObjectNode render(Event e) {
        ObjectNode o = Json.object();
        o.put("id", e.id());
        o.put("object", "event");
        o.put("api_version", API_VERSION);
        o.put("created", e.created());
        ObjectNode data = o.putObject("data");
        data.set("object", e.dataObject().deepCopy());
        if (e.previousAttributes() != null) data.set("previous_attributes", e.previousAttributes().deepCopy());
        o.put("livemode", false);
        o.put("pending_webhooks", e.pendingWebhooks());
        ObjectNode request = o.putObject("request");
        Json.putNullable(request, "id", e.requestId());
        Json.putNullable(request, "idempotency_key", e.idempotencyKey());
        o.put("type", e.type());
        return o;
    }
}
