package com.counterlink.sync;

import java.util.UUID;

/** What a job needs to know about the run it is doing. */
public record SyncContext(UUID tenantId, UUID siteId, UUID runId, RunTrigger trigger, RunLog log) {

    /** A full comparison rather than changes since the watermark. */
    public boolean full() {
        return trigger.full();
    }
}
