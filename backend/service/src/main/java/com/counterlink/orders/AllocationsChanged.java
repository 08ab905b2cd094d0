package com.counterlink.orders;

import java.util.Set;
import java.util.UUID;

/**
 * Published (Micronaut application event) when web orders allocated or released quantities of these
 * items: the inventory job listens to push every sibling store of the tenant its new quantity within
 * seconds instead of at its next interval. {@code siteId} is the store whose order caused it.
 */
public record AllocationsChanged(UUID tenantId, UUID siteId, Set<String> itemNos) {
}
