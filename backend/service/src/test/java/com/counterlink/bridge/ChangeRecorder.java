package com.counterlink.bridge;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the change events the bridges' probes cause, for the end-to-end test. */
@Singleton
@Requires(property = "bridge-e2e.record-changes", value = "true")
class ChangeRecorder {

    final List<CounterpointChanged> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(CounterpointChanged event) {
        events.add(event);
    }
}
