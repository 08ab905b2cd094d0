package com.counterlink.orders;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the allocation events, as the inventory job will listen to them. */
@Singleton
class AllocationEventsProbe {

    final List<AllocationsChanged> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(AllocationsChanged event) {
        received.add(event);
    }
}
