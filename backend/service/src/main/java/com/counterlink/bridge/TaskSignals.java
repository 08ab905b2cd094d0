package com.counterlink.bridge;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the bridge polls of one tenant as soon as a task of that tenant is queued or released,
 * here or (through {@link ReplicaNotifications}) in another replica. Polls still re-read the table
 * every {@code recheck} in case a notification was missed.
 */
@Singleton
class TaskSignals {

    private final Map<UUID, TenantSignal> tenants = new ConcurrentHashMap<>();

    void signal(UUID tenantId) {
        TenantSignal signal = tenants.get(tenantId);
        if (signal != null) {
            signal.fire();
        }
    }

    long generation(UUID tenantId) {
        return signalOf(tenantId).generation();
    }

    /** Waits until a task of the tenant changed after {@code seen}, or {@code max} passed. */
    void awaitChange(UUID tenantId, long seen, Duration max) {
        signalOf(tenantId).await(seen, max);
    }

    private TenantSignal signalOf(UUID tenantId) {
        return tenants.computeIfAbsent(tenantId, id -> new TenantSignal());
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static final class TenantSignal {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private long generation;

        void fire() {
            lock.lock();
            try {
                generation++;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        long generation() {
            lock.lock();
            try {
                return generation;
            } finally {
                lock.unlock();
            }
        }

        void await(long seen, Duration max) {
            long nanos = max.toNanos();
            lock.lock();
            try {
                while (generation == seen && nanos > 0) {
                    nanos = changed.awaitNanos(nanos);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
        }
    }
}
