package com.counterlink.stores;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record LinkStoreCommand(@NotBlank @Size(max = 2048) String url, @NotBlank @Size(max = 120) String name) {
}
