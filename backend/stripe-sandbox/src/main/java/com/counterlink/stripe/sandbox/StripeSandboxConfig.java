package com.counterlink.stripe.sandbox;

import com.counterlink.stripe.sandbox.invoice.RetrySchedule;
import com.counterlink.stripe.sandbox.subscription.DunningOutcome;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How a Stripe sandbox runs.
 *
 * @param host                bind address (loopback by default)
 * @param port                0 picks a free port
 * @param clock               the account's time (objects not on a test clock); the management API can move it forward
 * @param webhookTimeout      how long an endpoint may take to answer a delivery
 * @param webhookRetryDelays  when a failed delivery is sent again, counted from the previous attempt. Stripe's test mode
 *                            retries three times over a few hours; the default is 5 min, 30 min and 2 h
 * @param paymentRetries      when a failed renewal payment is attempted again (Stripe's custom retry schedule)
 * @param dunningOutcome      what happens to a subscription when every retry failed (Stripe's default: cancel)
 * @param tick                how often the account's clock is checked for due renewals between requests; zero = only on
 *                            requests
 */
public record StripeSandboxConfig(String host, int port, Clock clock, Duration webhookTimeout, List<Duration> webhookRetryDelays,
                                  RetrySchedule paymentRetries, DunningOutcome dunningOutcome, Duration tick) {

    public StripeSandboxConfig {
        webhookRetryDelays = List.copyOf(webhookRetryDelays);
    }

    public static Builder builder() { return new Builder(); }

    public static StripeSandboxConfig defaults() { return builder().build(); }

    /** Builder with Stripe-like defaults. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private Duration webhookTimeout = Duration.ofSeconds(10);
        private List<Duration> webhookRetryDelays = List.of(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2));
        private RetrySchedule paymentRetries = RetrySchedule.defaults();
        private DunningOutcome dunningOutcome = DunningOutcome.CANCEL;
        private Duration tick = Duration.ofSeconds(1);

        public Builder host(String v) { host = v; return this; }

        public Builder port(int v) { port = v; return this; }

        public Builder clock(Clock v) { clock = v; return this; }

        public Builder webhookTimeout(Duration v) { webhookTimeout = v; return this; }

        public Builder webhookRetryDelays(List<Duration> v) { webhookRetryDelays = v; return this; }

        public Builder paymentRetries(RetrySchedule v) { paymentRetries = v; return this; }

        public Builder dunningOutcome(DunningOutcome v) { dunningOutcome = v; return this; }

        public Builder tick(Duration v) { tick = v; return this; }

        public StripeSandboxConfig build() {
            return new StripeSandboxConfig(host, port, clock, webhookTimeout, webhookRetryDelays, paymentRetries, dunningOutcome, tick);
        }
    }
}
