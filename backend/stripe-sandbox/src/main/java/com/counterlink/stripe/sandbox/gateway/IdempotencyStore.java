package com.counterlink.stripe.sandbox.gateway;

import java.util.HashMap;
import java.util.Map;

/**
 * Saved results of idempotent POSTs, per API key and {@code Idempotency-Key}: a retry with the same parameters gets
 * the first status and body back; other parameters are an {@code idempotency_error}; a key whose request is still
 * running is a 409. Keys are kept 24 hours (wall clock), after which a key starts fresh.
 */
final class IdempotencyStore {
    static final long KEEP_SECONDS = 24 * 3600;

    /** What to do with a request carrying a key. */
    sealed interface Decision permits Proceed, Replay, Mismatch, InFlight {}

    record Proceed() implements Decision {}

    record Replay(Saved saved) implements Decision {}

    record Mismatch() implements Decision {}

    record InFlight() implements Decision {}

    record Saved(String fingerprint, int status, byte[] body, String requestId, long savedAt) {}

    private record Running(String fingerprint) {}

    private final Map<String, Object> entries = new HashMap<>();

    synchronized Decision begin(String apiKey, String key, String fingerprint, long now) {
        String id = apiKey + "\n" + key;
        Object entry = entries.get(id);
        if (entry instanceof Saved saved && now - saved.savedAt() >= KEEP_SECONDS) {
            entries.remove(id);
            entry = null;
        }
        if (entry instanceof Running) return new InFlight();
        if (entry instanceof Saved saved) return saved.fingerprint().equals(fingerprint) ? new Replay(saved) : new Mismatch();
        entries.put(id, new Running(fingerprint));
        return new Proceed();
    }

    /** Saves the result, or forgets the key when the request was refused before it ran (parameters, missing objects). */
    synchronized void finish(String apiKey, String key, String fingerprint, int status, byte[] body, String requestId, long now, boolean save) {
        String id = apiKey + "\n" + key;
        if (save) entries.put(id, new Saved(fingerprint, status, body, requestId, now));
        else entries.remove(id);
    }
}
