package com.counterlink.sync;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** The light polls' timings and bounds ({@code counterlink.light-poll.*}); every default is what production uses. */
@ConfigurationProperties("counterlink.light-poll")
public class LightPollSettings {

    private boolean enabled = true;
    /** Between two looks at a store that just had something new. */
    private Duration interval = Duration.ofSeconds(3);
    /** The longest wait while a store stays idle (×1.5 per idle look). */
    private Duration idleMaxInterval = Duration.ofSeconds(10);
    /** The longest wait while a store does not answer (×2 per failed look). */
    private Duration failingMaxInterval = Duration.ofSeconds(60);
    /** Looks running at once on one replica. */
    private int threads = 4;
    /** How often a replica asks for due stores. */
    private Duration tick = Duration.ofMillis(500);
    /** How long a replica may hold a store for one look; a replica that dies frees it after this. */
    private Duration lease = Duration.ofSeconds(60);

    public PollInterval pollInterval() {
        return new PollInterval(interval, idleMaxInterval, failingMaxInterval);
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Duration getInterval() { return interval; }
    public void setInterval(Duration interval) { this.interval = interval; }
    public Duration getIdleMaxInterval() { return idleMaxInterval; }
    public void setIdleMaxInterval(Duration idleMaxInterval) { this.idleMaxInterval = idleMaxInterval; }
    public Duration getFailingMaxInterval() { return failingMaxInterval; }
    public void setFailingMaxInterval(Duration failingMaxInterval) { this.failingMaxInterval = failingMaxInterval; }
    public int getThreads() { return threads; }
    public void setThreads(int threads) { this.threads = threads; }
    public Duration getTick() { return tick; }
    public void setTick(Duration tick) { this.tick = tick; }
    public Duration getLease() { return lease; }
    public void setLease(Duration lease) { this.lease = lease; }
}
