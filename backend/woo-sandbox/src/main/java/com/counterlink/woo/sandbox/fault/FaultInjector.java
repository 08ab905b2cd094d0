package com.counterlink.woo.sandbox.fault;

import com.counterlink.woo.sandbox.http.Response;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Random;

/** Decides, deterministically for a given seed, which request gets which fault. */
public final class FaultInjector {
    private FaultConfig config = FaultConfig.none();
    private Random random = new Random(config.seed());
    private final Deque<Integer> scripted = new ArrayDeque<>();

    public synchronized void configure(FaultConfig config) {
        this.config = config;
        this.random = new Random(config.seed());
    }

    public synchronized FaultConfig config() { return config; }

    /** Queue exact statuses for the next requests (e.g. 429, 429, 503), before random faults apply. */
    public synchronized void failNext(int... statuses) {
        for (int s : statuses) scripted.add(s);
    }

    public synchronized void clear() {
        configure(FaultConfig.none());
        scripted.clear();
    }

    private record Decision(long sleepMillis, int status) {}

    /** @return a fault response, or empty to let the request through (after any latency). */
    public Optional<Response> apply() {
        Decision d = decide();
        if (d.sleepMillis() > 0) {
            try {
                Thread.sleep(d.sleepMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(Response.html(504, "<html><body><h1>504 Gateway Time-out</h1></body></html>"));
            }
        }
        if (d.status() == 0) return Optional.empty();
        return Optional.of(faultResponse(d.status()));
    }

    private synchronized Decision decide() {
        FaultConfig c = config;
        long sleep = c.latencyMillis();
        if (!scripted.isEmpty()) return new Decision(sleep, scripted.poll());
        if (c.isNone()) return new Decision(0, 0);
        // Always draw the same number of values per request so one rate does not shift another's sequence.
        double r429 = random.nextDouble();
        double r5xx = random.nextDouble();
        double rTimeout = random.nextDouble();
        if (r429 < c.rate429()) return new Decision(sleep, 429);
        if (r5xx < c.rate5xx()) return new Decision(sleep, c.status5xx());
        if (rTimeout < c.timeoutRate()) return new Decision(sleep + c.timeoutMillis(), 504);
        return new Decision(sleep, 0);
    }

    private Response faultResponse(int status) {
        if (status == 429) {
            Response r = Response.html(429, "<html><head><title>429 Too Many Requests</title></head><body><h1>Too Many Requests</h1></body></html>");
            r.header("Retry-After", String.valueOf(config().retryAfterSeconds()));
            return r;
        }
        String text = switch (status) {
            case 500 -> "500 Internal Server Error";
            case 502 -> "502 Bad Gateway";
            case 504 -> "504 Gateway Time-out";
            default -> status + " Service Temporarily Unavailable";
        };
        return Response.html(status, "<html><head><title>" + text + "</title></head><body><center><h1>" + text + "</h1></center></body></html>");
    }
}
