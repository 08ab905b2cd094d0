package com.counterlink.sync.catalog;

import com.counterlink.sync.BridgeOfflineException;
import com.counterlink.sync.WriteBehind;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page read ahead fails where the job takes it, exactly as the read itself would have failed. */
class ReadAheadTest {

    @Test
    void theReadRunsWhileTheCallerWorksAndItsResultIsTakenLater() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        ReadAhead<String> ahead = ReadAhead.start(() -> {
            reading.countDown();
            return "page 2";
        });
        assertTrue(reading.await(5, TimeUnit.SECONDS), "the read started without waiting for get()");
        assertEquals("page 2", ahead.get());
    }

    @Test
    void anOfflineBridgeSurfacesAsTheSameBridgeOfflineException() {
        BridgeOfflineException offline = new BridgeOfflineException("The Counterpoint bridge is offline");
        ReadAhead<String> ahead = ReadAhead.start(() -> {
            throw offline;
        });
        assertSame(offline, assertThrows(BridgeOfflineException.class, ahead::get));
    }

    @Test
    void aRefusedReadSurfacesAsItsOwnException() {
        IllegalStateException refused = new IllegalStateException("Counterpoint refused READ_STOCK (INVALID_REQUEST): bad item");
        ReadAhead<String> ahead = ReadAhead.start(() -> {
            throw refused;
        });
        assertSame(refused, assertThrows(IllegalStateException.class, ahead::get));
    }

    @Test
    void aWriteBehindThatFailedFailsWhereItIsAwaited() {
        IllegalStateException failed = new IllegalStateException("SQL failed: connection lost");
        WriteBehind write = WriteBehind.start(() -> {
            throw failed;
        });
        assertSame(failed, assertThrows(IllegalStateException.class, write::await));
        WriteBehind.NONE.await();
    }
}
