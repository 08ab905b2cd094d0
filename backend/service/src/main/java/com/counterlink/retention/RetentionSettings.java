package com.counterlink.retention;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * How long history is kept and how the hourly pass deletes it ({@code counterlink.retention.*}); every default is
 * what production uses (docs/operations.md, "Retention").
 */
@ConfigurationProperties("counterlink.retention")
public class RetentionSettings {

    /** Shortest hint retention accepted: a deleted hint lets a replay of its body in again (see the docs). */
    static final Duration MIN_WEBHOOK_HINTS = Duration.ofDays(1);
    static final Duration MIN_KEEP = Duration.ofHours(1);
    static final int MAX_BATCH_SIZE = 50_000;

    private boolean enabled = true;
    /** When the pass runs (cron, UTC); off the top of the hour, where every store's webhook check runs. */
    private String schedule = "17 * * * *";
    /** Rows deleted by one statement, each in a transaction of its own. */
    private int batchSize = 5_000;
    /** Rest between two full batches, so a large backlog does not hold the database busy. */
    private Duration pause = Duration.ofMillis(200);

    private Duration runItems = Duration.ofDays(30);
    private Duration runs = Duration.ofDays(90);
    private Duration bridgeTasks = Duration.ofDays(7);
    private Duration webhookHints = Duration.ofDays(7);
    private Duration bridgeNonces = Duration.ofDays(1);
    private Duration auditEvents = Duration.ofDays(730);
    private Duration staffAuditEvents = Duration.ofDays(730);

    /**
     * Refuses settings that would delete what is still needed: a nonce must outlive the time a signed bridge request
     * can be replayed ({@code 2 × maxClockSkew}), a hint at least a day (see {@link #MIN_WEBHOOK_HINTS}).
     */
    void check(Duration maxClockSkew) {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("counterlink.retention.batch-size must be between 1 and " + MAX_BATCH_SIZE
                    + ", not " + batchSize);
        }
        if (pause.isNegative()) {
            throw new IllegalArgumentException("counterlink.retention.pause must not be negative");
        }
        atLeast("run-items", runItems, MIN_KEEP);
        atLeast("runs", runs, MIN_KEEP);
        atLeast("bridge-tasks", bridgeTasks, MIN_KEEP);
        atLeast("audit-events", auditEvents, MIN_KEEP);
        atLeast("staff-audit-events", staffAuditEvents, MIN_KEEP);
        atLeast("webhook-hints", webhookHints, MIN_WEBHOOK_HINTS);
        atLeast("bridge-nonces", bridgeNonces, maxClockSkew.multipliedBy(2));
    }

    private static void atLeast(String name, Duration value, Duration minimum) {
        if (value == null || value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("counterlink.retention." + name + " must be at least " + minimum
                    + ", not " + value);
        }
    }

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getSchedule() { return schedule; }
    public void setSchedule(String schedule) { this.schedule = schedule; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
    public Duration getPause() { return pause; }
    public void setPause(Duration pause) { this.pause = pause; }
    public Duration getRunItems() { return runItems; }
    public void setRunItems(Duration runItems) { this.runItems = runItems; }
    public Duration getRuns() { return runs; }
    public void setRuns(Duration runs) { this.runs = runs; }
    public Duration getBridgeTasks() { return bridgeTasks; }
    public void setBridgeTasks(Duration bridgeTasks) { this.bridgeTasks = bridgeTasks; }
    public Duration getWebhookHints() { return webhookHints; }
    public void setWebhookHints(Duration webhookHints) { this.webhookHints = webhookHints; }
    public Duration getBridgeNonces() { return bridgeNonces; }
    public void setBridgeNonces(Duration bridgeNonces) { this.bridgeNonces = bridgeNonces; }
    public Duration getAuditEvents() { return auditEvents; }
    public void setAuditEvents(Duration auditEvents) { this.auditEvents = auditEvents; }
    public Duration getStaffAuditEvents() { return staffAuditEvents; }
    public void setStaffAuditEvents(Duration staffAuditEvents) { this.staffAuditEvents = staffAuditEvents; }
}
