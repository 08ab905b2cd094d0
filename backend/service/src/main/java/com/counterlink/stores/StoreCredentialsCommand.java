package com.counterlink.stores;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Manual key entry, when the app authorization flow cannot be used. */
@Serdeable
public record StoreCredentialsCommand(
        @NotBlank @Pattern(regexp = "ck_[A-Za-z0-9]{20,64}", message = "must be a WooCommerce consumer key (ck_…)") String consumerKey,
        @NotBlank @Pattern(regexp = "cs_[A-Za-z0-9]{20,64}", message = "must be a WooCommerce consumer secret (cs_…)") String consumerSecret) {

    @Override
    public String toString() {
        return "StoreCredentialsCommand[redacted]";
    }
}
