package com.counterlink.stripe.sandbox.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where events are POSTed: a URL, its signing secret and the event types it wants ({@code *} = all). */
public final class WebhookEndpoint {
    private final String id;
    private final long created;
    private final String secret;
    private String url;
    private List<String> enabledEvents;
    private String description;
    private boolean enabled = true;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    WebhookEndpoint(String id, long created, String url, String secret, List<String> enabledEvents) {
        this.id = id;
        this.created = created;
        this.url = url;
        this.secret = secret;
        this.enabledEvents = List.copyOf(enabledEvents);
    }

    public String id() { return id; }

    public long created() { return created; }

    public String secret() { return secret; }

    public String url() { return url; }

    void url(String v) { url = v; }

    public List<String> enabledEvents() { return enabledEvents; }

    void enabledEvents(List<String> v) { enabledEvents = List.copyOf(v); }

    public String description() { return description; }

    void description(String v) { description = v; }

    public boolean enabled() { return enabled; }

    void enabled(boolean v) { enabled = v; }

    public Map<String, String> metadata() { return metadata; }

    public boolean wants(String type) { return enabled && (enabledEvents.contains("*") || enabledEvents.contains(type)); }
}
