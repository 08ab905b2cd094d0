package com.counterlink.woo.sandbox;

import java.time.Clock;
import java.time.Duration;

/**
 * How a sandbox process runs.
 *
 * @param host                 bind address (loopback by default)
 * @param port                 0 picks a free port
 * @param treatAsHttps         authenticate every request as if it came over TLS, so Basic auth and query-string keys
 *                             work on the plain-HTTP sandbox (what WordPress behind a TLS proxy does). Off = genuine
 *                             plain-HTTP mode where only OAuth 1.0a authenticates.
 * @param trustForwardedProto  treat requests carrying {@code X-Forwarded-Proto: https} as TLS
 * @param webhookDelay         how long after the first queued webhook delivery the queue runner sends everything queued
 *                             (default 30 s, as on a quiet real store); negative = only on flush
 * @param webhookTimeout       per-delivery HTTP timeout (WooCommerce uses 60 s)
 * @param firstPostId          first id of WordPress's shared post sequence (products, variations, coupons, orders)
 * @param clock                initial time source of new stores
 */
public record WooSandboxConfig(String host, int port, boolean treatAsHttps, boolean trustForwardedProto,
                               Duration webhookDelay, Duration webhookTimeout, long firstPostId, Clock clock) {

    public static Builder builder() { return new Builder(); }

    public static WooSandboxConfig defaults() { return builder().build(); }

    /** Builder with WooCommerce-like defaults. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private boolean treatAsHttps;
        private boolean trustForwardedProto = true;
        /** A quiet real store runs its Action Scheduler queue (WP-Cron) 20-60 s after a change. */
        private Duration webhookDelay = Duration.ofSeconds(30);
        private Duration webhookTimeout = Duration.ofSeconds(60);
        private long firstPostId = 10;
        private Clock clock = Clock.systemUTC();

        public Builder host(String v) { host = v; return this; }

        public Builder port(int v) { port = v; return this; }

        public Builder treatAsHttps(boolean v) { treatAsHttps = v; return this; }

        public Builder trustForwardedProto(boolean v) { trustForwardedProto = v; return this; }

        public Builder webhookDelay(Duration v) { webhookDelay = v; return this; }

        public Builder webhookTimeout(Duration v) { webhookTimeout = v; return this; }

        public Builder firstPostId(long v) { firstPostId = v; return this; }

        public Builder clock(Clock v) { clock = v; return this; }

        public WooSandboxConfig build() {
            return new WooSandboxConfig(host, port, treatAsHttps, trustForwardedProto, webhookDelay, webhookTimeout, firstPostId, clock);
        }
    }
}
