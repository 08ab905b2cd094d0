package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.ProtocolJson;
import com.counterlink.bridge.protocol.TaskErrorCode;
import com.counterlink.bridge.protocol.WireMessages.Task;
import com.counterlink.bridge.protocol.WireMessages.TaskResult;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void counterpointDownIsReportedAsUnavailableAndPingStillAnswers() {
        OperationExecutor executor = new OperationExecutor(new CounterpointConnections(
                "jdbc:h2:tcp://localhost:1/nothing;MODE=MSSQLServer", "sa", "x"));
        TaskResult read = executor.execute(task("READ_SETUP", "{}"));
        assertEquals(TaskErrorCode.COUNTERPOINT_UNAVAILABLE, read.errorCode());
        assertTrue(read.errorMessage().contains("Cannot connect"), read.errorMessage());

        TaskResult ping = executor.execute(task("PING", "{}"));
        assertEquals("COMPLETED", ping.status());
        assertFalse(ping.result().get("counterpointReachable").asBoolean());
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
