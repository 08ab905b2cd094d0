package com.counterlink.stripe.sandbox.testclock;

import com.counterlink.stripe.sandbox.core.Ids;
import com.counterlink.stripe.sandbox.core.SandboxClock;
import com.counterlink.stripe.sandbox.core.TimeSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account's test clocks; also the time of every scope (a clock's frozen time, or the account clock). */
public final class TestClocks implements TimeSource {
    static final long DELETES_AFTER_SECONDS = 7 * 24 * 3600;

    private final Map<String, TestClock> clocks = Collections.synchronizedMap(new LinkedHashMap<>());
    private final SandboxClock accountClock;

    public TestClocks(SandboxClock accountClock) { this.accountClock = accountClock; }

    @Override
    public long now(String testClockId) {
        if (testClockId == null) return accountClock.nowSeconds();
        TestClock c = clocks.get(testClockId);
        if (c == null) throw new IllegalStateException("No test clock " + testClockId);
        return c.frozenTime();
    }

    TestClock create(String name, long frozenTime) {
        long created = accountClock.nowSeconds();
        TestClock c = new TestClock(Ids.next("clock_"), name, created, frozenTime, created + DELETES_AFTER_SECONDS);
        clocks.put(c.id(), c);
        return c;
    }

    public Optional<TestClock> find(String id) { return Optional.ofNullable(id == null ? null : clocks.get(id)); }

    boolean remove(String id) { return clocks.remove(id) != null; }

    public List<TestClock> newestFirst() {
        List<TestClock> list;
        synchronized (clocks) {
            list = new ArrayList<>(clocks.values());
        }
        Collections.reverse(list);
        return list;
    }
}
