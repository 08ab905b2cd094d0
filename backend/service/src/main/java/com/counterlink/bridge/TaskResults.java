package com.counterlink.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands a task's result to the caller waiting for it in this replica the moment it is stored, so
 * the caller need not read it back. A result stored by another replica arrives as a bare
 * "finished" notice and the caller reads it from the table.
 */
@Singleton
class TaskResults {

    /** What a waiting caller receives: the finished task, or empty when it must be read from the table. */
    record Delivery(Optional<FinishedTask> task) {
    }

    record FinishedTask(String state, JsonNode result, String reasonCode, String reason) {
    }

    private final Map<UUID, CompletableFuture<Delivery>> waiting = new ConcurrentHashMap<>();

    /** Register before queueing the task, so no delivery can be missed; pair with {@link #forget}. */
    void expect(UUID taskId) {
        waiting.put(taskId, new CompletableFuture<>());
    }

    void forget(UUID taskId) {
        waiting.remove(taskId);
    }

    void deliver(UUID taskId, FinishedTask task) {
        CompletableFuture<Delivery> box = waiting.get(taskId);
        if (box != null) {
            box.complete(new Delivery(Optional.of(task)));
        }
    }

    /** Another replica stored the result. A delivery already made here is kept. */
    void finishedElsewhere(UUID taskId) {
        CompletableFuture<Delivery> box = waiting.get(taskId);
        if (box != null) {
            box.complete(new Delivery(Optional.empty()));
        }
    }

    /** The delivery, or empty when none came within {@code max}. */
    Optional<Delivery> await(UUID taskId, Duration max) {
        CompletableFuture<Delivery> box = waiting.get(taskId);
        if (box == null) {
            throw new IllegalStateException("no caller expects task " + taskId);
        }
        try {
            return Optional.of(box.get(Math.max(0, max.toNanos()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** After a "finished elsewhere" notice that the table did not confirm yet: wait anew. */
    void rearm(UUID taskId) {
        waiting.computeIfPresent(taskId, (id, box) -> box.isDone() ? new CompletableFuture<>() : box);
    }
}
