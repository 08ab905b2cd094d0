package com.counterlink.sync;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the light polls on this replica: one thread takes the due stores of every tenant (leased, see
 * {@link LightPollLeases}) no more than there are free threads in a small fixed pool, which looks at each
 * and hands it back with its next time ({@link PollInterval}). Only replicas that run jobs poll. A failed
 * look is counted on the store's row and logged the first time and then once in {@value #LOG_EVERY}.
 */
@Context
public class LightPolls {

    private static final Logger LOG = LoggerFactory.getLogger(LightPolls.class);
    static final int LOG_EVERY = 60;

    private final String replica = "replica-" + UUID.randomUUID();
    private final LightPollLeases leases;
    private final Map<JobType, LightPoll> polls = new EnumMap<>(JobType.class);
    private final PollInterval interval;
    private final Duration lease;
    private final Semaphore free;
    private final ScheduledExecutorService ticker;
    private final ExecutorService pool;
    private volatile Instant claimFailureLogged = Instant.EPOCH;

    LightPolls(LightPollLeases leases, List<LightPoll> polls, LightPollSettings settings,
               @Value("${jobrunr.background-job-server.enabled:true}") boolean runsJobsHere) {
        this.leases = leases;
        polls.forEach(poll -> this.polls.put(poll.job(), poll));
        this.interval = settings.pollInterval();
        this.lease = settings.getLease();
        if (settings.getThreads() < 1) {
            throw new IllegalArgumentException("counterlink.light-poll.threads must be at least 1");
        }
        this.free = new Semaphore(settings.getThreads());
        if (settings.isEnabled() && runsJobsHere && !polls.isEmpty()) {
            ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("light-polls").factory());
            pool = Executors.newFixedThreadPool(settings.getThreads(), Thread.ofPlatform().daemon().name("light-poll-", 1).factory());
            long tick = settings.getTick().toMillis();
            ticker.scheduleWithFixedDelay(this::takeDueStores, tick, tick, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
            pool = null;
        }
    }

    private void takeDueStores() {
        int max = free.availablePermits();
        if (max == 0) {
            return;
        }
        List<LightPollLeases.Lease> due;
        try {
            due = leases.claim(replica, max, lease);
        } catch (RuntimeException e) {
            // the database is away: say so once a minute, not twice a second
            if (claimFailureLogged.isBefore(Instant.now().minusSeconds(60))) {
                claimFailureLogged = Instant.now();
                LOG.warn("Light polls could not take their due stores: {}", e.getMessage());
            }
            return;
        }
        for (LightPollLeases.Lease store : due) {
            free.acquireUninterruptibly();
            try {
                pool.execute(() -> {
                    try {
                        look(store);
                    } finally {
                        free.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                free.release(); // shutting down: the lease runs out and another replica takes the store
            }
        }
    }

    void look(LightPollLeases.Lease store) {
        LightPoll poll = polls.get(store.job());
        LightPoll.Look look;
        try {
            look = poll.look(store.tenantId(), store.siteId(), store.seenUntil());
        } catch (RuntimeException e) {
            failed(store, e);
            return;
        }
        try {
            switch (look.outcome()) {
                case GONE -> leases.drop(store);
                case ACTIVE -> answered(store, interval.afterActivity(), look.seenUntil());
                case IDLE -> answered(store, interval.afterIdle(store.interval()), look.seenUntil());
            }
        } catch (RuntimeException e) {
            LOG.debug("Light poll of store {} could not be handed back; its lease runs out", store.siteId(), e);
        }
    }

    private void answered(LightPollLeases.Lease store, Duration next, Instant seenUntil) {
        if (store.failures() > 0) {
            LOG.info("Store {} answers its {} light poll again after {} failed look(s)", store.siteId(),
                    store.job().name().toLowerCase(), store.failures());
        }
        leases.release(replica, store, next, seenUntil, 0, null);
    }

    private void failed(LightPollLeases.Lease store, RuntimeException e) {
        int failures = store.failures() + 1;
        Duration next = interval.afterFailure(store.interval());
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (failures == 1 || failures % LOG_EVERY == 0) {
            LOG.warn("{} light poll of store {} failed ({} in a row; next look in {} s): {}", store.job(), store.siteId(),
                    failures, next.toSeconds(), reason);
        }
        try {
            leases.release(replica, store, next, store.seenUntil(), failures, reason.length() > 500 ? reason.substring(0, 500) : reason);
        } catch (RuntimeException again) {
            LOG.debug("Light poll of store {} could not be handed back; its lease runs out", store.siteId(), again);
        }
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            pool.shutdownNow();
        }
    }
}
