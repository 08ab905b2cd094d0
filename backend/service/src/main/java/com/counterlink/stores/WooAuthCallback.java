package com.counterlink.stores;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** What WooCommerce's /wc-auth/v1 POSTs to our callback_url (see the reference, section 2). */
@Serdeable
public record WooAuthCallback(@JsonProperty("key_id") @Nullable @PositiveOrZero Long keyId,
                              @JsonProperty("user_id") @NotBlank @Size(max = 1000) String userId,
                              @JsonProperty("consumer_key") @NotBlank @Size(max = 200) String consumerKey,
                              @JsonProperty("consumer_secret") @NotBlank @Size(max = 200) String consumerSecret,
                              @JsonProperty("key_permissions") @Nullable
                              @Pattern(regexp = "read|write|read_write", message = "must be read, write or read_write")
                              String keyPermissions) {

    @Override
    public String toString() {
        return "WooAuthCallback[keyId=" + keyId + ", permissions=" + keyPermissions + "]";
    }
}
