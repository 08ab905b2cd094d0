package com.counterlink.stores;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;

/** What WooCommerce's /wc-auth/v1 POSTs to our callback_url. */
@Serdeable
public record WooAuthCallback(@JsonProperty("key_id") @Nullable Long keyId,
                              @JsonProperty("user_id") @NotBlank String userId,
                              @JsonProperty("consumer_key") @NotBlank String consumerKey,
                              @JsonProperty("consumer_secret") @NotBlank String consumerSecret,
                              @JsonProperty("key_permissions") @Nullable String keyPermissions) {

    @Override
    public String toString() {
        return "WooAuthCallback[keyId=" + keyId + ", permissions=" + keyPermissions + "]";
    }
}
