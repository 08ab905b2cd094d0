package com.counterlink.sync;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A database write started on a virtual thread so the job need not wait for it (its next WooCommerce
 * request, its next items).
 * Its owner awaits it before starting the next one, so at most one is in flight, and a failed write
 * fails the run where it is awaited.
 */
public final class WriteBehind {

    public static final WriteBehind NONE = new WriteBehind(null);

    private final FutureTask<Void> task;

    private WriteBehind(FutureTask<Void> task) {
        this.task = task;
    }

    public static WriteBehind start(Runnable write) {
        FutureTask<Void> task = new FutureTask<>(write, null);
        Thread.ofVirtual().name("write-behind").start(task);
        return new WriteBehind(task);
    }

    public void await() {
        if (task == null) {
            return;
        }
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a database write", e);
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
