package com.counterlink.woo;

import java.time.Duration;

/**
 * Limits of one client.
 *
 * @param connectTimeout   TCP/TLS connect
 * @param readTimeout      whole request, per attempt (WooCommerce batches can be slow)
 * @param maxAttempts      attempts of an idempotent call (1 = no retry)
 * @param baseBackoff      first backoff step; doubles per attempt, full jitter
 * @param maxBackoff       cap of one wait, including a server's Retry-After
 * @param maxResponseBytes larger bodies are refused, not buffered
 */
public record WooClientConfig(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration baseBackoff,
                              Duration maxBackoff, long maxResponseBytes) {

    public static WooClientConfig defaults() {
        return new WooClientConfig(Duration.ofSeconds(10), Duration.ofSeconds(60), 5, Duration.ofMillis(500),
                Duration.ofSeconds(60), 16L * 1024 * 1024);
    }

    public WooClientConfig withReadTimeout(Duration value) {
        return new WooClientConfig(connectTimeout, value, maxAttempts, baseBackoff, maxBackoff, maxResponseBytes);
    }

    public WooClientConfig withBackoff(Duration base, Duration max) {
        return new WooClientConfig(connectTimeout, readTimeout, maxAttempts, base, max, maxResponseBytes);
    }

    public WooClientConfig withMaxAttempts(int value) {
        return new WooClientConfig(connectTimeout, readTimeout, value, baseBackoff, maxBackoff, maxResponseBytes);
    }

    public WooClientConfig withMaxResponseBytes(long value) {
        return new WooClientConfig(connectTimeout, readTimeout, maxAttempts, baseBackoff, maxBackoff, value);
    }
}
