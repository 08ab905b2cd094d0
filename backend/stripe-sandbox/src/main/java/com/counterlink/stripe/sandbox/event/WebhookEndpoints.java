package com.counterlink.stripe.sandbox.event;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.core.Ids;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account's webhook endpoints, set up through {@code /v1/webhook_endpoints} or the management API. */
public final class WebhookEndpoints {
    private final Map<String, WebhookEndpoint> endpoints = Collections.synchronizedMap(new java.util.LinkedHashMap<>());

    public WebhookEndpoint add(String url, String secret, List<String> enabledEvents, long created) {
        validateUrl(url);
        if (enabledEvents.isEmpty()) throw ApiError.missing("enabled_events");
        for (int i = 0; i < enabledEvents.size(); i++) {
            String type = enabledEvents.get(i);
            if (!type.equals("*") && !EventTypes.KNOWN.contains(type)) {
                throw ApiError.invalid("enabled_events[" + i + "]", "Invalid enabled_events[" + i + "]: " + type
                        + " is not an event type this Stripe sandbox knows; use * or one of the types in its README.");
            }
        }
        String s = secret == null ? "whsec_" + Ids.random(32) : secret;
        if (!s.startsWith("whsec_")) throw ApiError.invalid("secret", "Webhook signing secrets start with whsec_.");
        WebhookEndpoint endpoint = new WebhookEndpoint(Ids.next("we_"), created, url, s, enabledEvents);
        endpoints.put(endpoint.id(), endpoint);
        return endpoint;
    }

    static void validateUrl(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw ApiError.invalid("url", "Invalid URL: " + url + ". URLs must begin with http:// or https://");
        }
    }

    public Optional<WebhookEndpoint> find(String id) { return Optional.ofNullable(endpoints.get(id)); }

    public boolean remove(String id) { return endpoints.remove(id) != null; }

    public List<WebhookEndpoint> all() {
        synchronized (endpoints) {
            return new ArrayList<>(endpoints.values());
        }
    }
}
