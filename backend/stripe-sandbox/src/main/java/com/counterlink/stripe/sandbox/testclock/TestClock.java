package com.counterlink.stripe.sandbox.testclock;

/** A test clock: a frozen time that objects attached to it live on, moved only by {@code advance}. */
public final class TestClock {
    /** {@code status} of a test clock. */
    public enum Status {
        READY("ready"), ADVANCING("advancing"), INTERNAL_FAILURE("internal_failure");

        private final String wire;

        Status(String wire) { this.wire = wire; }

        public String wire() { return wire; }
    }

    private final String id;
    private final String name;
    private final long created;
    private final long deletesAfter;
    private volatile long frozenTime;
    private volatile Status status = Status.READY;
    private volatile long targetFrozenTime;

    TestClock(String id, String name, long created, long frozenTime, long deletesAfter) {
        this.id = id;
        this.name = name;
        this.created = created;
        this.frozenTime = frozenTime;
        this.deletesAfter = deletesAfter;
    }

    public String id() { return id; }

    public String name() { return name; }

    public long created() { return created; }

    public long deletesAfter() { return deletesAfter; }

    public long frozenTime() { return frozenTime; }

    void frozenTime(long t) { frozenTime = t; }

    public Status status() { return status; }

    void advancing(long target) {
        status = Status.ADVANCING;
        targetFrozenTime = target;
    }

    void settled(Status s) { status = s; }

    public long targetFrozenTime() { return targetFrozenTime; }
}
