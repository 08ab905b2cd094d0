package com.counterlink.stripe.sandbox.testclock;

import com.counterlink.stripe.sandbox.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@code test_helpers.test_clock}. */
public final class TestClockJson {
    private TestClockJson() {}

    public static ObjectNode render(TestClock c) {
        ObjectNode o = Json.object();
        o.put("created", c.created());
        o.put("deletes_after", c.deletesAfter());
        o.put("frozen_time", c.frozenTime());
        o.put("id", c.id());
        o.put("livemode", false);
        Json.putNullable(o, "name", c.name());
        o.put("object", "test_helpers.test_clock");
        o.put("status", c.status().wire());
        ObjectNode details = o.putObject("status_details");
        if (c.status() == TestClock.Status.ADVANCING) details.putObject("advancing").put("target_frozen_time", c.targetFrozenTime());
        return o;
    }
}
