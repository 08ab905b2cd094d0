package com.counterlink.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Collects a run's counts and per-item outcomes while it goes, writing the items in batches so a
 * catalog-sized run keeps memory flat, and the counts so far at most once a second so the portal
 * can show a running sync's progress. A batch of items is written while the job goes on (one write
 * in flight); the run's end waits for the last one.
 */
public class RunLog {

    private static final int FLUSH_EVERY = 500;
    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final RunRecorder recorder;
    private final UUID tenantId;
    private final UUID runId;
    private final List<SyncRunItem> pending = new ArrayList<>();
    private int read;
    private int created;
    private int updated;
    private int unchanged;
    private int failed;
    private Integer total;
    private String note;
    private long progressWrittenAt = System.nanoTime();
    private WriteBehind saving = WriteBehind.NONE;

    RunLog(RunRecorder recorder, UUID tenantId, UUID runId) {
        this.recorder = recorder;
        this.tenantId = tenantId;
        this.runId = runId;
    }

    public void read(int count) {
        read += count;
        progress();
    }

    /** How many items this run will go through, once the job knows it. */
    public void expect(int items) {
        total = items;
        recorder.progress(tenantId, runId, counts(), total);
        progressWrittenAt = System.nanoTime();
    }

    public void outcome(String itemKey, ItemOutcome outcome) {
        switch (outcome) {
            case CREATED, ADOPTED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case FAILED -> failed++;
            case SKIPPED -> { }
        }
        // unchanged items are counted, not listed: a run over a whole catalog stays readable
        if (outcome != ItemOutcome.UNCHANGED) {
            add(new SyncRunItem(null, tenantId, runId, itemKey, outcome, null, null, null));
        }
        progress();
    }

    /** An outcome with why it happened, e.g. what a reconcile fixed. */
    public void outcome(String itemKey, ItemOutcome outcome, String reason) {
        if (reason == null) {
            outcome(itemKey, outcome);
            return;
        }
        switch (outcome) {
            case CREATED, ADOPTED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case FAILED -> failed++;
            case SKIPPED -> { }
        }
        add(new SyncRunItem(null, tenantId, runId, itemKey, outcome, null, reason, null));
        progress();
    }

    /** An item that could not be synced: what happened, in words, and what a person can do. */
    public void failed(String itemKey, String errorCode, String reason, String actionHint) {
        failed++;
        add(new SyncRunItem(null, tenantId, runId, itemKey, ItemOutcome.FAILED, errorCode, reason, actionHint));
        progress();
    }

    private void add(SyncRunItem item) {
        pending.add(item);
        if (pending.size() >= FLUSH_EVERY) {
            flush();
        }
    }

    private void progress() {
        long now = System.nanoTime();
        if (now - progressWrittenAt >= PROGRESS_EVERY_NANOS) {
            progressWrittenAt = now;
            recorder.progress(tenantId, runId, counts(), total);
        }
    }

    private void flush() {
        awaitWrite();
        if (!pending.isEmpty()) {
            List<SyncRunItem> batch = List.copyOf(pending);
            pending.clear();
            saving = WriteBehind.start(() -> recorder.saveItems(tenantId, batch));
        }
    }

    /** Writes the items not written yet and waits until every item is stored. */
    void drain() {
        flush();
        awaitWrite();
    }

    /** A failed write fails here, once: the run's end then records the failure. */
    private void awaitWrite() {
        WriteBehind previous = saving;
        saving = WriteBehind.NONE;
        previous.await();
    }

    /** Something about the run as a whole that a person should know, such as why it read every item. */
    public void note(String note) {
        this.note = note;
    }

    String note() {
        return note;
    }

    public int failedCount() {
        return failed;
    }

    Counts counts() {
        return new Counts(read, created, updated, unchanged, failed);
    }

    record Counts(int read, int created, int updated, int unchanged, int failed) {
    }
}
