package com.counterlink.sync.catalog;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A database write started on a virtual thread so the next WooCommerce request need not wait for it.
 * Its owner awaits it before starting the next one, so at most one is in flight, and a failed write
 * fails the run where it is awaited.
 */
final class WriteBehind {

    static final WriteBehind NONE = new WriteBehind(null);

    private final FutureTask<Void> task;

    private WriteBehind(FutureTask<Void> task) {
        this.task = task;
    }

    static WriteBehind start(Runnable write) {
        FutureTask<Void> task = new FutureTask<>(write, null);
        Thread.ofVirtual().name("catalog-write-behind").start(task);
        return new WriteBehind(task);
    }

    void await() {
        if (task == null) {
            return;
        }
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing what WooCommerce accepted", e);
        } catch (CancellationException e) {
            throw new IllegalStateException("the write was cancelled", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }
}
