package com.counterlink.bridge;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/** Timings of enrollment and the task channel; every default is what production uses. */
@ConfigurationProperties("counterlink.bridge")
public class BridgeSettings {

    private Duration tokenLifetime = Duration.ofMinutes(60);
    private Duration lease = Duration.ofSeconds(60);
    private Duration onlineWindow = Duration.ofSeconds(60);
    private Duration maxClockSkew = Duration.ofMinutes(5);
    private Duration longPoll = Duration.ofSeconds(25);
    /** How often a waiting request re-reads the table, for work queued through another replica. */
    private Duration recheck = Duration.ofMillis(250);

    public Duration getTokenLifetime() { return tokenLifetime; }
    public void setTokenLifetime(Duration tokenLifetime) { this.tokenLifetime = tokenLifetime; }
    public Duration getLease() { return lease; }
    public void setLease(Duration lease) { this.lease = lease; }
    public Duration getOnlineWindow() { return onlineWindow; }
    public void setOnlineWindow(Duration onlineWindow) { this.onlineWindow = onlineWindow; }
    public Duration getMaxClockSkew() { return maxClockSkew; }
    public void setMaxClockSkew(Duration maxClockSkew) { this.maxClockSkew = maxClockSkew; }
    public Duration getLongPoll() { return longPoll; }
    public void setLongPoll(Duration longPoll) { this.longPoll = longPoll; }
    public Duration getRecheck() { return recheck; }
    public void setRecheck(Duration recheck) { this.recheck = recheck; }
}
