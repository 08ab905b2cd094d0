package com.counterlink.stripe.sandbox.event;

import com.counterlink.stripe.sandbox.core.Ids;
import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every event of the account, in the order they happened, and their delivery to the webhook endpoints that want them.
 * Events made while an API request runs carry its request id and idempotency key; automatic ones (renewals) carry null.
 * Called under the sandbox's state lock.
 */
public final class EventLog {
    private final Map<String, Event> events = new LinkedHashMap<>();
    private final WebhookEndpoints endpoints;
    private final WebhookDispatcher dispatcher;
    private String requestId;
    private String idempotencyKey;

    public EventLog(WebhookEndpoints endpoints, WebhookDispatcher dispatcher) {
        this.endpoints = endpoints;
        this.dispatcher = dispatcher;
    }

    /** Marks the events that follow as caused by this API request (null, null for automatic actions). */
    public void cause(String requestId, String idempotencyKey) {
        this.requestId = requestId;
        this.idempotencyKey = idempotencyKey;
    }

    public Event emit(String type, long created, ObjectNode object) { return emit(type, created, object, null); }

    /** An {@code *.updated} event, or none when nothing visible changed. */
    public Optional<Event> emitUpdated(String type, long created, ObjectNode before, ObjectNode after) {
        ObjectNode previous = PreviousAttributes.diff(before, after);
        if (previous.isEmpty()) return Optional.empty();
        return Optional.of(emit(type, created, after, previous));
    }

    private Event emit(String type, long created, ObjectNode object, ObjectNode previous) {
        if (!EventTypes.KNOWN.contains(type)) throw new IllegalArgumentException("Unknown event type " + type);
        Event event = new Event(Ids.next("evt_"), type, created, object.deepCopy(), previous, requestId, idempotencyKey);
        events.put(event.id(), event);
        List<WebhookEndpoint> targets = endpoints.all().stream().filter(e -> e.wants(type)).toList();
        event.pendingWebhooks(targets.size());
        byte[] payload = Json.bytes(EventJson.render(event));
        for (WebhookEndpoint endpoint : targets) dispatcher.dispatch(event, payload, endpoint);
        return event;
    }

    public Optional<Event> find(String id) { return Optional.ofNullable(events.get(id)); }

    public List<Event> newestFirst() {
        List<Event> list = new ArrayList<>(events.values());
        Collections.reverse(list);
        return list;
    }
}
