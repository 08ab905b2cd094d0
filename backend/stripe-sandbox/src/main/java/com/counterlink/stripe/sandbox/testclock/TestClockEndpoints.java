package com.counterlink.stripe.sandbox.testclock;

import com.counterlink.stripe.sandbox.api.ApiCall;
import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ApiRouter;
import com.counterlink.stripe.sandbox.api.ListPage;
import com.counterlink.stripe.sandbox.api.ParamNames;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.api.Renderers;
import com.counterlink.stripe.sandbox.core.StateLock;
import com.counterlink.stripe.sandbox.event.EventLog;
import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * {@code /v1/test_helpers/test_clocks}. An advance answers at once with {@code status: advancing}; the work runs
 * afterwards, as on Stripe, and the clock reads {@code ready} (event {@code test_helpers.test_clock.ready}) when done.
 */
public final class TestClockEndpoints {
    private static final String BASE = "/v1/test_helpers/test_clocks";

    private final TestClocks clocks;
    private final EventLog events;
    private final ClockAdvancer advancer;
    private final StateLock lock;
    private final ExecutorService worker;
    private final Consumer<String> onDelete;

    /** @param onDelete removes the objects attached to a deleted clock (its customers and their subscriptions) */
    public TestClockEndpoints(TestClocks clocks, EventLog events, ClockAdvancer advancer, StateLock lock, ExecutorService worker,
                              Consumer<String> onDelete) {
        this.clocks = clocks;
        this.events = events;
        this.advancer = advancer;
        this.lock = lock;
        this.worker = worker;
        this.onDelete = onDelete;
    }

    public void register(ApiRouter router, Renderers renderers) {
        router.post(BASE, this::create);
        router.get(BASE, c -> ListPage.of(clocks.newestFirst(), TestClock::id, TestClockJson::render,
                c.params().allow(ListPage.PARAMS), BASE, "test clock"));
        router.get(BASE + "/{id}", c -> TestClockJson.render(clock(c)));
        router.delete(BASE + "/{id}", this::delete);
        router.post(BASE + "/{id}/advance", this::advance);
        renderers.register("clock_", id -> clocks.find(id).map(TestClockJson::render));
    }

    private ObjectNode create(ApiCall c) {
        Params p = c.params().allow(ParamNames.of("frozen_time", "name"));
        long frozen = p.longValue("frozen_time").orElseThrow(() -> ApiError.missing("frozen_time"));
        TestClock clock = clocks.create(p.nonEmptyString("name").orElse(null), frozen);
        ObjectNode json = TestClockJson.render(clock);
        events.emit("test_helpers.test_clock.created", clock.frozenTime(), json);
        return json;
    }

    private ObjectNode delete(ApiCall c) {
        TestClock clock = clock(c);
        onDelete.accept(clock.id());
        clocks.remove(clock.id());
        events.emit("test_helpers.test_clock.deleted", clock.frozenTime(), TestClockJson.render(clock));
        ObjectNode o = Json.object();
        o.put("id", clock.id());
        o.put("object", "test_helpers.test_clock");
        o.put("deleted", true);
        return o;
    }

    private ObjectNode advance(ApiCall c) {
        TestClock clock = clock(c);
        Params p = c.params().allow(Set.of("frozen_time"));
        long target = p.longValue("frozen_time").orElseThrow(() -> ApiError.missing("frozen_time"));
        if (clock.status() == TestClock.Status.ADVANCING) {
            throw ApiError.invalidRequest("The test clock " + clock.id() + " is already advancing; wait until its status is ready.");
        }
        if (target <= clock.frozenTime()) {
            throw ApiError.invalid("frozen_time", "The frozen_time (" + target + ") must be after the test clock's current frozen_time ("
                    + clock.frozenTime() + ").");
        }
        long latest = advancer.latestAllowed(clock.id(), clock.frozenTime());
        if (target > latest) {
            throw ApiError.invalid("frozen_time", "Cannot advance the test clock beyond " + latest
                    + ": a test clock may advance at most two intervals of its shortest subscription at a time.");
        }
        clock.advancing(target);
        ObjectNode json = TestClockJson.render(clock);
        events.emit("test_helpers.test_clock.advancing", clock.frozenTime(), json);
        worker.submit(() -> lock.run(() -> runAdvance(clock, target)));
        return json;
    }

    private void runAdvance(TestClock clock, long target) {
        events.cause(null, null);
        try {
            advancer.advance(clock.id(), target, clock::frozenTime);
            clock.frozenTime(target);
            clock.settled(TestClock.Status.READY);
            events.emit("test_helpers.test_clock.ready", target, TestClockJson.render(clock));
        } catch (RuntimeException e) {
            clock.settled(TestClock.Status.INTERNAL_FAILURE);
            events.emit("test_helpers.test_clock.internal_failure", clock.frozenTime(), TestClockJson.render(clock));
            throw e;
        }
    }

    private TestClock clock(ApiCall c) {
        return clocks.find(c.path("id")).orElseThrow(() -> ApiError.noSuchInPath("test clock", c.path("id")));
    }
}
