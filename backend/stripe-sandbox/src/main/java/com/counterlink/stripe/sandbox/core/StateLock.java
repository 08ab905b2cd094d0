package com.counterlink.stripe.sandbox.core;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** One lock over the account's state: API calls, hosted-page actions and clock advances run one at a time. */
public final class StateLock {
    private final ReentrantLock lock = new ReentrantLock(true);

    public <T> T call(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
