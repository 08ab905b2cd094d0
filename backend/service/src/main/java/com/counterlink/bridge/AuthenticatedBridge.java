package com.counterlink.bridge;

import java.util.UUID;

/** A bridge whose request signature checked out. */
public record AuthenticatedBridge(UUID tenantId, UUID bridgeId) {
}
