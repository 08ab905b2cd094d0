package com.counterlink.sync.catalog;

import com.counterlink.sync.BridgeOfflineException;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Counterpoint reads for the next page, started on a virtual thread while the current page is
 * written to WooCommerce, so the bridge's round trips overlap the writes. A job keeps at most one
 * of these, which keeps memory at two pages whatever the catalog's size. Its failure surfaces where
 * the job takes the result, exactly as if the job had read then.
 */
final class ReadAhead<T> {

    /** Reads through the bridge; may find it offline. */
    @FunctionalInterface
    interface Read<T> {
        T read() throws BridgeOfflineException;
    }

    private final FutureTask<T> task;

    private ReadAhead(FutureTask<T> task) {
        this.task = task;
    }

    static <T> ReadAhead<T> start(Read<T> read) {
        FutureTask<T> task = new FutureTask<>(read::read);
        Thread.ofVirtual().name("catalog-read-ahead").start(task);
        return new ReadAhead<>(task);
    }

    /** The result, waiting for it if needed; the read's own exception when it failed. */
    T get() throws BridgeOfflineException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new IllegalStateException("interrupted while waiting for Counterpoint", e);
        } catch (CancellationException e) {
            throw new IllegalStateException("the read ahead was cancelled", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case BridgeOfflineException offline -> throw offline;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** The job stopped early: the result is not wanted. */
    void abandon() {
        task.cancel(true);
    }
}
