package com.counterlink.stores;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Switches a store to the address WooCommerce calls it by. */
@Serdeable
public record StoreAddressCommand(@NotBlank @Size(max = 2048) String url) {
}
