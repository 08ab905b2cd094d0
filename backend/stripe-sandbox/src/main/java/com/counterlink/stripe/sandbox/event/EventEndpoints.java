package com.counterlink.stripe.sandbox.event;

import com.counterlink.stripe.sandbox.api.ApiCall;
import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ApiRouter;
import com.counterlink.stripe.sandbox.api.CreatedFilter;
import com.counterlink.stripe.sandbox.api.ListPage;
import com.counterlink.stripe.sandbox.api.ParamNames;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.api.Renderers;
import com.counterlink.stripe.sandbox.core.SandboxClock;
import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

/** {@code /v1/events} and {@code /v1/webhook_endpoints}. */
public final class EventEndpoints {
    private static final Set<String> LIST_PARAMS = ParamNames.union(ListPage.PARAMS, Set.of("type", "types", "created"));
    private static final Set<String> ENDPOINT_CREATE = Set.of("url", "enabled_events", "description", "metadata", "api_version");
    private static final Set<String> ENDPOINT_UPDATE = Set.of("url", "enabled_events", "description", "metadata", "disabled");

    private final EventLog log;
    private final WebhookEndpoints endpoints;
    private final SandboxClock clock;

    public EventEndpoints(EventLog log, WebhookEndpoints endpoints, SandboxClock clock) {
        this.log = log;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    public void register(ApiRouter router, Renderers renderers) {
        router.get("/v1/events", this::list);
        router.get("/v1/events/{id}", c -> EventJson.render(log.find(c.path("id")).orElseThrow(() -> ApiError.noSuchInPath("event", c.path("id")))));
        router.post("/v1/webhook_endpoints", this::createEndpoint);
        router.get("/v1/webhook_endpoints", c -> ListPage.of(endpointsNewestFirst(), WebhookEndpoint::id, e -> render(e, false),
                c.params().allow(ListPage.PARAMS), "/v1/webhook_endpoints", "webhook endpoint"));
        router.get("/v1/webhook_endpoints/{id}", c -> render(endpoint(c), false));
        router.post("/v1/webhook_endpoints/{id}", this::updateEndpoint);
        router.delete("/v1/webhook_endpoints/{id}", c -> {
            WebhookEndpoint e = endpoint(c);
            endpoints.remove(e.id());
            ObjectNode o = Json.object();
            o.put("id", e.id());
            o.put("object", "webhook_endpoint");
            o.put("deleted", true);
            return o;
        });
        renderers.register("evt_", id -> log.find(id).map(EventJson::render));
    }

    private ObjectNode list(ApiCall c) {
        Params p = c.params().allow(LIST_PARAMS);
        Set<String> types = new HashSet<>(p.strings("types"));
        if (types.size() > 20) throw ApiError.invalid("types", "You may pass at most 20 types.");
        Optional<String> type = p.nonEmptyString("type");
        if (type.isPresent() && !types.isEmpty()) throw ApiError.invalidRequest("You may only specify one of these parameters: type, types.");
        type.ifPresent(types::add);
        LongPredicate created = CreatedFilter.from(p, "created");
        List<Event> matching = log.newestFirst().stream()
                .filter(e -> types.isEmpty() || types.stream().anyMatch(t -> matches(t, e.type())))
                .filter(e -> created.test(e.created())).toList();
        return ListPage.of(matching, Event::id, EventJson::render, p, "/v1/events", "event");
    }

    /** {@code type} takes a trailing wildcard: {@code invoice.*}. */
    private static boolean matches(String pattern, String type) {
        return pattern.endsWith(".*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type);
    }

    private ObjectNode createEndpoint(ApiCall c) {
        Params p = c.params().allow(ENDPOINT_CREATE);
        String url = p.requireString("url");
        p.nonEmptyString("api_version").filter(v -> !v.equals(EventJson.API_VERSION)).ifPresent(v -> {
            throw ApiError.invalid("api_version", "This Stripe sandbox only renders events for API version " + EventJson.API_VERSION + ".");
        });
        WebhookEndpoint e = endpoints.add(url, null, p.strings("enabled_events"), clock.nowSeconds());
        p.nonEmptyString("description").ifPresent(e::description);
        p.applyMetadata(e.metadata());
        return render(e, true);
    }

    private ObjectNode updateEndpoint(ApiCall c) {
        WebhookEndpoint e = endpoint(c);
        Params p = c.params().allow(ENDPOINT_UPDATE);
        p.nonEmptyString("url").ifPresent(u -> {
            WebhookEndpoints.validateUrl(u);
            e.url(u);
        });
        if (p.has("enabled_events")) e.enabledEvents(p.strings("enabled_events"));
        p.string("description").ifPresent(d -> e.description(d.isEmpty() ? null : d));
        p.bool("disabled").ifPresent(d -> e.enabled(!d));
        p.applyMetadata(e.metadata());
        return render(e, false);
    }

    private WebhookEndpoint endpoint(ApiCall c) {
        return endpoints.find(c.path("id")).orElseThrow(() -> ApiError.noSuchInPath("webhook endpoint", c.path("id")));
    }

    private List<WebhookEndpoint> endpointsNewestFirst() {
        List<WebhookEndpoint> all = new java.util.ArrayList<>(endpoints.all());
        java.util.Collections.reverse(all);
        return all;
    }

    /** The secret is shown only in the create answer, as Stripe does. */
    public static ObjectNode render(WebhookEndpoint e, boolean withSecret) {
        ObjectNode o = Json.object();
        o.put("id", e.id());
        o.put("object", "webhook_endpoint");
        o.putNull("api_version");
        o.putNull("application");
        o.put("created", e.created());
        Json.putNullable(o, "description", e.description());
        var events = o.putArray("enabled_events");
        e.enabledEvents().forEach(events::add);
        o.put("livemode", false);
        o.set("metadata", Json.metadata(e.metadata()));
        if (withSecret) o.put("secret", e.secret());
        o.put("status", e.enabled() ? "enabled" : "disabled");
        o.put("url", e.url());
        return o;
    }
}
