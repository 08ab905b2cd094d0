package com.counterlink.platform.jobs;

import com.counterlink.testing.BackendTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas in one JVM (as the chaos and replica tests start them): closing the first stops its own
 * JobRunr server, not the other's, so no server is left taking jobs on a closed connection pool.
 */
class JobRunrLifecycleTest extends BackendTest {

    @Test
    void closingAReplicaStopsItsOwnJobServerAndLeavesTheOtherReplicasRunning() {
        EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(getProperties()), "test");
        BackgroundJobServer firstServer = first.getApplicationContext().getBean(JobRunrLifecycle.class).server();
        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(getProperties()), "test")) {
            BackgroundJobServer secondServer = second.getApplicationContext().getBean(JobRunrLifecycle.class).server();
            assertNotSame(firstServer, secondServer);
            assertTrue(firstServer.isRunning());

            first.close();

            assertFalse(firstServer.isRunning(), "the closed replica's server takes no more jobs");
            assertTrue(secondServer.isRunning(), "the other replica keeps running its jobs");
        } finally {
            if (first.isRunning()) {
                first.close();
            }
        }
    }
}
