package com.counterlink.bridge;

import java.util.UUID;

/** A bridge of the tenant reports that Counterpoint's database answers again after it did not. */
public record CounterpointAnswering(UUID tenantId) {
}
