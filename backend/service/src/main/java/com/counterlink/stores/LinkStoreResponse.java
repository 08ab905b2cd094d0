package com.counterlink.stores;

import io.micronaut.serde.annotation.Serdeable;

/** The new pending store and where to send the retailer to approve access in WooCommerce. */
@Serdeable
public record LinkStoreResponse(StoreView store, String authorizeUrl) {
}
