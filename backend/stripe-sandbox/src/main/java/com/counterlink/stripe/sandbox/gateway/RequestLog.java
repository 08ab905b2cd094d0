package com.counterlink.stripe.sandbox.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The last requests, for {@code error.request_log_url} ({@code /__sandbox/logs/{request id}}). */
public final class RequestLog {
    private static final int KEEP = 2000;

    /** One request as the log page shows it. */
    public record Entry(String requestId, String method, String path, int status, String idempotencyKey, boolean replayed, String error,
                        String requestBody) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RequestLog.Entry> eldest) { return size() > KEEP; }
    };

    synchronized void add(Entry e) { entries.put(e.requestId(), e); }

    public synchronized Optional<Entry> find(String requestId) { return Optional.ofNullable(entries.get(requestId)); }
}
