package com.counterlink.stripe.sandbox.subscription;

import com.counterlink.stripe.sandbox.testclock.ClockAdvancer;

import java.util.function.LongConsumer;

/**
 * Runs due work in time order on one scope (a test clock, or the account's clock): subscription renewals and trial
 * ends, then invoice finalization and payment retries. Each step first moves the scope's time to when it falls due,
 * so invoices and events carry that time. Called under the state lock.
 */
public final class RenewalEngine implements ClockAdvancer {
    /** A runaway loop would mean a bug; a real advance of two periods has a handful of steps. */
    private static final int MAX_STEPS = 100_000;

    private final SubscriptionContext ctx;
    private final Renewals renewals;

    public RenewalEngine(SubscriptionContext ctx) {
        this.ctx = ctx;
        this.renewals = new Renewals(ctx);
    }

    @Override
    public void advance(String clockId, long target, LongConsumer moveTo) {
        for (int step = 0; step < MAX_STEPS; step++) {
            Long due = nextDue(clockId);
            if (due == null || due > target) return;
            moveTo.accept(due);
            for (Subscription s : ctx.subscriptions().onScope(clockId)) {
                Long d = renewals.nextDue(s);
                if (d != null && d <= due) renewals.run(s, due);
            }
            ctx.lifecycle().runDue(clockId, due);
        }
        throw new IllegalStateException("Due work on " + (clockId == null ? "the account clock" : clockId) + " does not settle");
    }

    /** Catches the account's own clock up with its current time (objects not on a test clock). */
    public void catchUp() {
        long now = ctx.time().now(null);
        advance(null, now, t -> { });
    }

    private Long nextDue(String clockId) {
        Long next = ctx.lifecycle().nextDue(clockId);
        for (Subscription s : ctx.subscriptions().onScope(clockId)) {
            Long d = renewals.nextDue(s);
            if (d != null && (next == null || d < next)) next = d;
        }
        return next;
    }

    @Override
    public long latestAllowed(String clockId, long frozenTime) {
        long latest = Long.MAX_VALUE;
        for (Subscription s : ctx.subscriptions().onScope(clockId)) {
            if (s.status().isTerminal()) continue;
            latest = Math.min(latest, renewals.recurring(s).periodEnd(frozenTime, 2));
        }
        if (latest == Long.MAX_VALUE) {
            latest = java.time.ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(frozenTime), java.time.ZoneOffset.UTC).plusYears(2).toEpochSecond();
        }
        return latest;
    }
}
