package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.WireMessages.CounterpointStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Whether Counterpoint's database answers, as every connection of the bridge last found it, and since when it
 * does not. The driver's own words stay here, in the bridge's log: the cloud hears only "not answering, since".
 */
public final class CounterpointHealth {

    private static final Logger LOG = Logger.getLogger(CounterpointHealth.class.getName());

    private final Clock clock;
    private Instant unreachableSince;
    private Runnable onChange = () -> { };

    public CounterpointHealth() {
        this(Clock.systemUTC());
    }

    CounterpointHealth(Clock clock) {
        this.clock = clock;
    }

    /** Called (outside any lock) when Counterpoint stops or starts answering: the bridge tells the cloud at once. */
    public synchronized void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** A connection answered. */
    public void answered() {
        Runnable changed;
        synchronized (this) {
            if (unreachableSince == null) {
                return;
            }
            LOG.info("Counterpoint's database answers again (it did not since " + unreachableSince + ")");
            unreachableSince = null;
            changed = onChange;
        }
        changed.run();
    }

    /** A connection could not be made or broke; {@code detail} is the driver's message, for this log only. */
    public void notAnswering(String detail) {
        Runnable changed;
        synchronized (this) {
            if (unreachableSince != null) {
                LOG.fine("Counterpoint's database still does not answer: " + detail);
                return;
            }
            unreachableSince = clock.instant();
            LOG.warning("Counterpoint's database does not answer: " + detail + ". Runs that need it wait; the bridge keeps"
                    + " trying and tells Counterlink when it answers again.");
            changed = onChange;
        }
        changed.run();
    }

    public synchronized CounterpointStatus status() {
        return new CounterpointStatus(unreachableSince == null, unreachableSince);
    }
}
