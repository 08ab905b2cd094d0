package com.counterlink.woo.sandbox.fault;

/**
 * Hosting-layer misbehaviour to simulate on a store's /wp-json requests (WooCommerce itself never rate-limits wc/v3).
 *
 * @param latencyMillis     added to every request
 * @param rate429           share of requests answered 429 with Retry-After
 * @param retryAfterSeconds the Retry-After value
 * @param rate5xx           share of requests answered with {@code status5xx}
 * @param status5xx         e.g. 500, 502, 503
 * @param timeoutRate       share of requests that hang for {@code timeoutMillis} before getting a 504
 * @param timeoutMillis     how long a "timeout" hangs (set it above the client's timeout)
 * @param seed              makes the sequence of faults reproducible
 */
public record FaultConfig(long latencyMillis, double rate429, int retryAfterSeconds, double rate5xx, int status5xx,
                          double timeoutRate, long timeoutMillis, long seed) {
    public static FaultConfig none() { return new FaultConfig(0, 0, 1, 0, 503, 0, 30_000, 42); }

    public boolean isNone() { return latencyMillis == 0 && rate429 == 0 && rate5xx == 0 && timeoutRate == 0; }
}
