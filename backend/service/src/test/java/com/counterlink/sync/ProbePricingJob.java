package com.counterlink.sync;

import com.counterlink.sync.catalog.PricingJob;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A pricing job for the framework's tests, whose behaviour each test chooses: record a few item
 * outcomes, block until released, or find the bridge offline. It stands in for the real pricing job.
 */
@Singleton
@Requires(property = "sync-probe.enabled", value = "true")
@Replaces(PricingJob.class)
class ProbePricingJob implements SyncJob {

    enum Behaviour { RECORD_ITEMS, BLOCK, BRIDGE_OFFLINE, CRASH, PROGRESS_THEN_BLOCK }

    final AtomicReference<Behaviour> behaviour = new AtomicReference<>(Behaviour.RECORD_ITEMS);
    final AtomicReference<CountDownLatch> release = new AtomicReference<>(new CountDownLatch(0));
    final CountDownLatch started = new CountDownLatch(1);
    final AtomicReference<CountDownLatch> midway = new AtomicReference<>(new CountDownLatch(1));

    @Override
    public JobType type() {
        return JobType.PRICING;
    }

    @Override
    public void run(SyncContext context) throws BridgeOfflineException {
        switch (behaviour.get()) {
            case RECORD_ITEMS -> {
                context.log().read(3);
                context.log().outcome("ITEM-1", ItemOutcome.CREATED);
                context.log().outcome("ITEM-2", ItemOutcome.UNCHANGED);
                context.log().failed("ITEM-3", "NO_PRICE", "ITEM-3 has no price at level PRC_1",
                        "Give ITEM-3 a price at level PRC_1 in Counterpoint, or choose another level for this store");
            }
            case BLOCK -> {
                started.countDown();
                try {
                    release.get().await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case PROGRESS_THEN_BLOCK -> {
                context.log().read(4);
                context.log().expect(4);
                context.log().outcome("ITEM-1", ItemOutcome.CREATED);
                context.log().outcome("ITEM-2", ItemOutcome.UNCHANGED);
                try {
                    Thread.sleep(1_100); // progress is written at most once a second
                    context.log().outcome("ITEM-3", ItemOutcome.UPDATED);
                    midway.get().countDown();
                    release.get().await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case BRIDGE_OFFLINE -> throw new BridgeOfflineException("The Counterpoint bridge has not been seen for 5 minutes");
            case CRASH -> throw new IllegalStateException("WooCommerce answered 500 twice");
        }
    }
}
