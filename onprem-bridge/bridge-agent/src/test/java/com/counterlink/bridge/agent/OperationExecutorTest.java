package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.ProtocolJson;
import com.counterlink.bridge.protocol.TaskErrorCode;
import com.counterlink.bridge.protocol.WireMessages.Task;
import com.counterlink.bridge.protocol.WireMessages.TaskResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationExecutorTest {

    @Test
    void anUnknownOperationIsRefusedWithoutTouchingCounterpoint() {
        TaskResult result = new OperationExecutor(new CounterpointConnections("", "", ""))
                .execute(task("RUN_SQL", "{\"sql\":\"DELETE FROM AR_CUST\"}"));
        assertEquals("FAILED", result.status());
        assertEquals(TaskErrorCode.UNKNOWN_OPERATION, result.errorCode());
        assertTrue(result.errorMessage().contains("RUN_SQL"));
    }

    @Test
    void invalidParametersAreRefusedNamingTheField() throws Exception {
        TaskResult result = new OperationExecutor(new CounterpointConnections(DemoCounterpoint.seeded(5), "", ""))
                .execute(task("FIND_CUSTOMERS_BY_EMAIL", "{\"email\":\"x' OR '1'='1\"}"));
        assertEquals(TaskErrorCode.INVALID_PARAMETERS, result.errorCode());
        assertTrue(result.errorMessage().startsWith("email"), result.errorMessage());
    }

    @Test
    void counterpointDownIsReportedAsUnavailableWithoutTheDriversWordsAndPingStillAnswers() {
        CounterpointHealth health = new CounterpointHealth();
        OperationExecutor executor = new OperationExecutor(new CounterpointConnections(
                "jdbc:h2:tcp://localhost:1/nothing;MODE=MSSQLServer", "sa", "x", health));
        TaskResult read = executor.execute(task("READ_SETUP", "{}"));
        assertEquals(TaskErrorCode.COUNTERPOINT_UNAVAILABLE, read.errorCode());
        assertEquals("Counterpoint's database is not answering on the bridge's server; nothing was changed",
                read.errorMessage(), "the driver's text (\"Connection refused … [90067-232]\") stays in the bridge's log");
        assertFalse(health.status().reachable());
        assertNotNull(health.status().unreachableSince());

        TaskResult ping = executor.execute(task("PING", "{}"));
        assertEquals("COMPLETED", ping.status());
        assertFalse(ping.result().get("counterpointReachable").asBoolean());
    }

    @Test
    void theHealthSaysSinceWhenCounterpointIsDownAndClearsWhenItAnswersAgainTellingTheLoopBothTimes() throws Exception {
        CounterpointHealth health = new CounterpointHealth();
        AtomicInteger told = new AtomicInteger();
        health.onChange(told::incrementAndGet);
        CounterpointConnections down = new CounterpointConnections("jdbc:h2:tcp://localhost:1/nothing;MODE=MSSQLServer",
                "sa", "x", health);
        CounterpointConnections up = new CounterpointConnections(DemoCounterpoint.seeded(5), "", "", health);

        assertTrue(health.status().reachable());
        assertThrows(TaskFailure.class, down::get);
        Instant since = health.status().unreachableSince();
        assertNotNull(since);
        assertThrows(TaskFailure.class, down::get);
        assertEquals(since, health.status().unreachableSince(), "still the moment it first stopped answering");
        assertEquals(1, told.get());

        up.get();
        assertTrue(health.status().reachable());
        assertNull(health.status().unreachableSince());
        assertEquals(2, told.get());
        up.close();
    }

    @Test
    void aReadReturnsItsTypedResult() throws Exception {
        TaskResult result = new OperationExecutor(new CounterpointConnections(DemoCounterpoint.seeded(5), "", ""))
                .execute(task("READ_ITEM_CHANGES", "{\"pageSize\":3}"));
        assertEquals("COMPLETED", result.status());
        assertEquals(3, result.result().get("items").size());
        assertFalse(result.result().get("last").asBoolean());
    }

    private static Task task(String operation, String params) {
        return new Task(UUID.randomUUID(), operation, ProtocolJson.parse(params));
    }
}
