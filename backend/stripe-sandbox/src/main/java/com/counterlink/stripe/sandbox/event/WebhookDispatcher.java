package com.counterlink.stripe.sandbox.event;

import com.counterlink.stripe.sandbox.core.SandboxClock;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends events to endpoints, each delivery on its own thread: like Stripe, the order is not guaranteed. Any 2xx counts
 * as delivered; anything else (or no answer within the timeout) is retried after each of {@code retryDelays}. Every
 * attempt is signed anew with the wall-clock time, over exactly the bytes sent.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private final HttpClient http;
    private final SandboxClock clock;
    private final Duration timeout;
    private final List<Duration> retryDelays;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    private final List<WebhookDelivery> log = new CopyOnWriteArrayList<>();
    private final Map<PendingRetry, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();

    private record PendingRetry(Event event, byte[] payload, WebhookEndpoint endpoint, int attempt) {}

    public WebhookDispatcher(SandboxClock clock, Duration timeout, List<Duration> retryDelays) {
        this.clock = clock;
        this.timeout = timeout;
        this.retryDelays = List.copyOf(retryDelays);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void dispatch(Event event, byte[] payload, WebhookEndpoint endpoint) {
        senders.submit(() -> send(event, payload, endpoint, 1));
    }

    private void send(Event event, byte[] payload, WebhookEndpoint endpoint, int attempt) {
        long t = clock.wallSeconds();
        String signature = WebhookSignature.header(t, payload, endpoint.secret());
        int status = 0;
        String body = null;
        String error = null;
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint.url())).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Cache-Control", "no-cache")
                    .header("Accept", "*/*; q=0.5, application/xml")
                    .header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build();
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            status = resp.statusCode();
            body = resp.body().length() > 2000 ? resp.body().substring(0, 2000) : resp.body();
        } catch (IOException | IllegalArgumentException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean ok = status >= 200 && status < 300;
        Long nextRetryAt = null;
        if (ok) {
            event.delivered();
        } else if (attempt <= retryDelays.size()) {
            Duration delay = retryDelays.get(attempt - 1);
            nextRetryAt = t + Math.max(0, delay.toSeconds());
            PendingRetry retry = new PendingRetry(event, payload, endpoint, attempt + 1);
            scheduled.put(retry, retries.schedule(() -> runRetry(retry), delay.toMillis(), TimeUnit.MILLISECONDS));
        }
        log.add(new WebhookDelivery(event.id(), event.type(), endpoint.id(), endpoint.url(), attempt, t, signature,
                new String(payload, java.nio.charset.StandardCharsets.UTF_8), status, body, error, ok, nextRetryAt));
    }

    private void runRetry(PendingRetry retry) {
        if (scheduled.remove(retry) != null) send(retry.event, retry.payload, retry.endpoint, retry.attempt);
    }

    /** Sends every delivery waiting for a retry now (management API), and returns how many there were. */
    public int retryNow() {
        List<PendingRetry> due = new ArrayList<>(scheduled.keySet());
        int n = 0;
        for (PendingRetry r : due) {
            ScheduledFuture<?> f = scheduled.remove(r);
            if (f != null) {
                f.cancel(false);
                senders.submit(() -> send(r.event, r.payload, r.endpoint, r.attempt));
                n++;
            }
        }
        return n;
    }

    public List<WebhookDelivery> deliveries() { return List.copyOf(log); }

    public int waitingForRetry() { return scheduled.size(); }

    @Override
    public void close() {
        retries.shutdownNow();
        senders.shutdownNow();
        http.close();
    }
}
