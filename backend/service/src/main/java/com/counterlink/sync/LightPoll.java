package com.counterlink.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * A cheap, frequent look at one store between its job's runs (one small request), which starts the job
 * as a change run when the store has something the job has not seen. {@link LightPolls} runs it on the
 * stores registered in {@link LightPollLeases}; the interval follows {@link PollInterval}.
 */
public interface LightPoll {

    /** The job this poll looks ahead for (one light poll per job). */
    JobType job();

    /**
     * One look at the store. Throws when the store could not be asked (counted as a failure, which
     * backs the store off further).
     *
     * @param seenUntil what the previous looks have seen (null before the first)
     */
    Look look(UUID tenantId, UUID siteId, Instant seenUntil);

    /** What one look found; {@code seenUntil} is kept for the next look. */
    record Look(Outcome outcome, Instant seenUntil) {
    }

    enum Outcome {
        /** the store had something new: the job was started, the next look comes after the base interval */
        ACTIVE,
        /** nothing new: the next look waits a little longer */
        IDLE,
        /** the store no longer needs this poll: it is dropped until it is registered again */
        GONE
    }
}
