package com.counterlink.platform.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One token bucket per key, in memory: a bucket holds a minute's allowance and refills continuously,
 * so a burst up to the allowance passes and a steady flood is held to it. Buckets that have refilled
 * completely are forgotten, so the map holds only callers of the last minute or so.
 */
final class TokenBuckets {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private volatile long lastSweep;

    TokenBuckets(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.lastSweep = nanoTime.getAsLong();
    }

    /** Takes a token: 0 when one was free, else the whole seconds until the next one is. */
    long take(String key, int perMinute) {
        if (perMinute <= 0) {
            return 60; // an allowance of nothing: closed
        }
        long now = nanoTime.getAsLong();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        return bucket.take(perMinute, now);
    }

    int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        if (now - lastSweep < MINUTE) {
            return;
        }
        lastSweep = now;
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    private static final class Bucket {

        private double tokens;
        private long updated;
        private int capacity;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.capacity = capacity;
            this.updated = now;
        }

        synchronized long take(int perMinute, long now) {
            capacity = perMinute;
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double nanosPerToken = (double) MINUTE / perMinute;
            return Math.max(1, (long) Math.ceil((1 - tokens) * nanosPerToken / 1e9));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (double) (now - updated) * capacity / MINUTE);
            updated = now;
        }
    }
}
